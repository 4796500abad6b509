import { useId, useState } from 'react';
import type {
  Assignment,
  AutoAssignResult,
  CallReviewer,
  ProposalAssignments,
  ReviewStage,
} from '@shared/contracts/reviewers';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { reviewersApi, useCallAssignments } from '../api';
import { reasonLines, themeNames } from '../labels';
import { AssignmentBadge } from './badges';

const LIVE = new Set(['pending_coi', 'active']);

/** An officer may remove a live assignment whose review is not submitted (the server checks again). */
const isRemovable = (assignment: Assignment) =>
  LIVE.has(assignment.status) && assignment.reviewStatus !== 'submitted';

function RemoveButton({ assignment, onDone }: { assignment: Assignment; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!isRemovable(assignment)) {
    return null;
  }
  if (!open) {
    return (
      <button type="button" className="button button--secondary rv-small" onClick={() => setOpen(true)}>
        {t('reviewers.admin.assign.remove')}
      </button>
    );
  }
  return (
    <div className="rv-confirm" role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`}>{t('reviewers.admin.assign.removeConfirm', { name: assignment.reviewerName })}</p>
      <div className="field form-field">
        <label htmlFor={`${id}-reason`}>{t('reviewers.admin.assign.removeReason')}</label>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--danger rv-small"
          onClick={() => {
            reviewersApi.remove(assignment.id, reason).then(onDone, (e: unknown) => {
              setError(apiErrorText(toApiError(e), t));
            });
          }}
        >
          {t('reviewers.admin.assign.confirmRemove')}
        </button>
        <button type="button" className="button button--secondary rv-small" onClick={() => setOpen(false)}>
          {t('reviewers.admin.assign.cancel')}
        </button>
      </div>
    </div>
  );
}

function ManualAssign({
  callId,
  stage,
  proposal,
  reviewers,
  onDone,
}: {
  callId: string;
  stage: ReviewStage;
  proposal: ProposalAssignments;
  reviewers: readonly CallReviewer[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const taken = new Set(proposal.assignments.filter((a) => a.status !== 'removed').map((a) => a.reviewerId));
  const choices = reviewers.filter((r) => r.status === 'accepted' && !taken.has(r.reviewerId));
  const [reviewerId, setReviewerId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="rv-manual">
      <summary>{t('reviewers.admin.assign.add')}</summary>
      {choices.length === 0 ? (
        <p className="ca-muted">{t('reviewers.admin.assign.pickNone')}</p>
      ) : (
        <form
          className="rv-manual__form"
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            reviewersApi.assign(callId, { proposalId: proposal.proposalId, reviewerId, stage, note }).then(
              () => {
                setReviewerId('');
                setNote('');
                onDone();
              },
              (e: unknown) => {
                const apiError = toApiError(e);
                const reasons = fieldIssues(apiError).map((issue) => issue.message);
                setError([apiErrorText(apiError, t), ...reasons].join(' · '));
              },
            );
          }}
        >
          <div className="field form-field">
            <label htmlFor={`${id}-who`}>{t('reviewers.admin.assign.pick')}</label>
            <select
              id={`${id}-who`}
              value={reviewerId}
              required
              onChange={(e) => setReviewerId(e.target.value)}
            >
              <option value="">–</option>
              {choices.map((r) => (
                <option key={r.reviewerId} value={r.reviewerId}>
                  {r.name} ({r.activeLoad}/{r.maxLoad})
                </option>
              ))}
            </select>
          </div>
          <div className="field form-field">
            <label htmlFor={`${id}-note`}>{t('reviewers.admin.assign.note')}</label>
            <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          {error ? <FormAlert>{error}</FormAlert> : null}
          <div className="button-row">
            <button type="submit" className="button button--primary rv-small" disabled={!reviewerId}>
              {t('reviewers.admin.assign.addButton')}
            </button>
          </div>
        </form>
      )}
    </details>
  );
}

/**
 * One proposal's reviewers: status, why each was assigned, remove, and manual add. `heading` false leaves out the
 * proposal's title and organisation (on the proposal's own page); `canAssign` false leaves out the manual add.
 */
export function ProposalCard({
  callId,
  stage,
  target,
  proposal,
  reviewers,
  onChange,
  heading = true,
  canAssign = true,
}: {
  callId: string;
  stage: ReviewStage;
  target: number;
  proposal: ProposalAssignments;
  reviewers: readonly CallReviewer[];
  onChange: () => void;
  heading?: boolean;
  canAssign?: boolean;
}) {
  const { t, lang } = useI18n();
  const title = localText(proposal, 'title', lang);
  const organisation =
    lang === 'en' && proposal.organisationNameEn ? proposal.organisationNameEn : proposal.organisationNameTh;
  const hasActions = proposal.assignments.some(isRemovable);
  return (
    <li className="rv-proposal" data-testid="assignment-proposal">
      <div className="rv-proposal__head">
        {heading ? (
          <>
            <h3>
              {proposal.receiptNumber ? <code>{proposal.receiptNumber}</code> : null} {title}
            </h3>
            <p className="ca-muted">
              {organisation}
              {proposal.themes.length > 0 ? ` · ${themeNames(proposal.themes, lang)}` : ''}
            </p>
          </>
        ) : null}
        <p className={proposal.assignedCount < target ? 'rv-count rv-count--short' : 'rv-count'}>
          {t('reviewers.admin.assign.assignedCount', { count: proposal.assignedCount, target })}
        </p>
      </div>
      {proposal.assignments.length === 0 ? (
        <p className="ca-muted">{t('reviewers.admin.assign.none')}</p>
      ) : (
        <table className="data-table data-table--stack rv-table">
          <caption className="visually-hidden">{t('reviewers.admin.assign.caption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reviewers.admin.assign.reviewer')}</th>
              <th scope="col">{t('reviewers.admin.assign.status')}</th>
              <th scope="col">{t('reviewers.admin.assign.why')}</th>
              {hasActions ? <th scope="col">{t('reviewers.admin.assign.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {proposal.assignments.map((a) => (
              <tr key={a.id} data-testid="assignment-row">
                <td data-label={t('reviewers.admin.assign.reviewer')}>{a.reviewerName}</td>
                <td data-label={t('reviewers.admin.assign.status')}>
                  <div className="rv-cell-stack">
                    <AssignmentBadge status={a.status} />
                    {a.reviewStatus ? (
                      <span className="ca-muted">
                        {t(`reviewers.reviewStatus.${a.reviewStatus as 'draft'}`)}
                      </span>
                    ) : null}
                    {a.coiStatement ? (
                      <span className="ca-muted">
                        {t('reviewers.admin.assign.statement', { text: a.coiStatement })}
                      </span>
                    ) : null}
                    {a.declineReason ? (
                      <span className="ca-muted">
                        {t('reviewers.admin.assign.declineReason', { text: a.declineReason })}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td data-label={t('reviewers.admin.assign.why')}>
                  <ul className="rv-why" data-testid="assignment-why">
                    {reasonLines(a.reason, lang, t).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
                {hasActions ? (
                  <td data-label={t('reviewers.admin.assign.actions')}>
                    <RemoveButton assignment={a} onDone={onChange} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAssign ? (
        <ManualAssign
          callId={callId}
          stage={stage}
          proposal={proposal}
          reviewers={reviewers}
          onDone={onChange}
        />
      ) : null}
    </li>
  );
}

/** Automatic assignment and, per proposal up for review, who reviews it and why, with manual add and remove. */
export function AssignmentsSection({
  callId,
  stages,
  target,
  reviewers,
  onChange,
}: {
  callId: string;
  stages: readonly ReviewStage[];
  target: number;
  reviewers: readonly CallReviewer[];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const [stage, setStage] = useState<ReviewStage>(stages[0] ?? 'proposal');
  const assignments = useCallAssignments(callId, stage);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AutoAssignResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = () => {
    assignments.reload();
    onChange();
  };

  return (
    <div className="rv-assign" data-testid="assignments">
      <p>{t('reviewers.admin.assign.intro', { count: target })}</p>
      {stages.length > 1 ? (
        <div className="ca-tabs" role="group" aria-label={t('reviewers.admin.assign.stage')}>
          {stages.map((s) => (
            <button
              key={s}
              type="button"
              className="ca-tab"
              aria-pressed={s === stage}
              onClick={() => {
                setStage(s);
                setResult(null);
              }}
            >
              {t(`reviewers.stage.${s}`)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          data-testid="auto-assign"
          onClick={() => {
            setBusy(true);
            setError(null);
            reviewersApi
              .autoAssign(callId, stage)
              .then(
                (r) => {
                  setResult(r);
                  changed();
                },
                (e: unknown) => setError(apiErrorText(toApiError(e), t)),
              )
              .finally(() => setBusy(false));
          }}
        >
          {busy ? t('reviewers.admin.assign.autoRunning') : t('reviewers.admin.assign.auto')}
        </button>
      </div>
      {result ? (
        <FormSuccess>
          {t('reviewers.admin.assign.autoDone', { count: result.created })}
          {result.shortfalls.length > 0
            ? ` · ${t('reviewers.admin.assign.shortfall', { count: result.shortfalls.length })}`
            : ''}
        </FormSuccess>
      ) : null}
      {error ? <FormAlert>{error}</FormAlert> : null}
      {assignments.status === 'loading' || assignments.status === 'idle' ? <LoadingState /> : null}
      {assignments.status === 'error' ? (
        <ErrorState error={assignments.error} onRetry={assignments.reload} />
      ) : null}
      {assignments.status === 'success' && assignments.data.length === 0 ? (
        <EmptyState>{t('reviewers.admin.assign.empty')}</EmptyState>
      ) : null}
      {assignments.status === 'success' && assignments.data.length > 0 ? (
        <ol className="rv-proposals">
          {assignments.data.map((p) => (
            <ProposalCard
              key={p.proposalId}
              callId={callId}
              stage={stage}
              target={target}
              proposal={p}
              reviewers={reviewers}
              onChange={changed}
            />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
