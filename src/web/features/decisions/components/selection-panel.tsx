import { useCallback, useEffect, useId, useState } from 'react';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type { ReviewPhase, ScreeningResult, Selection } from '@shared/contracts/decisions';
import { Badge } from '@web/components/ui/badge';
import { FieldError, FormAlert, FormSuccess, describedBy } from '@web/components/ui/form';
import { useAuth } from '@web/features/accounts/auth';
import { isOfficer } from '@web/features/call-admin/components/require-officer';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatBaht } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { decisionsApi, letterHref } from '../api';
import { DecisionDialog } from './DecisionDialog';
import '@web/components/ui/form.css';
import '../decisions.css';

const DECIDABLE: readonly ReviewPhase[] = ['review', 'panel', 'decision', 'decided', 'screened_out'];
const SCREENABLE: readonly ReviewPhase[] = ['screening', 'review', 'screened_out'];

/** The phase badge: where the proposal is in selection. */
export function PhaseBadge({ phase }: { phase: ReviewPhase }) {
  const { t } = useI18n();
  const tone = phase === 'screened_out' ? 'neutral' : phase === 'decided' ? 'brand' : 'accent';
  return <Badge tone={tone}>{t(`decisions.phase.${phase}`)}</Badge>;
}

/**
 * Officers' selection steps on a submitted proposal's page: the phase and screening result, screening (pass / fail
 * with a reason; passing an ineligible proposal overrides its eligibility), moving on to the panel or decision, the
 * shortlist, the call's money, the decision dialog and the draft letter. The server checks every step again.
 */
