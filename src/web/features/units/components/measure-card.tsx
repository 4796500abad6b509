import type { MeasureResult } from '@shared/contracts/driving-units';
import { useI18n } from '@web/lib/i18n';
import { formatMeasure, percentOf } from '../labels';

/** One measure of a unit's year: the actual, the target and how far along, with what is counted. */
export function MeasureCard({ result }: { result: MeasureResult }) {
  const { t, lang } = useI18n();
  const hours = t('units.unitOfMeasure.hours');
  const percent = percentOf(result.actual, result.target);
  const label = t(`units.measure.${result.measure}`);
  const reached = percent !== null && percent >= 100;
  return (
    <article
      className="un-measure"
      data-testid={`un-measure-${result.measure}`}
      data-reached={reached ? 'true' : undefined}
    >
      <h3>{label}</h3>
      <p className="un-measure__actual">
        <span className="visually-hidden">{t('units.dashboard.actual')} </span>
        {formatMeasure(result.measure, result.actual, lang, hours)}
      </p>
      {result.target === null ? (
        <p className="un-muted">{t('units.dashboard.noTarget')}</p>
      ) : (
        <>
          <p className="un-measure__target">
            {t('units.dashboard.target')} {formatMeasure(result.measure, result.target, lang, hours)}
            {percent !== null ? ` · ${t('units.dashboard.progress', { percent })}` : ''}
          </p>
          <div
            className="un-bar"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={result.target}
            aria-valuenow={Math.min(result.actual, result.target)}
            aria-label={t('units.dashboard.progressLabel', {
              measure: label,
              actual: formatMeasure(result.measure, result.actual, lang, hours),
              target: formatMeasure(result.measure, result.target, lang, hours),
            })}
          >
            <span style={{ width: `${Math.min(100, percent ?? 0)}%` }} />
          </div>
        </>
      )}
      <p className="un-measure__hint">{t(`units.measureHint.${result.measure}`)}</p>
    </article>
  );
}
