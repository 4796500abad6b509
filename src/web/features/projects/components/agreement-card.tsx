import { useState } from 'react';
import type { ProjectDetail } from '@shared/contracts/projects';
import { Badge } from '@web/components/ui/badge';
import { FormAlert } from '@web/components/ui/form';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { agreementPdfHref, projectsApi } from '../api';
import { spreadErrors } from '@web/lib/field-errors';
import { Field } from '@web/components/ui/fields';
import { ProblemAlert } from './problem-alert';
import { ProjectDialog } from './project-dialog';
import { useCommand } from './use-command';

/** The owner signs: types their full name, confirms, and accepts the terms they read (by the terms' hash). */
function AcceptDialog({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (sha256: string, close: () => void) => {
    setBusy(true);
    try {
      await projectsApi.acceptAgreement(project.id, {
        version: project.version,
        signedName: name.trim(),
        confirm: true,
        agreementSha256: sha256,
      });
      close();
      onChanged();
    } catch (caught) {
      const spread = spreadErrors(toApiError(caught), (f) => f === 'signedName' || f === 'confirm', t);
      setErrors(spread.fields);
      setProblem(spread.stale ? [t('projectsUi.agreement.stale')] : spread.rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProjectDialog
      openLabel={t('projectsUi.agreement.accept')}
      openClassName="button button--primary"
      title={t('projectsUi.agreement.acceptTitle')}
      subtitle={<p>{t('projectsUi.agreement.acceptIntro')}</p>}
      testId="accept-dialog"
      onOpen={() => {
        setName('');
        setConfirm(false);
        setErrors({});
        setProblem([]);
      }}
    >
      {(close) => (
        <form
          className="pj-dialog__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const found: Record<string, string> = {};
            if (name.trim().length < 2) {
              found.signedName = t('projectsUi.agreement.nameRequired');
            }
            if (!confirm) {
              found.confirm = t('projectsUi.agreement.confirmRequired');
            }
            setErrors(found);
            setProblem([]);
            if (Object.keys(found).length > 0 || !project.agreement.sha256) {
              return;
            }
            void submit(project.agreement.sha256, close);
          }}
        >
          <p>
            <a href={agreementPdfHref(project.id, lang)} target="_blank" rel="noopener noreferrer">
              {t('projectsUi.agreement.readPdf')}
              <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
            </a>
          </p>
          <Field label={t('projectsUi.agreement.signedName')} error={errors.signedName}>
            {(tie) => (
              <input
                {...tie}
                autoComplete="name"
                maxLength={200}
                value={name}
                onChange={(event) => setName(event.target.value)}
                data-testid="accept-name"
              />
            )}
          </Field>
          <div className="form-check" data-invalid={errors.confirm ? 'true' : undefined}>
            <div className="form-check__row">
              <input
                id="pj-accept-confirm"
                type="checkbox"
                checked={confirm}
                onChange={(event) => setConfirm(event.target.checked)}
                aria-invalid={errors.confirm ? true : undefined}
                aria-describedby={errors.confirm ? 'pj-accept-confirm-error' : undefined}
                data-testid="accept-confirm"
              />
              <label htmlFor="pj-accept-confirm">{t('projectsUi.agreement.confirm')}</label>
            </div>
            {errors.confirm ? (
              <p id="pj-accept-confirm-error" className="field__error">
                {errors.confirm}
              </p>
            ) : null}
          </div>
          {problem.length > 0 ? (
            <FormAlert testId="accept-error">
              {problem.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </FormAlert>
          ) : null}
          <div className="form-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="accept-save"
            >
              {busy ? t('projectsUi.saving') : t('projectsUi.agreement.acceptButton')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('projectsUi.cancel')}
            </button>
          </div>
        </form>
      )}
    </ProjectDialog>
  );
}

/** The agreement: its state, the PDF in both languages, and the actions the person may take. */
export function AgreementCard({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { error, busy, run } = useCommand();
  const { agreement, abilities } = project;
  const hasTerms = agreement.state !== 'draft';

  const command = (kind: 'issue' | 'withdraw') => {
    const confirmText =
      kind === 'issue' ? t('projectsUi.agreement.confirmIssue') : t('projectsUi.agreement.confirmWithdraw');
    if (!window.confirm(confirmText)) {
      return;
    }
    const body = { version: project.version };
    void run(
      () =>
        kind === 'issue'
          ? projectsApi.issueAgreement(project.id, body)
          : projectsApi.withdrawAgreement(project.id, body),
      onChanged,
    );
  };

  return (
    <section className="pj-card" aria-labelledby="pj-agreement">
      <h2 id="pj-agreement">{t('projectsUi.agreement.title')}</h2>
      <p className="pj-card__status">
        <Badge
          tone={
            agreement.state === 'accepted' ? 'success' : agreement.state === 'issued' ? 'accent' : 'neutral'
          }
        >
          {t(`projects.agreementState.${agreement.state}`)}
        </Badge>
      </p>
      <dl className="pj-facts pj-facts--compact">
        <div>
          <dt>{t('projectsUi.agreement.number')}</dt>
          <dd>
            <code>{project.agreementNumber}</code>
          </dd>
        </div>
        {agreement.issuedAt ? (
          <div>
            <dt>{t('projectsUi.agreement.issuedAt')}</dt>
            <dd>{formatDate(agreement.issuedAt, lang, 'dateTime')}</dd>
          </div>
        ) : null}
        {agreement.acceptedAt ? (
          <div>
            <dt>{t('projectsUi.agreement.acceptedAt')}</dt>
            <dd>
              {formatDate(agreement.acceptedAt, lang, 'dateTime')}
              {agreement.acceptedByName ? (
                <span className="pj-muted">
                  {t('projectsUi.agreement.acceptedBy', { name: agreement.acceptedByName })}
                </span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {hasTerms ? (
        <p className="pj-links">
          <a
            href={agreementPdfHref(project.id, 'th')}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="agreement-pdf"
          >
            {t('projectsUi.agreement.pdfTh')}
            <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
          </a>
          <a href={agreementPdfHref(project.id, 'en')} target="_blank" rel="noopener noreferrer">
            {t('projectsUi.agreement.pdfEn')}
            <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
          </a>
        </p>
      ) : (
        <p className="pj-muted">{t('projectsUi.agreement.notIssued')}</p>
      )}
      {abilities.issueAgreement || abilities.withdrawAgreement || abilities.acceptAgreement ? (
        <div className="button-row">
          {abilities.issueAgreement ? (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => command('issue')}
              data-testid="agreement-issue"
            >
              {t('projectsUi.agreement.issue')}
            </button>
          ) : null}
          {abilities.withdrawAgreement ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => command('withdraw')}
              data-testid="agreement-withdraw"
            >
              {t('projectsUi.agreement.withdraw')}
            </button>
          ) : null}
          {abilities.acceptAgreement && agreement.sha256 ? (
            <AcceptDialog project={project} onChanged={onChanged} />
          ) : null}
        </div>
      ) : null}
      <ProblemAlert error={error} testId="agreement-error" />
    </section>
  );
}
