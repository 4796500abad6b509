import { Link, useSearchParams } from 'react-router';
import { UNIT_MEASURES, type MeasureResult } from '@shared/contracts/driving-units';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnitRollup } from '../api';
import { YearSelect } from '../components/year-select';
import { formatMeasure, parseFiscalYear, percentOf } from '../labels';
import '@web/components/ui/form.css';
import '../units.css';

function Cell({ result, label }: { result: MeasureResult | undefined; label: string }) {
  const { t, lang } = useI18n();
  if (!result) {
    return <td data-label={label} />;
  }
  // the column header names the unit (hours): the cells show bare numbers
  const hours = '';
  const percent = percentOf(result.actual, result.target);
  return (
    <td
      data-label={label}
      className="numeric un-cell"
      data-reached={percent !== null && percent >= 100 ? 'true' : undefined}
    >
      <span>
        <span className="un-cell__actual">{formatMeasure(result.measure, result.actual, lang, hours)}</span>
        <span className="un-cell__target">
          {' / '}
          {result.target === null
            ? t('units.rollup.noTarget')
            : formatMeasure(result.measure, result.target, lang, hours)}
        </span>
        {percent !== null ? <span className="un-cell__percent">{percent}%</span> : null}
      </span>
    </td>
  );
}

function Rollup() {
  const { t, lang } = useI18n();
  usePageTitle(t('units.rollup.title'));
  const [params, setParams] = useSearchParams();
  const rollup = useUnitRollup(parseFiscalYear(params.get('fiscalYear')));

  if (rollup.status === 'error') {
    return (
      <div className="container page-body">
        {rollup.error.status === 403 ? (
          <EmptyState>{t('units.rollup.forbidden')}</EmptyState>
        ) : (
          <ErrorState error={rollup.error} onRetry={rollup.reload} />
        )}
      </div>
    );
  }
  if (rollup.status !== 'success') {
    return <LoadingState />;
  }
  const data = rollup.data;
  const labels = Object.fromEntries(UNIT_MEASURES.map((m) => [m, t(`units.measure.${m}`)]));

  return (
    <>
      <PageHeader title={t('units.rollup.title')} intro={<p>{t('units.rollup.intro')}</p>} />
      <div className="container page-body un-page">
        <div className="un-toolbar">
          <YearSelect
            value={data.fiscalYear}
            current={data.currentFiscalYear}
            onChange={(year) => setParams({ fiscalYear: String(year) })}
          />
          <Link className="button button--secondary" to="/units">
            {t('units.directory.title')}
          </Link>
        </div>
        <div className="un-table-wrap">
          <table className="data-table data-table--stack un-rollup" data-testid="un-rollup">
            <caption>{t('units.dashboard.fiscalYearOption', { year: data.fiscalYear })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('units.rollup.unit')}</th>
                {UNIT_MEASURES.map((m) => (
                  <th key={m} scope="col" className="numeric">
                    {labels[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.units.map(({ unit, measures }) => (
                <tr key={unit.id}>
                  <th scope="row" data-label={t('units.rollup.unit')}>
                    <Link to={`/admin/units/${unit.id}?fiscalYear=${data.fiscalYear}`}>
                      {localName(unit, lang)}
                    </Link>
                  </th>
                  {UNIT_MEASURES.map((m) => (
                    <Cell key={m} label={labels[m] ?? m} result={measures.find((r) => r.measure === m)} />
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" data-label={t('units.rollup.unit')}>
                  {t('units.rollup.total')}
                </th>
                {UNIT_MEASURES.map((m) => (
                  <Cell key={m} label={labels[m] ?? m} result={data.totals.find((r) => r.measure === m)} />
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
    </>
  );
}

/** The national roll-up: every unit × every measure against its targets, with totals (officers). */
export default function UnitsRollupPage() {
  return (
    <RequireAuth>
      <Rollup />
    </RequireAuth>
  );
}
