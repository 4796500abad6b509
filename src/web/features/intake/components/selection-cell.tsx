import type { IntakeSelection } from '@shared/contracts/proposals';
import { formatBaht } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/**
 * Where a proposal is in selection, in one table cell: the phase (a label whose word carries the meaning), the
 * shortlist mark, and the decision with the amount of an award and whether the applicant has been sent it.
 */
export function SelectionCell({
  selection,
  testId = 'selection-cell',
}: {
  selection: IntakeSelection;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const { phase, shortlisted, decision } = selection;
  if (phase === null && decision === null) {
    return <span className="in-muted">–</span>;
  }
  return (
    <div className="in-selection" data-testid={testId}>
      {phase ? (
        <span className={`in-phase in-phase--${phase}`} data-testid="selection-phase" data-phase={phase}>
          {t(`intake.phase.${phase}`)}
        </span>
      ) : null}
      {shortlisted ? (
        <span className="in-phase in-phase--shortlisted" data-testid="selection-shortlisted">
          <span aria-hidden="true">★ </span>
          {t('intake.selection.shortlisted')}
        </span>
      ) : null}
      {decision ? (
        <span className="in-decision" data-testid="selection-decision" data-outcome={decision.outcome}>
          <span className={`in-outcome in-outcome--${decision.outcome}`}>
            {t(`intake.outcome.${decision.outcome}`)}
          </span>
          {decision.amountSatang !== null ? (
            <span className="in-decision__amount">
              {t('intake.selection.amount', { amount: formatBaht(decision.amountSatang, lang) })}
            </span>
          ) : null}
          <span className="in-muted">
            {t(decision.released ? 'intake.selection.released' : 'intake.selection.notReleased')}
          </span>
        </span>
      ) : null}
    </div>
  );
}
