import type { ReportAssessment } from '@shared/contracts/impact-report';
import { ExternalLink } from '@web/components/ui/external-link';
import { formatBaht, formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** Satang as whole baht: SROI figures are estimates (SROI-SPEC §2.10). */
const wholeBaht = (satang: number, lang: 'th' | 'en') => formatBaht(Math.round(satang / 100) * 100, lang);

export function percentText(fraction: number | null, lang: 'th' | 'en'): string {
  return fraction === null ? '–' : `${formatNumber(fraction * 100, lang, { maximumFractionDigits: 1 })}%`;
}

/** Months as "x years y months". */
export function usePaybackText() {
  const { t } = useI18n();
  return (months: number | null) => {
    if (months === null) {
      return t('impactReport.sroi.never');
    }
    let years = Math.floor(months / 12);
    let rest = Math.round(months - years * 12);
    if (rest === 12) {
      years += 1;
      rest = 0;
    }
    return t('impactReport.sroi.years', { years, months: rest });
  };
}

/**
 * A final SROI assessment: the headline (gross ratio with its convention named, the net ratio apart, present values,
 * payback), the value map with proxies and their sources, the inputs, and the ±20 % sensitivity with switching values.
 */
export function ReportSroi({ assessment: a }: { assessment: ReportAssessment }) {
  const { t, lang } = useI18n();
  const payback = usePaybackText();
  const change = Math.round(a.sensitivity.change * 100);
  const parameters = [...new Set(a.sensitivity.rows.map((r) => r.parameter))];
  const ratioAt = (parameter: string, sign: number) =>
    a.sensitivity.rows.find((r) => r.parameter === parameter && Math.sign(r.change) === sign)?.ratio;
  const switching = (parameter: string): string => {
    const sv = a.switchingValues;
    switch (parameter) {
      case 'proxy':
      case 'quantity':
        return sv.proxyMultiplier === null
          ? t('impactReport.sroi.switchingNone')
          : t('impactReport.sroi.switchingMultiplier', { value: sv.proxyMultiplier.toFixed(2) });
      case 'deadweight':
      case 'displacement':
      case 'attribution':
      case 'dropoff':
        return sv[parameter] === null
          ? t('impactReport.sroi.switchingNone')
          : percentText(sv[parameter], lang);
      default:
        return '–';
    }
  };

  return (
    <section className="ir-sroi" aria-labelledby={`ir-sroi-${a.id}`}>
      <h3 id={`ir-sroi-${a.id}`}>{t(`impactReport.sroi.kinds.${a.kind}`)}</h3>
      <p className="ir-muted">
        {a.finalisedAt
          ? t('impactReport.sroi.version', {
              version: a.versionNo,
              date: formatDate(a.finalisedAt, lang, 'dateTime'),
            })
          : t('impactReport.sroi.versionNoDate', { version: a.versionNo })}
        {a.title ? ` · ${a.title}` : ''}
      </p>
      <dl className="ir-figures">
        <div className="ir-figure ir-figure--headline">
          <dt>{t('impactReport.sroi.grossRatio')}</dt>
          <dd>
            <strong data-testid="ir-gross-ratio">
              {lang === 'th' ? a.ratioDisplay.th : a.ratioDisplay.uk}
            </strong>
            <span className="ir-muted">
              {t('impactReport.sroi.grossRatioNote', { ratio: a.ratio.toFixed(2) })}
            </span>
          </dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.netRatio')}</dt>
          <dd data-testid="ir-net-ratio">{a.netRatio.toFixed(2)}</dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.convention')}</dt>
          <dd>
            <code>{a.convention}</code> — {t(`impactReport.conventions.${a.convention}`)} ·{' '}
            {t('impactReport.sroi.discountRate')} {percentText(a.discountRate, lang)}
          </dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.presentValue')}</dt>
          <dd>{wholeBaht(a.presentValueSatang, lang)}</dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.investment')}</dt>
          <dd>{wholeBaht(a.investmentPresentValueSatang, lang)}</dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.netPresentValue')}</dt>
          <dd>{wholeBaht(a.netPresentValueSatang, lang)}</dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.payback')}</dt>
          <dd>{payback(a.paybackMonths)}</dd>
        </div>
        <div className="ir-figure">
          <dt>{t('impactReport.sroi.discountedPayback')}</dt>
          <dd>{payback(a.discountedPaybackMonths)}</dd>
        </div>
      </dl>

      <div className="ir-table-wrap">
        <table className="data-table data-table--stack ir-value-map">
          <caption>{t('impactReport.sroi.valueMap')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('impactReport.sroi.stakeholder')}</th>
              <th scope="col">{t('impactReport.sroi.outcome')}</th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.quantity')}
              </th>
              <th scope="col">{t('impactReport.sroi.proxy')}</th>
              <th scope="col">{t('impactReport.sroi.deductions')}</th>
              <th scope="col">{t('impactReport.sroi.dropoff')}</th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.duration')}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.valueMap.map((row) => (
              <tr key={row.outcomeId}>
                <td data-label={t('impactReport.sroi.stakeholder')}>{row.stakeholder || '–'}</td>
                <td data-label={t('impactReport.sroi.outcome')}>
                  <div>
                    {row.description || row.outcomeId}
                    {row.indicator ? <span className="ir-muted ir-block">{row.indicator}</span> : null}
                  </div>
                </td>
                <td data-label={t('impactReport.sroi.quantity')} className="numeric">
                  {row.quantityByYear
                    ? row.quantityByYear.map((q) => formatNumber(q, lang)).join(', ')
                    : row.quantity === null
                      ? '–'
                      : formatNumber(row.quantity, lang)}
                </td>
                <td data-label={t('impactReport.sroi.proxy')}>
                  <div>
                    {row.proxyLabel ? `${row.proxyLabel}: ` : ''}
                    {formatBaht(row.proxySatang, lang)}
                    {row.proxySource || row.proxySourceUrl ? (
                      <span className="ir-muted ir-block">
                        {t('impactReport.sroi.source')}:{' '}
                        {/^https?:\/\//.test(row.proxySourceUrl) ? (
                          <ExternalLink href={row.proxySourceUrl}>
                            {row.proxySource || row.proxySourceUrl}
                          </ExternalLink>
                        ) : (
                          row.proxySource
                        )}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td data-label={t('impactReport.sroi.deductions')}>
                  {[row.deadweight, row.displacement, row.attribution]
                    .map((v) => percentText(v, lang))
                    .join(' / ')}
                </td>
                <td data-label={t('impactReport.sroi.dropoff')}>{percentText(row.dropoff, lang)}</td>
                <td data-label={t('impactReport.sroi.duration')} className="numeric">
                  {row.duration ?? row.quantityByYear?.length ?? '–'}
                </td>
                <td data-label={t('impactReport.sroi.value')} className="numeric">
                  {wholeBaht(row.presentValueSatang, lang)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={7}>
                {t('impactReport.sroi.total')}
              </th>
              <td className="numeric">{wholeBaht(a.presentValueSatang, lang)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="ir-table-wrap">
        <table className="data-table data-table--stack">
          <caption>{t('impactReport.sroi.inputs')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('impactReport.sroi.input')}</th>
              <th scope="col">{t('impactReport.sroi.stakeholder')}</th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.year')}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.inputs.map((input, i) => (
              <tr key={`${input.label}-${i}`}>
                <td data-label={t('impactReport.sroi.input')}>
                  {input.nonCash ? `${input.label} (${t('impactReport.sroi.nonCash')})` : input.label}
                </td>
                <td data-label={t('impactReport.sroi.stakeholder')}>{input.stakeholder || '–'}</td>
                <td data-label={t('impactReport.sroi.year')} className="numeric">
                  {input.year}
                </td>
                <td data-label={t('impactReport.sroi.value')} className="numeric">
                  {wholeBaht(input.presentValueSatang, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="ir-table-wrap">
        <table className="data-table data-table--stack" data-testid="ir-sensitivity">
          <caption>{t('impactReport.sroi.sensitivity', { change })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('impactReport.sroi.parameter')}</th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.ratioAt', { change: -change })}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.ratioAt', { change: `+${change}` })}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.sroi.switchingValue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => {
              const low = ratioAt(p, -1);
              const high = ratioAt(p, 1);
              return (
                <tr key={p}>
                  <th scope="row" data-label={t('impactReport.sroi.parameter')}>
                    {t(`impactReport.sensitivityParameters.${p}`)}
                  </th>
                  <td className="numeric" data-label={t('impactReport.sroi.ratioAt', { change: -change })}>
                    {low === undefined ? '–' : low.toFixed(2)}
                  </td>
                  <td
                    className="numeric"
                    data-label={t('impactReport.sroi.ratioAt', { change: `+${change}` })}
                  >
                    {high === undefined ? '–' : high.toFixed(2)}
                  </td>
                  <td className="numeric" data-label={t('impactReport.sroi.switchingValue')}>
                    {switching(p)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="ir-muted">
        {t('impactReport.sroi.ratioRange', {
          change,
          low: a.sensitivity.ratioRange.low.toFixed(2),
          high: a.sensitivity.ratioRange.high.toFixed(2),
        })}
      </p>
      {a.warnings.length > 0 ? (
        <div className="ir-warnings">
          <p>
            <strong>{t('impactReport.sroi.warnings')}</strong>
          </p>
          <ul>
            {a.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>
                {w.path ? <code>{w.path}</code> : null} {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
