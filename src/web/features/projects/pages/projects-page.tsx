import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  PROJECT_HEALTH,
  PROJECT_STATUSES,
  type ProjectList,
  type ProjectSummary,
} from '@shared/contracts/projects';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { currentFiscalYearBe } from '@web/features/call-admin/bangkok-time';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatBaht, formatDate, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { projectsApi, useDrivingUnits } from '../api';
import {
  HealthBadge,
  HealthReasons,
  ProjectStatusBadge,
  organisationName,
  projectTitle,
  unitName,
} from '../labels';
import {
  hasFilters,
  paramsFromQuery,
  queryFromParams,
  withFilter,
  type ProjectFilterKey,
  type ProjectFilters,
} from '../query';
import '@web/components/ui/form.css';
import '../projects.css';

type Loaded = { key: string; list: ProjectList } | { key: string; error: ApiError };

function useProjectList(query: ProjectFilters, attempt: number): Loaded | null {
  const key = `${attempt}:${paramsFromQuery(query).toString()}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    projectsApi.list(query, { signal: controller.signal }).then(
      (list) => setLoaded({ key, list }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded({ key, error: toApiError(error) });
        }
      },
    );
    return () => controller.abort();
    // The key holds the query: it changes exactly when a new list is wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded;
}

/** Fiscal years (BE) to choose from: two ahead of the current one, back to five before it. */
function fiscalYearChoices(): number[] {
  const now = currentFiscalYearBe();
  return Array.from({ length: 8 }, (_, i) => now + 2 - i);
}

function Filters({ query, onChange }: { query: ProjectFilters; onChange: (next: ProjectFilters) => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const units = useDrivingUnits();
  const [text, setText] = useState(query.q ?? '');
  const [textFor, setTextFor] = useState(query.q ?? '');
  if ((query.q ?? '') !== textFor) {
    setTextFor(query.q ?? '');
    setText(query.q ?? '');
  }

  const select = (key: ProjectFilterKey, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field form-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={query[key] === undefined ? '' : String(query[key])}
        data-testid={`filter-${key}`}
        onChange={(event) => {
          const raw = event.target.value;
          const value = key === 'fiscalYear' && raw !== '' ? Number(raw) : raw;
          onChange(withFilter(query, key, value as ProjectFilters[typeof key]));
        }}
      >
        <option value="">{t('projectsUi.list.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="pj-filters"
      role="search"
      aria-label={t('projectsUi.list.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange(withFilter(query, 'q', text.trim() || undefined));
      }}
    >
      <div className="pj-filters__search">
        <div className="field form-field">
          <label htmlFor={`${id}-q`}>{t('projectsUi.list.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            maxLength={200}
            value={text}
            placeholder={t('projectsUi.list.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid="projects-search"
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('projectsUi.list.searchButton')}
        </button>
      </div>
      <div className="pj-filters__grid">
        {select(
          'status',
          t('projectsUi.list.status'),
          PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) })),
        )}
        {select(
          'health',
          t('projectsUi.list.health'),
          PROJECT_HEALTH.map((h) => ({ value: h, label: t(`projects.health.${h}`) })),
        )}
        {select(
          'drivingUnitId',
          t('projectsUi.list.unit'),
          (units.status === 'success' ? units.data : []).map((u) => ({
            value: u.id,
            label: localName(u, lang),
          })),
        )}
        {select(
          'fiscalYear',
          t('projectsUi.list.fiscalYear'),
          fiscalYearChoices().map((y) => ({ value: String(y), label: String(y) })),
        )}
      </div>
      {hasFilters(query) ? (
        <p className="pj-filters__clear">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange({ limit: query.limit })}
            data-testid="clear-filters"
          >
            {t('projectsUi.list.clear')}
          </button>
        </p>
      ) : null}
    </form>
  );
}

function ProjectRow({ project }: { project: ProjectSummary }) {
  const { t, lang } = useI18n();
  const unit = unitName(project, lang);
  const col = (key: Parameters<typeof t>[0]) => t(key);
  return (
    <tr data-testid="project-row">
      <td data-label={col('projectsUi.list.col.project')} className="pj-title-cell">
        <div>
          <Link to={`/projects/${project.id}`} className="pj-title-link" data-testid="project-link">
            {projectTitle(project, lang)}
          </Link>
          <span className="pj-muted">
            <code>{project.agreementNumber}</code> · {organisationName(project, lang)}
          </span>
        </div>
      </td>
      <td data-label={col('projectsUi.list.col.status')}>
        <div>
          <ProjectStatusBadge status={project.status} />
        </div>
      </td>
      <td data-label={col('projectsUi.list.col.health')}>
        <div>
          <HealthBadge health={project.health} status={project.status} />
          <HealthReasons health={project.health} />
        </div>
      </td>
      <td data-label={col('projectsUi.list.col.unit')}>
        <div>{unit ?? <span className="pj-muted">{t('projectsUi.noUnit')}</span>}</div>
      </td>
      <td data-label={col('projectsUi.list.col.money')} className="numeric">
        <div>
          {formatBaht(project.awardSatang, lang)}
          <span className="pj-muted">
            {t('projectsUi.list.paid', { amount: formatBaht(project.paidSatang, lang) })}
          </span>
        </div>
      </td>
      <td data-label={col('projectsUi.list.col.nextReport')}>
        <div>
          {project.nextReportDueOn ? (
            <time dateTime={project.nextReportDueOn}>{formatDate(project.nextReportDueOn, lang)}</time>
          ) : (
            <span className="pj-muted">–</span>
          )}
        </div>
      </td>
      <td data-label={col('projectsUi.list.col.fiscalYear')}>{project.fiscalYear}</td>
    </tr>
  );
}

function Projects() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const [attempt, setAttempt] = useState(0);
  const loaded = useProjectList(query, attempt);
  usePageTitle(t('projectsUi.list.title'));

  const isStaff =
    hasRole(me, 'programme_officer') || hasRole(me, 'administrator') || hasRole(me, 'driving_unit_staff');
  const intro = isStaff
    ? hasRole(me, 'programme_officer') || hasRole(me, 'administrator')
      ? t('projectsUi.list.introOfficer')
      : t('projectsUi.list.introUnit')
    : t('projectsUi.list.introMember');

  const go = (next: ProjectFilters) => setParams(paramsFromQuery(next));
  const current = loaded && 'list' in loaded ? loaded.list : null;
  const failure = loaded && 'error' in loaded ? loaded.error : null;
  const rows = current?.data ?? [];
  const offset = query.cursor ?? 0;

  return (
    <>
      <PageHeader title={t('projectsUi.list.title')} intro={<p>{intro}</p>}>
        {isStaff ? (
          <p className="pj-header-links">
            <Link
              to="/admin/disbursements"
              className="button button--secondary"
              data-testid="disbursements-link"
            >
              {t('projectsUi.disbursements.title')}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body pj-page">
        <Filters query={query} onChange={go} />
        <p className="pj-count" aria-live="polite" data-testid="projects-count">
          {current
            ? t('projectsUi.list.count', { count: formatNumber(current.page.total, lang) })
            : failure
              ? ''
              : t('common.loading')}
        </p>
        {failure ? (
          <ErrorState error={failure} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !current ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>
            {hasFilters(query) ? t('projectsUi.list.emptyFiltered') : t('projectsUi.list.empty')}
          </EmptyState>
        ) : (
          <>
            <table className="data-table data-table--stack pj-table" data-testid="projects-table">
              <caption className="visually-hidden">{t('projectsUi.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projectsUi.list.col.project')}</th>
                  <th scope="col">{t('projectsUi.list.col.status')}</th>
                  <th scope="col">{t('projectsUi.list.col.health')}</th>
                  <th scope="col">{t('projectsUi.list.col.unit')}</th>
                  <th scope="col" className="numeric">
                    {t('projectsUi.list.col.money')}
                  </th>
                  <th scope="col">{t('projectsUi.list.col.nextReport')}</th>
                  <th scope="col">{t('projectsUi.list.col.fiscalYear')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((project) => (
                  <ProjectRow key={project.id} project={project} />
                ))}
              </tbody>
            </table>
            {offset > 0 || current.page.nextCursor !== null ? (
              <nav className="pj-pager" aria-label={t('projectsUi.list.pager')}>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={offset === 0}
                  onClick={() => go({ ...query, cursor: Math.max(0, offset - query.limit) })}
                >
                  {t('projectsUi.list.previous')}
                </button>
                <span>
                  {t('projectsUi.list.range', {
                    from: formatNumber(offset + 1, lang),
                    to: formatNumber(offset + rows.length, lang),
                    total: formatNumber(current.page.total, lang),
                  })}
                </span>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={current.page.nextCursor === null}
                  onClick={() =>
                    current.page.nextCursor !== null && go({ ...query, cursor: current.page.nextCursor })
                  }
                >
                  {t('projectsUi.list.next')}
                </button>
              </nav>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}

/** `/projects`: the funded projects a person may see (their organisations', their unit's portfolio, or all). */
export default function ProjectsPage() {
  return (
    <RequireAuth>
      <Projects />
    </RequireAuth>
  );
}
