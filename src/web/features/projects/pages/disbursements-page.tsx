import { useCallback, useId, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import {
  DisbursementQuerySchema,
  type DisbursementQuery,
  type DisbursementReport,
} from '@shared/contracts/projects';
import { ExportJobList, useExportJobs } from '@web/components/ui/export-jobs';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { currentFiscalYearBe } from '@web/features/call-admin/bangkok-time';
import { formatBaht, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { startDisbursementExport, useDisbursements, useDrivingUnits } from '../api';
import '@web/components/ui/form.css';
import '../projects.css';

type Figures = DisbursementReport['totals'];

function queryOf(params: URLSearchParams): DisbursementQuery {
  const parsed = DisbursementQuerySchema.safeParse({
    ...(params.get('fiscalYear') ? { fiscalYear: params.get('fiscalYear') } : {}),
    ...(params.get('drivingUnitId') ? { drivingUnitId: params.get('drivingUnitId') } : {}),
  });
  return parsed.success ? parsed.data : {};
}

function FigureCells({ figures, labels }: { figures: Figures; labels: Record<keyof Figures, string> }) {
  const { lang } = useI18n();
  return (
    <>
      <td data-label={labels.projects} className="numeric">
        {formatNumber(figures.projects, lang)}
      </td>
      <td data-label={labels.awardedSatang} className="numeric">
        {formatBaht(figures.awardedSatang, lang)}
      </td>
      <td data-label={labels.paidSatang} className="numeric">
        {formatBaht(figures.paidSatang, lang)}
      </td>
      <td data-label={labels.withheldSatang} className="numeric">
        {formatBaht(figures.withheldSatang, lang)}
      </td>
      <td data-label={labels.readySatang} className="numeric">
        {formatBaht(figures.readySatang, lang)}
      </td>
      <td data-label={labels.scheduledSatang} className="numeric">
        {formatBaht(figures.scheduledSatang, lang)}
      </td>
    </>
  );
}

function Disbursements() {
  const { t, lang } = useI18n();
  const id = useId();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const report = useDisbursements(query);
  const units = useDrivingUnits();
  const startExport = useCallback(() => startDisbursementExport(query), [query]);
  const exports = useExportJobs<'xlsx'>(startExport);
  usePageTitle(t('projectsUi.disbursements.title'));
  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const now = currentFiscalYearBe();
  const years = Array.from({ length: 8 }, (_, i) => now + 1 - i);

  const labels: Record<keyof Figures, string> = {
    projects: t('projectsUi.disbursements.col.projects'),
    awardedSatang: t('projectsUi.disbursements.col.awarded'),
    paidSatang: t('projectsUi.disbursements.col.paid'),
    withheldSatang: t('projectsUi.disbursements.col.withheld'),
    readySatang: t('projectsUi.disbursements.col.ready'),
    scheduledSatang: t('projectsUi.disbursements.col.scheduled'),
  };
  const set = (key: keyof DisbursementQuery, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title={t('projectsUi.disbursements.title')}
        intro={<p>{t('projectsUi.disbursements.intro')}</p>}
        back={{ to: '/projects', label: t('projectsUi.list.title') }}
      />
      <div className="container page-body pj-page">
        <form
          className="pj-filters"
          aria-label={t('projectsUi.disbursements.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="pj-filters__grid">
            <div className="field form-field">
              <label htmlFor={`${id}-fy`}>{t('projectsUi.list.fiscalYear')}</label>
              <select
                id={`${id}-fy`}
                value={query.fiscalYear === undefined ? '' : String(query.fiscalYear)}
                onChange={(event) => set('fiscalYear', event.target.value)}
                data-testid="disbursements-year"
              >
                <option value="">{t('projectsUi.disbursements.allYears')}</option>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            {isOfficer ? (
              <div className="field form-field">
                <label htmlFor={`${id}-unit`}>{t('projectsUi.list.unit')}</label>
                <select
                  id={`${id}-unit`}
                  value={query.drivingUnitId ?? ''}
                  onChange={(event) => set('drivingUnitId', event.target.value)}
                >
                  <option value="">{t('projectsUi.list.any')}</option>
                  {(units.status === 'success' ? units.data : []).map((u) => (
                    <option key={u.id} value={u.id}>
                      {localName(u, lang)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
        </form>
        <p className="pj-header-links">
          <button
            type="button"
            className="button button--secondary"
            disabled={exports.busy !== null}
            aria-busy={exports.busy === 'xlsx'}
            onClick={() => void exports.run('xlsx', t('projectsUi.disbursements.xlsx'))}
            data-testid="disbursements-xlsx"
          >
            {t('projectsUi.disbursements.xlsx')}
          </button>
        </p>
        <ExportJobList jobs={exports.jobs} error={exports.error} />
        {report.status === 'error' ? (
          <ErrorState error={report.error} onRetry={report.reload} />
        ) : report.status !== 'success' ? (
          <LoadingState />
        ) : report.data.years.length === 0 ? (
          <EmptyState>{t('projectsUi.disbursements.empty')}</EmptyState>
        ) : (
          <table className="data-table data-table--stack pj-money-table" data-testid="disbursements-table">
            <caption>{t('projectsUi.disbursements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projectsUi.disbursements.col.year')}</th>
                <th scope="col" className="numeric">
                  {labels.projects}
                </th>
                <th scope="col" className="numeric">
                  {labels.awardedSatang}
                </th>
                <th scope="col" className="numeric">
                  {labels.paidSatang}
                </th>
                <th scope="col" className="numeric">
                  {labels.withheldSatang}
                </th>
                <th scope="col" className="numeric">
                  {labels.readySatang}
                </th>
                <th scope="col" className="numeric">
                  {labels.scheduledSatang}
                </th>
              </tr>
            </thead>
            {report.data.years.map((year) => (
              <tbody key={year.fiscalYear} className="pj-year">
                <tr className="pj-year__row">
                  <th scope="row" data-label={t('projectsUi.disbursements.col.year')}>
                    {t('projectsUi.disbursements.year', { year: year.fiscalYear })}
                  </th>
                  <FigureCells figures={year} labels={labels} />
                </tr>
                {year.programmes.map((p) => (
                  <tr key={p.programmeId ?? 'none'} className="pj-year__programme">
                    <th scope="row" data-label={t('projectsUi.disbursements.col.programme')}>
                      {p.programmeId === null
                        ? t('projectsUi.disbursements.noProgramme')
                        : localName(p, lang)}
                    </th>
                    <FigureCells figures={p} labels={labels} />
                  </tr>
                ))}
              </tbody>
            ))}
            <tfoot>
              <tr className="pj-total-row">
                <th scope="row" data-label={t('projectsUi.disbursements.col.year')}>
                  {t('projectsUi.total')}
                </th>
                <FigureCells figures={report.data.totals} labels={labels} />
              </tr>
            </tfoot>
          </table>
        )}
        <p className="pj-muted">{t('projectsUi.disbursements.note')}</p>
      </div>
    </>
  );
}

/** Staff who may see the report: officers (all) and driving-unit staff (their portfolio). */
function RequireStaff({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const role = hasRole(me, 'driving_unit_staff')
    ? 'driving_unit_staff'
    : hasRole(me, 'programme_officer')
      ? 'programme_officer'
      : 'administrator';
  return <RequireAuth role={role}>{children}</RequireAuth>;
}

/** `/admin/disbursements`: money awarded, paid, withheld, ready and scheduled per fiscal year (BE), by programme. */
export default function DisbursementsPage() {
  return (
    <RequireStaff>
      <Disbursements />
    </RequireStaff>
  );
}