export function SelectionPanel({ proposal, onChanged }: { proposal: ProposalDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const id = useId();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [screening, setScreening] = useState(false);
  const [result, setResult] = useState<ScreeningResult>('passed');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const officer = isOfficer(me);
  const submitted = proposal.status === 'submitted';

  const load = useCallback(() => {
    decisionsApi
      .selection(proposal.id)
      .then(setSelection, (error: unknown) => setFailure(apiErrorText(toApiError(error), t)));
  }, [proposal.id, t]);

  useEffect(() => {
    if (officer && submitted) {
      load();
    }
  }, [officer, submitted, load]);

  if (!officer || !submitted) {
    return null;
  }

  const run = (request: Promise<unknown>, done: string) => {
    setBusy(true);
    setNotice(null);
    request.then(
      () => {
        setBusy(false);
        setScreening(false);
        setReason('');
        setNotice({ ok: true, text: done });
        load();
        onChanged();
      },
      (raw: unknown) => {
        setBusy(false);
        const error = toApiError(raw);
        const issue = fieldIssues(error).find((i) => i.field === 'body.reason');
        if (issue) {
          setReasonError(issue.message);
        } else {
          setNotice({ ok: false, text: apiErrorText(error, t) });
        }
      },
    );
  };

  const phase: ReviewPhase = selection?.state?.phase ?? 'screening';
  const state = selection?.state ?? null;
  const needsOverride = result === 'passed' && proposal.eligible === false;
  const reasonRequired = result === 'failed' || needsOverride;
  const saveScreening = () => {
    if (reasonRequired && reason.trim() === '') {
      setReasonError(t('decisions.dialog.reasonMissing'));
      return;
    }
    run(
      decisionsApi.screen(proposal.id, { result, reason: reason.trim() }),
      t('decisions.screening.screened'),
    );
  };

  return (
    <section className="dd-panel" aria-labelledby={`${id}-title`} data-testid="selection-panel">
      <h2 id={`${id}-title`}>{t('decisions.screening.title')}</h2>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {selection ? (
        <>
          <p className="dd-phase">
            <span>{t('decisions.screening.phase')}</span> <PhaseBadge phase={phase} />
            {state?.shortlisted ? <Badge tone="target">{t('decisions.screening.shortlist')}</Badge> : null}
          </p>
          {state?.screeningResult ? (
            <p className="dd-muted">
              {t('decisions.screening.lastResult', {
                result: t(`decisions.screeningResult.${state.screeningResult}`),
              })}
              {state.screeningReason
                ? ` · ${t('decisions.screening.lastReason', { reason: state.screeningReason })}`
                : ''}
            </p>
          ) : null}
          <p className="dd-muted" data-testid="selection-budget">
            {t('decisions.screening.budgetLine', {
              total: formatBaht(selection.budget.totalBudgetSatang, lang),
              awarded: formatBaht(selection.budget.awardedSatang, lang),
              remaining: formatBaht(selection.budget.remainingSatang, lang),
            })}
          </p>

          <div className="dd-buttons">
            {SCREENABLE.includes(phase) ? (
              <button
                type="button"
                className="action-button"
                aria-expanded={screening}
                onClick={() => {
                  setScreening(!screening);
                  setReasonError(undefined);
                }}
                data-testid="screening-open"
              >
                {state?.screeningResult ? t('decisions.screening.rescreen') : t('decisions.screening.screen')}
              </button>
            ) : null}
            {phase === 'review' && selection.hasPanel ? (
              <button
                type="button"
                className="action-button"
                disabled={busy}
                onClick={() =>
                  run(decisionsApi.movePhase(proposal.id, { phase: 'panel' }), t('decisions.screening.moved'))
                }
              >
                {t('decisions.screening.toPanel')}
              </button>
            ) : null}
            {phase === 'review' || phase === 'panel' ? (
              <button
                type="button"
                className="action-button"
                disabled={busy}
                onClick={() =>
                  run(
                    decisionsApi.movePhase(proposal.id, { phase: 'decision' }),
                    t('decisions.screening.moved'),
                  )
                }
                data-testid="phase-decision"
              >
                {t('decisions.screening.toDecision')}
              </button>
            ) : null}
            {DECIDABLE.includes(phase) ? (
              <DecisionDialog
                proposalId={proposal.id}
                stage={selection.stage}
                titleTh={proposal.titleTh}
                requestedSatang={selection.requestedSatang}
                maxGrantSatang={selection.budget.maxGrantSatang}
                current={selection.decision}
                onDecided={() => {
                  setNotice({ ok: true, text: t('decisions.dialog.saved') });
                  load();
                  onChanged();
                }}
              />
            ) : null}
            {selection.decision ? (
              <a
                className="action-button"
                href={letterHref(proposal.id, lang)}
                target="_blank"
                rel="noreferrer"
              >
                {t('decisions.screening.letterPreview')}
              </a>
            ) : null}
          </div>

          {phase !== 'screening' && phase !== 'screened_out' ? (
            <div className="form-check__row dd-shortlist">
              <input
                id={`${id}-shortlist`}
                type="checkbox"
                checked={state?.shortlisted ?? false}
                disabled={busy}
                onChange={(event) =>
                  run(
                    decisionsApi.shortlist(proposal.id, { shortlisted: event.target.checked }),
                    t('decisions.screening.shortlistSaved'),
                  )
                }
                data-testid="shortlist"
              />
              <label htmlFor={`${id}-shortlist`}>{t('decisions.screening.shortlist')}</label>
            </div>
          ) : null}

          {screening ? (
            <div className="dd-screening" data-testid="screening-form">
              <fieldset className="dd-outcomes">
                <legend>{t('decisions.screening.result')}</legend>
                {(['passed', 'failed'] as const).map((value) => (
                  <label
                    key={value}
                    className="dd-outcome"
                    data-checked={result === value ? 'true' : undefined}
                  >
                    <input
                      type="radio"
                      name={`${id}-result`}
                      checked={result === value}
                      onChange={() => {
                        setResult(value);
                        setReasonError(undefined);
                      }}
                      data-testid={`screening-${value}`}
                    />
                    <span>
                      {value === 'passed' ? t('decisions.screening.pass') : t('decisions.screening.fail')}
                    </span>
                  </label>
                ))}
              </fieldset>
              {needsOverride ? <p className="dd-note">{t('decisions.screening.overrideHint')}</p> : null}
              <div className="field form-field form-textarea" data-invalid={reasonError ? 'true' : undefined}>
                <label htmlFor={`${id}-reason`}>{t('decisions.screening.reason')}</label>
                <textarea
                  id={`${id}-reason`}
                  rows={3}
                  maxLength={5000}
                  value={reason}
                  onChange={(event) => {
                    setReason(event.target.value);
                    setReasonError(undefined);
                  }}
                  aria-invalid={reasonError ? true : undefined}
                  aria-describedby={describedBy(reasonError && `${id}-reason-error`)}
                  data-testid="screening-reason"
                />
                <FieldError id={`${id}-reason-error`} message={reasonError} />
              </div>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={saveScreening}
                  data-testid="screening-save"
                >
                  {busy ? t('forms.working') : t('decisions.screening.confirm')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setScreening(false)}
                >
                  {t('decisions.dialog.cancel')}
                </button>
              </div>
            </div>
          ) : null}
        </>
      ) : failure ? null : (
        <p className="dd-muted">{t('common.loading')}</p>
      )}
      <div aria-live="polite">{notice?.ok ? <FormSuccess>{notice.text}</FormSuccess> : null}</div>
      {notice && !notice.ok ? <FormAlert testId="selection-error">{notice.text}</FormAlert> : null}
    </section>
  );
}
