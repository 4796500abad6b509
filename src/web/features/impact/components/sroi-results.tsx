import type { SroiAssessmentIssue, SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import type { Language } from '@shared/i18n/index';
import { fractionToPercentText, yearsAndMonths } from '@shared/impact/sroi-assessment';
import { roundHalfUp, type SensitivityParameter, type SroiResult } from '@shared/impact/sroi';
import { formatBaht, formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { issueText, whereText } from './sroi-labels';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A ratio in the language's order: "1 : 3.12" in Thai, "3.12 : 1" in English (2 decimals, half-up). */
export function ratioText(ratio: number, lang: Language): string {
  const x = roundHalfUp(ratio, 2).toFixed(2);
  return lang === 'th' ? `1 : ${x}` : `${x} : 1`;
}

/** Satang (a float from the engine) as whole baht. */
const money = (satang: number, lang: Language) => formatBaht(Math.round(satang / 100) * 100, lang);

function paybackText(t: Translate, months: number | null): string {
  if (months === null) {
    return t('sroiEditor.result.paybackNever');
  }
  const { years, months: m } = yearsAndMonths(months);
  return t('sroiEditor.result.paybackValue', { years, months: m });
}

/** "SVI 2012 at 3.5 %" (or the Green Book schedule): always name the convention of a figure. */
export function conventionText(t: Translate, result: SroiResult, lang: Language): string {
  const convention = t(`sroiEditor.conventionShort.${result.convention}` as MessageKey);
  if (result.discountSchedule === 'green-book') {
    return `${convention} · ${t('sroiEditor.result.greenBook')}`;
  }
  return t('sroiEditor.result.conventionUsed', {
    convention,
    rate: formatNumber(result.discountRate * 100, lang, { maximumFractionDigits: 3 }),
  });
}

/** The headline figures: PV, PV of investment, NPV, gross ratio (named with its convention), net ratio, payback. */
export function SroiHeadline({ result, testId = 'sr-headline' }: { result: SroiResult; testId?: string }) {
  const { t, lang } = useI18n();
  const x = roundHalfUp(result.ratio, 2).toFixed(2);
  return (
    <div className="sr-headline" data-testid={testId}>
      <div className="sr-headline__ratio">
        <p className="sr-headline__label">{t('sroiEditor.result.ratio')}</p>
        <p className="sr-headline__value" data-testid={`${testId}-ratio`}>
          {lang === 'th' ? result.ratioDisplay.th : result.ratioDisplay.uk}
        </p>
        <p className="sr-muted">{t('sroiEditor.result.ratioOrder', { x })}</p>
        <p className="sr-muted" data-testid={`${testId}-convention`}>
          {conventionText(t, result, lang)}
        </p>
      </div>
      <dl className="sr-figures">
        <div>
          <dt>{t('sroiEditor.result.presentValue')}</dt>
          <dd>{money(result.presentValue, lang)}</dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.investment')}</dt>
          <dd>{money(result.investmentPresentValue, lang)}</dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.npv')}</dt>
          <dd>{money(result.netPresentValue, lang)}</dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.netRatio')}</dt>
          <dd>{formatNumber(roundHalfUp(result.netRatio, 2), lang, { minimumFractionDigits: 2 })}</dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.payback')}</dt>
          <dd>{paybackText(t, result.paybackMonths)}</dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.discountedPayback')}</dt>
          <dd>{paybackText(t, result.discountedPaybackMonths)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The issues of a model: where and what, each a button that takes the person to the field. */
export function SroiIssueList({
  issues,
  model,
  onGo,
}: {
  issues: Array<Pick<SroiAssessmentIssue, 'path' | 'code' | 'params' | 'message'>>;
  model: SroiAssessmentModel;
  onGo?: (path: string) => void;
}) {
  const { t } = useI18n();
  return (
    <ul className="sr-issues" data-testid="sr-issues">
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          {onGo ? (
            <button type="button" className="sr-link" onClick={() => onGo(issue.path)}>
              {whereText(t, model, issue.path)}
            </button>
          ) : (
            <strong>{whereText(t, model, issue.path)}</strong>
          )}
          : {issueText(t, issue)}
        </li>
      ))}
    </ul>
  );
}

const PARAMETERS: SensitivityParameter[] = [
  'deadweight',
  'displacement',
  'attribution',
  'dropoff',
  'proxy',
  'quantity',
  'inputs',
];

/** The tables below the headline: by outcome, year, stakeholder; sensitivity ±20 %; switching values; warnings. */
export function SroiDetails({
  result,
  model,
  onGo,
}: {
  result: SroiResult;
  model: SroiAssessmentModel;
  onGo?: (path: string) => void;
}) {
  const { t, lang } = useI18n();
  const describe = (id: string) => model.outcomes.find((o) => o.id === id)?.description ?? '';
  const sensitivity = PARAMETERS.map((parameter) => ({
    parameter,
    low: result.sensitivity.rows.find((r) => r.parameter === parameter && r.change < 0),
    high: result.sensitivity.rows.find((r) => r.parameter === parameter && r.change > 0),
  })).filter((row) => row.low && row.high);
  const sv = result.switchingValues;
  const fractions = (['deadweight', 'displacement', 'attribution', 'dropoff'] as const).filter(
    (p) => result.convention !== 'nz-cbax-midyear' || p === 'dropoff',
  );
  return (
    <div className="sr-details">
      {result.warnings.length > 0 ? (
        <section className="sr-box sr-box--warn" data-testid="sr-warnings">
          <h3>{t('sroiEditor.section.warnings')}</h3>
          <ul className="sr-issues">
            {result.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>
                {w.path ? (
                  onGo ? (
                    <button type="button" className="sr-link" onClick={() => onGo(w.path)}>
                      {whereText(t, model, w.path)}
                    </button>
                  ) : (
                    <strong>{whereText(t, model, w.path)}</strong>
                  )
                ) : null}
                {w.path ? ': ' : ''}
                {t(`sroiEditor.warning.${w.code}` as MessageKey)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <table className="data-table data-table--stack sr-table" data-testid="sr-per-outcome">
        <caption>{t('sroiEditor.section.perOutcome')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sroiEditor.result.outcome')}</th>
            <th scope="col">{t('sroiEditor.field.stakeholder')}</th>
            <th scope="col" className="numeric">
              {t('sroiEditor.result.impact')}
            </th>
            <th scope="col" className="numeric">
              {t('sroiEditor.result.pv')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.perOutcome.map((o) => (
            <tr key={o.id}>
              <td data-label={t('sroiEditor.result.outcome')}>
                <span>
                  <strong>{o.id}</strong> {describe(o.id)}
                </span>
              </td>
              <td data-label={t('sroiEditor.field.stakeholder')}>
                {o.stakeholder ?? t('sroiEditor.result.unnamed')}
              </td>
              <td className="numeric" data-label={t('sroiEditor.result.impact')}>
                {money(o.impact, lang)}
              </td>
              <td className="numeric" data-label={t('sroiEditor.result.pv')}>
                {money(o.presentValue, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="sr-two">
        <table className="data-table sr-table" data-testid="sr-per-year">
          <caption>{t('sroiEditor.section.perYear')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sroiEditor.result.year')}</th>
              <th scope="col" className="numeric">
                {t('sroiEditor.result.value')}
              </th>
              <th scope="col" className="numeric">
                {t('sroiEditor.result.pv')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.perYear.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td className="numeric">{money(y.value, lang)}</td>
                <td className="numeric">{money(y.presentValue, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <table className="data-table sr-table" data-testid="sr-per-stakeholder">
          <caption>{t('sroiEditor.section.perStakeholder')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sroiEditor.field.stakeholder')}</th>
              <th scope="col" className="numeric">
                {t('sroiEditor.result.pv')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.perStakeholder.map((s) => (
              <tr key={s.stakeholder ?? ''}>
                <td>{s.stakeholder ?? t('sroiEditor.result.unnamed')}</td>
                <td className="numeric">{money(s.presentValue, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="sr-two">
        <table className="data-table sr-table" data-testid="sr-sensitivity">
          <caption>{t('sroiEditor.section.sensitivity')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sroiEditor.result.parameter')}</th>
              <th scope="col" className="numeric">
                {t('sroiEditor.result.minus')}
              </th>
              <th scope="col" className="numeric">
                {t('sroiEditor.result.plus')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sensitivity.map((row) => (
              <tr key={row.parameter}>
                <td>{t(`sroiEditor.parameter.${row.parameter}`)}</td>
                <td className="numeric">{row.low ? ratioText(row.low.ratio, lang) : ''}</td>
                <td className="numeric">{row.high ? ratioText(row.high.ratio, lang) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <section className="sr-box" data-testid="sr-switching">
          <h3>{t('sroiEditor.section.switching')}</h3>
          <p className="sr-muted">
            {t('sroiEditor.result.ratioRange', {
              low: ratioText(result.sensitivity.ratioRange.low, lang),
              high: ratioText(result.sensitivity.ratioRange.high, lang),
            })}
          </p>
          <ul>
            {sv.proxyMultiplier !== null ? (
              <li>
                {t('sroiEditor.result.multiplier', {
                  value: formatNumber(sv.proxyMultiplier * 100, lang, { maximumFractionDigits: 1 }),
                })}
              </li>
            ) : null}
            {fractions.map((p) => {
              const value = sv[p];
              const parameter = t(`sroiEditor.parameter.${p}`);
              return (
                <li key={p}>
                  {value === null
                    ? t('sroiEditor.result.switchNone', { parameter })
                    : t('sroiEditor.result.switchFraction', {
                        parameter,
                        value: fractionToPercentText(roundHalfUp(value, 3)),
                      })}
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </div>
  );
}

/** For th-base-year: the same map recomputed under SVI 2012, shown beside (SROI-SPEC §4). */
export function SroiComparisonBox({ result }: { result: SroiResult }) {
  const { t, lang } = useI18n();
  return (
    <section className="sr-box sr-box--compare" data-testid="sr-comparison">
      <h3>{t('sroiEditor.section.comparison')}</h3>
      <p className="sr-muted">{t('sroiEditor.result.comparisonNote')}</p>
      <dl className="sr-figures">
        <div>
          <dt>{t('sroiEditor.result.ratio')}</dt>
          <dd data-testid="sr-comparison-ratio">
            {lang === 'th' ? result.ratioDisplay.th : result.ratioDisplay.uk}
          </dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.presentValue')}</dt>
          <dd>{money(result.presentValue, lang)}</dd>
        </div>
        <div>
          <dt>{t('sroiEditor.result.investment')}</dt>
          <dd>{money(result.investmentPresentValue, lang)}</dd>
        </div>
      </dl>
      <p className="sr-muted">{conventionText(t, result, lang)}</p>
    </section>
  );
}
