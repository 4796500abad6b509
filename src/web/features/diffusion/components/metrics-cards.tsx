import type { DiffusionMetrics } from '@shared/contracts/diffusion';
import { formatBaht, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

function percent(value: number | null, lang: 'th' | 'en'): string | null {
  return value === null ? null : formatNumber(value, lang, { style: 'percent', maximumFractionDigits: 0 });
}

type MetricKey = 'sites' | 'provinces' | 'target' | 'median' | 'sustained' | 'people' | 'funding';

/** The diffusion metrics as a row of cards: value, name and what it counts; `hide` leaves some out (a village). */
export function MetricsCards({
  metrics,
  hide = [],
}: {
  metrics: DiffusionMetrics;
  hide?: readonly MetricKey[];
}) {
  const { t, lang } = useI18n();
  const none = t('diffusion.metrics.notYet');
  const cards: Array<{ key: MetricKey; label: string; value: string; note: string }> = [
    {
      key: 'sites',
      label: t('diffusion.metrics.sites'),
      value: formatNumber(metrics.sites, lang),
      note: t('diffusion.metrics.sitesNote', { adopted: formatNumber(metrics.adoptedSites, lang) }),
    },
    {
      key: 'provinces',
      label: t('diffusion.metrics.provinces'),
      value: formatNumber(metrics.provincesReached, lang),
      note: '',
    },
    {
      key: 'target',
      label: t('diffusion.metrics.targetShare'),
      value: percent(metrics.targetGroupShare, lang) ?? none,
      note: t('diffusion.metrics.targetShareNote'),
    },
    {
      key: 'median',
      label: t('diffusion.metrics.medianDays'),
      value:
        metrics.medianDaysToAdopt === null
          ? none
          : t('diffusion.metrics.medianDaysValue', {
              days: formatNumber(metrics.medianDaysToAdopt, lang, { maximumFractionDigits: 1 }),
            }),
      note: t('diffusion.metrics.medianNote'),
    },
    {
      key: 'sustained',
      label: t('diffusion.metrics.sustainedRate'),
      value: percent(metrics.sustainedRate, lang) ?? none,
      note: t('diffusion.metrics.sustainedNote'),
    },
    {
      key: 'people',
      label: t('diffusion.metrics.beneficiaries'),
      value: formatNumber(metrics.beneficiaryTotal, lang),
      note: t('diffusion.metrics.beneficiariesNote'),
    },
    {
      key: 'funding',
      label: t('diffusion.metrics.funding'),
      value: formatBaht(metrics.localFundingSatang, lang),
      note: t('diffusion.metrics.fundingNote'),
    },
  ];
  return (
    <dl className="df-metrics" data-testid="diffusion-metrics">
      {cards
        .filter((card) => !hide.includes(card.key))
        .map((card) => (
          <div key={card.key} className="df-metric" data-metric={card.key}>
            <dt>{card.label}</dt>
            <dd className="df-metric__value">{card.value}</dd>
            {card.note ? <dd className="df-metric__note">{card.note}</dd> : null}
          </div>
        ))}
    </dl>
  );
}
