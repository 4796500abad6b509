import { useId, useState, type FormEvent, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CallDetail } from '@shared/contracts/calls';
import type { Organisation } from '@shared/contracts/organisations';
import { describedBy, FieldError, FormAlert } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { loginPath } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { useOrganisations } from '@web/features/organisations/api';
import { useMyProposals, proposalsApi } from '@web/features/proposals/api';
import { StatusBadge } from '@web/features/proposals/components/status-badge';
import { toApiError } from '@web/lib/api';
import { localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { useEligibility } from '../api';
import { EligibilityChecks } from './eligibility-checks';
import { useDateTime } from './labels';

const canWrite = (organisation: Organisation) =>
  organisation.myRole === 'owner' || organisation.myRole === 'editor';

function StartForm({
  call,
  organisation,
  problemId,
  onProblemChange,
  titleRef,
}: {
  call: CallDetail;
  organisation: Organisation;
  problemId: string;
  onProblemChange: (id: string) => void;
  titleRef: RefObject<HTMLInputElement | null>;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const problems = call.problemStatements.filter((p) => p.status === 'published');

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError(t('proposals.editor.titleRequired'));
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    proposalsApi
      .create({
        callId: call.id,
        organisationId: organisation.id,
        titleTh: title.trim(),
        problemStatementId: problemId || null,
      })
      .then(
        (proposal) => {
          void navigate(`/proposals/${proposal.id}`);
        },
        (error: unknown) => {
          setBusy(false);
          setFailure(apiErrorText(toApiError(error), t));
        },
      );
  };

  return (
    <form className="form apply-start" onSubmit={start} noValidate>
      <h3 className="apply-panel__subtitle">{t('calls.apply.startTitle')}</h3>
      {failure ? <FormAlert testId="start-error">{failure}</FormAlert> : null}
      <div className="field form-field" data-invalid={titleError ? 'true' : undefined}>
        <label htmlFor={`${id}-title`}>{t('calls.apply.proposalTitle')}</label>
        <p id={`${id}-title-hint`} className="field__hint">
          {t('calls.apply.proposalTitleHint')}
        </p>
        <input
          ref={titleRef}
          id={`${id}-title`}
          type="text"
          lang="th"
          maxLength={300}
          value={title}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={describedBy(`${id}-title-hint`, titleError && `${id}-title-error`)}
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleError(undefined);
          }}
          data-testid="proposal-title"
        />
        <FieldError id={`${id}-title-error`} message={titleError} />
      </div>
      {problems.length > 0 ? (
        <div className="field form-field">
          <label htmlFor={`${id}-problem`}>{t('calls.apply.problemStatement')}</label>
          <select
            id={`${id}-problem`}
            value={problemId}
            onChange={(e) => onProblemChange(e.target.value)}
            data-testid="proposal-problem"
          >
            <option value="">{t('calls.apply.problemStatementNone')}</option>
            {problems.map((p) => (
              <option key={p.id} value={p.id}>
                {localText(p, 'title', lang)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="start-proposal">
          {busy ? t('calls.apply.starting') : t('calls.apply.start')}
        </button>
      </div>
    </form>
  );
}

function MyProposalsInCall({ callId }: { callId: string }) {
  const { t } = useI18n();
  const mine = useMyProposals();
  if (mine.status !== 'success') {
    return null;
  }
  const here = mine.data.filter((p) => p.callId === callId);
  if (here.length === 0) {
    return null;
  }
  return (
    <div className="apply-mine">
      <h3 className="apply-panel__subtitle">{t('calls.apply.myProposals')}</h3>
      <ul>
        {here.map((p) => (
          <li key={p.id}>
            <Link to={`/proposals/${p.id}`}>{p.titleTh || t('proposals.mine.untitled')}</Link>{' '}
            <StatusBadge status={p.status} />
            {p.receiptNumber ? <span className="apply-mine__receipt">{p.receiptNumber}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SignedInApply({
  call,
  problemId,
  onProblemChange,
  titleRef,
}: {
  call: CallDetail;
  problemId: string;
  onProblemChange: (id: string) => void;
  titleRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useI18n();
  const id = useId();
  const organisations = useOrganisations('mine');
  const [chosen, setChosen] = useState<string | null>(null);
  const list = organisations.status === 'success' ? organisations.data : [];
  const organisation = list.find((o) => o.id === chosen) ?? list.find(canWrite) ?? list[0] ?? null;
  const eligibility = useEligibility(call.id, organisation?.id ?? null);

  if (organisations.status === 'error') {
    return <ErrorState error={organisations.error} onRetry={organisations.reload} />;
  }
  if (organisations.status !== 'success') {
    return <LoadingState />;
  }
  if (!organisation) {
    return (
      <>
        <p>{t('calls.apply.noOrganisations')}</p>
        <Link className="button button--primary" to="/organisations/new">
          {t('calls.apply.createOrganisation')}
        </Link>
      </>
    );
  }
  return (
    <>
      <div className="field form-field">
        <label htmlFor={`${id}-org`}>{t('calls.apply.organisation')}</label>
        <select
          id={`${id}-org`}
          value={organisation.id}
          onChange={(e) => setChosen(e.target.value)}
          data-testid="apply-organisation"
        >
          {list.map((o) => (
            <option key={o.id} value={o.id}>
              {o.nameTh}
            </option>
          ))}
        </select>
      </div>
      <div className="apply-result" aria-live="polite">
        <h3 className="apply-panel__subtitle">{t('calls.apply.resultTitle')}</h3>
        {eligibility.status === 'success' ? (
          <EligibilityChecks result={eligibility.data} testId="eligibility-result" />
        ) : eligibility.status === 'error' ? (
          <ErrorState error={eligibility.error} onRetry={eligibility.reload} />
        ) : (
          <LoadingState label={t('calls.apply.checking')} />
        )}
        <p className="apply-panel__note">{t('calls.apply.resultNote')}</p>
      </div>
      {canWrite(organisation) ? (
        <>
          {eligibility.status === 'success' && !eligibility.data.eligible ? (
            <p className="apply-panel__warning">{t('calls.apply.startAnyway')}</p>
          ) : null}
          <StartForm
            key={organisation.id}
            call={call}
            organisation={organisation}
            problemId={problemId}
            onProblemChange={onProblemChange}
            titleRef={titleRef}
          />
        </>
      ) : (
        <p className="apply-panel__warning">{t('calls.apply.viewerOnly')}</p>
      )}
      <MyProposalsInCall callId={call.id} />
    </>
  );
}

/**
 * "Apply" on a call's page: sign in first; then choose an organisation, see whether it is eligible and why,
 * and start a proposal (title, the problem statement it answers), which opens the editor.
 */
export function ApplyPanel({
  call,
  problemId,
  onProblemChange,
  titleRef,
}: {
  call: CallDetail;
  problemId: string;
  onProblemChange: (id: string) => void;
  titleRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useI18n();
  const { status, me } = useAuth();
  const dateTime = useDateTime();
  const headingId = useId();
  let body;
  if (call.phase === 'upcoming') {
    body = <p>{t('calls.apply.notOpenUpcoming', { date: dateTime(call.opensAt) })}</p>;
  } else if (call.phase === 'closed' || !call.abilities.apply) {
    body = <p>{t('calls.apply.notOpenClosed')}</p>;
  } else if (status === 'loading') {
    body = <LoadingState />;
  } else if (!me) {
    body = (
      <>
        <p>{t('calls.apply.signedOut')}</p>
        <div className="button-row">
          <Link
            className="button button--primary"
            to={loginPath(`/calls/${call.id}`)}
            data-testid="apply-sign-in"
          >
            {t('calls.apply.signIn')}
          </Link>
          <Link className="button button--secondary" to="/register">
            {t('calls.apply.register')}
          </Link>
        </div>
      </>
    );
  } else {
    body = (
      <SignedInApply
        call={call}
        problemId={problemId}
        onProblemChange={onProblemChange}
        titleRef={titleRef}
      />
    );
  }
  return (
    <section className="apply-panel" id="apply" aria-labelledby={headingId} data-testid="apply-panel">
      <h2 id={headingId}>{t('calls.apply.title')}</h2>
      {body}
    </section>
  );
}
