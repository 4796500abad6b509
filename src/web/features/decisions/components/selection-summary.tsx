import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { REVIEW_PHASES, type NotifyResult } from '@shared/contracts/decisions';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { ConfirmAction } from '@web/features/organisations/components/confirm-action';
import { toApiError } from '@web/lib/api';
import { formatBaht, formatNumber } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { decisionsApi, useCallDecisions } from '../api';
import '../decisions.css';

/**
 * "Release decision letters": sends every unsent decision of the call at once (email + in-app), after a confirming
 * question, and says how many went out and which could not. For the intake page and (H2) the ranking page header.
 */
export function ReleaseDecisionsButton({
  callId,
  unsentCount,
  onReleased,
}: {
  callId: string;
  unsentCount: number;
  onReleased?: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<NotifyResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const release = () => {
    setBusy(true);
    setFailure(null);
    decisionsApi.release(callId).then(
      (answer) => {
        setBusy(false);
        setResult(answer);
        onReleased?.();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(apiErrorText(toApiError(error), t));
      },
    );
  };
  return (
    <div className="dd-release" data-testid="release-decisions">
      {unsentCount > 0 ? (
        <ConfirmAction
          label={t('decisions.summary.release', { count: unsentCount })}
          question={t('decisions.summary.releaseQuestion', { count: unsentCount })}
          confirmLabel={t('decisions.summary.releaseConfirm')}
          cancelLabel={t('decisions.dialog.cancel')}
          onConfirm={release}
          busy={busy}
          testId="release-open"
        />
      ) : (
        <p className="dd-muted">{t('decisions.summary.nothingToRelease')}</p>
      )}
      <div aria-live="polite">
        {result && result.released.length > 0 ? (
          <FormSuccess>{t('decisions.summary.released', { count: result.released.length })}</FormSuccess>
        ) : null}
      </div>
      {result && result.failed.length > 0 ? (
        <FormAlert>
          <p>{t('decisions.summary.releaseFailed', { count: result.failed.length })}</p>
          <ul>
            {result.failed.map((f) => (
              <li key={f.id}>{f.message}</li>
            ))}
          </ul>
        </FormAlert>
      ) : null}
      {failure ? <FormAlert>{failure}</FormAlert> : null}
    </div>
  );
}

/**
 * The selection at a glance for a call's officers: submitted proposals by phase, the budget with what is awarded and
 * left, the letters waiting to be released (with the button), and the public results page.
 */
export function SelectionSummary({ callId, refreshKey = 0 }: { callId: string; refreshKey?: number }) {
  const { t, lang } = useI18n();
  const id = useId();
  const summary = useCallDecisions(callId);
  const { reload } = summary;
  useEffect(() => {
    if (refreshKey > 0) {
      reload();
    }
    // Only a new refresh key (the intake list changed) asks for the summary again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refreshKey]);
  if (summary.status !== 'success') {
    return null;
  }
  const { budget, phases, unsentCount } = summary.data;
  return (
    <section className="dd-summary" aria-labelledby={`${id}-title`} data-testid="selection-summary">
      <h2 id={`${id}-title`}>{t('decisions.summary.title')}</h2>
      <div className="dd-summary__grid">
        <div>
          <h3 className="dd-summary__label">{t('decisions.summary.phases')}</h3>
          <ul className="dd-summary__phases">
            {REVIEW_PHASES.map((phase) => (
              <li key={phase}>
                <span>{t(`decisions.phase.${phase}`)}</span>
                <strong>{formatNumber(phases[phase] ?? 0, lang)}</strong>
              </li>
            ))}
          </ul>
        </div>
        <dl className="dd-summary__money">
          <div>
            <dt>{t('decisions.summary.budget')}</dt>
            <dd>{formatBaht(budget.totalBudgetSatang, lang)}</dd>
          </div>
          <div>
            <dt>{t('decisions.summary.awarded', { count: budget.awardCount })}</dt>
            <dd>{formatBaht(budget.awardedSatang, lang)}</dd>
          </div>
          <div>
            <dt>{t('decisions.summary.remaining')}</dt>
            <dd>{formatBaht(budget.remainingSatang, lang)}</dd>
          </div>
        </dl>
        <div className="dd-summary__release">
          <p className="dd-muted">{t('decisions.summary.unsent', { count: unsentCount })}</p>
          <ReleaseDecisionsButton callId={callId} unsentCount={unsentCount} onReleased={summary.reload} />
          <p>
            <Link to={`/calls/${callId}/results`}>{t('decisions.summary.publicResults')}</Link>
          </p>
        </div>
      </div>
    </section>
  );
}
