import { useState } from 'react';
import type { ProjectDetail, Reallocation } from '@shared/contracts/projects';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { EmptyState } from '@web/components/ui/states';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { toApiError } from '@web/lib/api';
import { formatBaht, formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { projectsApi } from '../api';
import { spreadErrors } from '@web/lib/field-errors';
import { ReallocationStatusBadge, useCategoryLabel } from '../labels';
import { BahtField, Field } from '@web/components/ui/fields';
import { ProblemAlert } from './problem-alert';
import { ProjectDialog } from './project-dialog';
import { useCommand } from './use-command';

const REQUEST_FIELDS = ['fromLineId', 'toLineId', 'amountSatang', 'reason'];

/** What is left of the reallocation limit: the limit's percent of the award less what was approved so far. */
function limitOf(project: ProjectDetail) {
  const limit = Math.floor((project.awardSatang * project.reallocationLimitPercent) / 100);
  return { limit, left: Math.max(0, limit - project.reallocatedSatang) };
}

function RequestForm({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const categoryLabel = useCategoryLabel();
  const lines = [...project.budgetLines].sort((a, b) => a.position - b.position);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const { left } = limitOf(project);
  const source = lines.find((l) => l.id === from);
  const available = source ? source.approvedSatang - source.spentSatang : null;
  const lineLabel = (l: (typeof lines)[number]) => `${categoryLabel(l.category)}: ${l.description}`;

  const submit = async () => {
    const satang = parseBahtInput(amount);
    const found: Record<string, string> = {};
    if (!from) {
      found.fromLineId = t('forms.required');
    }
    if (!to) {
      found.toLineId = t('forms.required');
    } else if (to === from) {
      found.toLineId = t('projectsUi.reallocations.sameLine');
    }
    if (typeof satang !== 'number' || satang < 1) {
      found.amountSatang = satang === undefined ? t('forms.required') : t('common.moneyNotAmount');
    } else if (available !== null && satang > available) {
      found.amountSatang = t('projectsUi.reallocations.overAvailable', {
        amount: formatBaht(available, lang),
      });
    } else if (satang > left) {
      found.amountSatang = t('projectsUi.reallocations.overLimit', { amount: formatBaht(left, lang) });
    }
    if (reason.trim() === '') {
      found.reason = t('forms.required');
    }
    setErrors(found);
    setProblem([]);
    setDone(false);
    if (Object.keys(found).length > 0 || typeof satang !== 'number') {
      return;
    }
    setBusy(true);
    try {
      await projectsApi.requestReallocation(project.id, {
        fromLineId: from,
        toLineId: to,
        amountSatang: satang,
        reason: reason.trim(),
      });
      setFrom('');
      setTo('');
      setAmount('');
      setReason('');
      setDone(true);
      onChanged();
    } catch (caught) {
      const spread = spreadErrors(toApiError(caught), (f) => REQUEST_FIELDS.includes(f), t);
      setErrors(spread.fields);
      setProblem(spread.rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="pj-subform"
      noValidate
      aria-labelledby="pj-realloc-request"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="pj-realloc-request">{t('projectsUi.reallocations.requestTitle')}</h3>
      <div className="pj-grid-2">
        <Field label={t('projectsUi.reallocations.from')} error={errors.fromLineId}>
          {(tie) => (
            <select
              {...tie}
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              data-testid="realloc-from"
            >
              <option value="">{t('projectsUi.choose')}</option>
              {lines.map((l) => (
                <option key={l.id} value={l.id}>
                  {lineLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('projectsUi.reallocations.to')} error={errors.toLineId}>
          {(tie) => (
            <select
              {...tie}
              value={to}
              onChange={(event) => setTo(event.target.value)}
              data-testid="realloc-to"
            >
              <option value="">{t('projectsUi.choose')}</option>
              {lines.map((l) => (
                <option key={l.id} value={l.id}>
                  {lineLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <BahtField
        label={t('projectsUi.reallocations.amount')}
        value={amount}
        onChange={setAmount}
        error={errors.amountSatang}
        hint={
          available !== null
            ? t('projectsUi.reallocations.available', { amount: formatBaht(available, lang) })
            : undefined
        }
        testId="realloc-amount"
      />
      <Field label={t('projectsUi.reallocations.reason')} error={errors.reason} className="form-textarea">
        {(tie) => (
          <textarea
            {...tie}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            data-testid="realloc-reason"
          />
        )}
      </Field>
      {problem.length > 0 ? (
        <FormAlert testId="realloc-error">
          {problem.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </FormAlert>
      ) : null}
      {done ? <FormSuccess>{t('projectsUi.reallocations.requested')}</FormSuccess> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="realloc-submit">
          {busy ? t('projectsUi.saving') : t('projectsUi.reallocations.submit')}
        </button>
      </div>
    </form>
  );
}

/** Staff approve or reject a pending request, with an optional note. */
function DecideDialog({
  reallocation,
  decision,
  onChanged,
}: {
  reallocation: Reallocation;
  decision: 'approve' | 'reject';
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const { error, busy, run, clear } = useCommand();
  const noteRequired = decision === 'reject';
  const serverNote = error === null ? undefined : spreadErrors(error, (f) => f === 'note', t).fields.note;
  return (
    <ProjectDialog
      openLabel={t(`projectsUi.reallocations.${decision}`)}
      openClassName={
        decision === 'approve' ? 'action-button action-button--solid' : 'action-button action-button--danger'
      }
      title={t(`projectsUi.reallocations.${decision}Title`)}
      testId={`realloc-${decision}`}
      onOpen={() => {
        setNote('');
        setNoteError(undefined);
        clear();
      }}
    >
      {(close) => (
        <form
          className="pj-dialog__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (noteRequired && note.trim() === '') {
              setNoteError(t('projectsUi.reallocations.reasonRequired'));
              return;
            }
            setNoteError(undefined);
            const body = { version: reallocation.version, note: note.trim() };
            void run(
              () =>
                decision === 'approve'
                  ? projectsApi.approveReallocation(reallocation.id, body)
                  : projectsApi.rejectReallocation(reallocation.id, body),
              () => {
                close();
                onChanged();
              },
            );
          }}
        >
          <Field
            label={
              noteRequired ? t('projectsUi.reallocations.rejectReason') : t('projectsUi.reallocations.note')
            }
            error={noteError ?? serverNote}
            className="form-textarea"
          >
            {(tie) => (
              <textarea
                {...tie}
                rows={3}
                maxLength={2000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                data-testid={`realloc-${decision}-note`}
              />
            )}
          </Field>
          {serverNote ? null : <ProblemAlert error={error} />}
          <div className="form-actions">
            <button
              type="submit"
              className={decision === 'approve' ? 'button button--primary' : 'button button--danger'}
              disabled={busy}
              data-testid={`realloc-${decision}-save`}
            >
              {busy ? t('projectsUi.saving') : t(`projectsUi.reallocations.${decision}`)}
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

/** Budget reallocations between lines, within the project's limit: the requests, their decisions, a new request. */
export function ReallocationsSection({
  project,
  onChanged,
}: {
  project: ProjectDetail;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const categoryLabel = useCategoryLabel();
  const cancel = useCommand();
  const { limit, left } = limitOf(project);
  const lineName = (id: string) => {
    const line = project.budgetLines.find((l) => l.id === id);
    return line ? `${categoryLabel(line.category)}: ${line.description}` : '–';
  };
  const items = [...project.reallocations].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  if (project.status === 'setup' || project.status === 'agreement_issued') {
    return null;
  }
  return (
    <section className="pj-section" aria-labelledby="pj-reallocations">
      <h2 id="pj-reallocations">{t('projectsUi.reallocations.title')}</h2>
      <p className="pj-intro">
        {t('projectsUi.reallocations.limit', {
          percent: project.reallocationLimitPercent,
          limit: formatBaht(limit, lang),
          used: formatBaht(project.reallocatedSatang, lang),
          left: formatBaht(left, lang),
        })}
      </p>
      {items.length === 0 ? (
        <EmptyState>{t('projectsUi.reallocations.empty')}</EmptyState>
      ) : (
        <ul className="pj-realloc-list" data-testid="reallocations">
          {items.map((r) => (
            <li key={r.id} className="pj-realloc" data-testid="reallocation">
              <p className="pj-realloc__head">
                <strong>{formatBaht(r.amountSatang, lang)}</strong>{' '}
                <ReallocationStatusBadge status={r.status} />
              </p>
              <p className="pj-realloc__move">
                {t('projectsUi.reallocations.move', {
                  from: lineName(r.fromLineId),
                  to: lineName(r.toLineId),
                })}
              </p>
              <p>{r.reason}</p>
              <p className="pj-muted">
                {t('projectsUi.reallocations.requestedBy', {
                  name: r.requestedByName ?? '–',
                  date: formatDate(r.requestedAt, lang, 'dateTime'),
                })}
                {r.decidedAt ? (
                  <>
                    {' · '}
                    {t('projectsUi.reallocations.decidedBy', {
                      name: r.decidedByName ?? '–',
                      date: formatDate(r.decidedAt, lang, 'dateTime'),
                    })}
                  </>
                ) : null}
              </p>
              {r.decisionNote ? <p className="pj-muted">{r.decisionNote}</p> : null}
              {r.status === 'pending' ? (
                <div className="button-row">
                  {project.abilities.decideReallocation ? (
                    <>
                      <DecideDialog reallocation={r} decision="approve" onChanged={onChanged} />
                      <DecideDialog reallocation={r} decision="reject" onChanged={onChanged} />
                    </>
                  ) : null}
                  {r.isMine ? (
                    <button
                      type="button"
                      className="action-button"
                      disabled={cancel.busy}
                      onClick={() => {
                        if (window.confirm(t('projectsUi.reallocations.confirmCancel'))) {
                          void cancel.run(
                            () => projectsApi.cancelReallocation(r.id, { version: r.version }),
                            onChanged,
                          );
                        }
                      }}
                      data-testid="realloc-cancel"
                    >
                      {t('projectsUi.reallocations.cancel')}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={cancel.error} />
      {project.abilities.requestReallocation ? <RequestForm project={project} onChanged={onChanged} /> : null}
    </section>
  );
}
