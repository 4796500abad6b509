import { useId, useState } from 'react';
import type { ProposalDetail, ProposalSummary } from '@shared/contracts/proposals';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { intakeApi } from '../api';
import { eligibilityReason } from '../eligibility-text';

type Verdict = 'yes' | 'no' | 'unknown';

export function verdictOf(eligible: boolean | null): Verdict {
  return eligible === null ? 'unknown' : eligible ? 'yes' : 'no';
}

/** The eligibility result as a coloured word (with a mark, so colour is not the only sign). */
export function EligibilityBadge({
  eligible,
  overridden,
}: {
  eligible: boolean | null;
  overridden: boolean;
}) {
  const { t } = useI18n();
  const verdict = verdictOf(eligible);
  return (
    <span
      className={`in-verdict in-verdict--${verdict}`}
      data-testid="eligibility-badge"
      data-verdict={verdict}
    >
      <span aria-hidden="true">{verdict === 'yes' ? '✓ ' : verdict === 'no' ? '✗ ' : '? '}</span>
      {t(`intake.eligibility.${verdict}`)}
      {overridden ? <span className="in-verdict__by">{t('intake.eligibility.byOfficer')}</span> : null}
    </span>
  );
}

/** The checks behind a result, and the officer's override with its reason. */
export function EligibilityReasons({ detail }: { detail: ProposalDetail }) {
  const { t, lang } = useI18n();
  return (
    <div className="in-reasons">
      {detail.eligibility && detail.eligibility.checks.length > 0 ? (
        <ul className="in-reasons__list">
          {detail.eligibility.checks.map((check) => {
            const { key, values } = eligibilityReason(check, lang);
            return (
              <li key={check.rule} data-passed={check.passed}>
                <span aria-hidden="true">{check.passed ? '✓' : '✗'}</span>{' '}
                <span className="visually-hidden">
                  {check.passed ? t('intake.eligibility.passed') : t('intake.eligibility.failed')}:{' '}
                </span>
                {t(key, values)}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="in-reasons__none">{t('intake.eligibility.noChecks')}</p>
      )}
      {detail.eligibilityOverride ? (
        <p className="in-reasons__override">
          {t('intake.eligibility.overrideNote', {
            result: detail.eligibilityOverride.eligible
              ? t('intake.eligibility.yes')
              : t('intake.eligibility.no'),
            date: formatDate(detail.eligibilityOverride.at, lang, 'dateTime'),
            reason: detail.eligibilityOverride.reason,
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The list's eligibility cell: the result, and a button that opens the reasons (loaded when first opened). */
export function EligibilityCell({ proposal }: { proposal: ProposalSummary }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<ProposalDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !detail) {
      setFailure(null);
      intakeApi
        .detail(proposal.id)
        .then(setDetail, (error: unknown) => setFailure(apiErrorText(toApiError(error), t)));
    }
  };

  return (
    <div className="in-eligibility">
      <EligibilityBadge eligible={proposal.eligible} overridden={proposal.eligibilityOverridden} />
      <button
        type="button"
        className="in-link-button"
        aria-expanded={open}
        aria-controls={`${id}-reasons`}
        onClick={toggle}
        data-testid="eligibility-reasons-toggle"
      >
        {open ? t('intake.eligibility.hideReasons') : t('intake.eligibility.showReasons')}
      </button>
      <div id={`${id}-reasons`} hidden={!open} aria-live="polite" data-testid="eligibility-reasons">
        {open ? (
          failure ? (
            <p className="field__error">{failure}</p>
          ) : detail ? (
            <EligibilityReasons detail={detail} />
          ) : (
            <p className="in-muted">{t('common.loading')}</p>
          )
        ) : null}
      </div>
    </div>
  );
}
