import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { REVIEW_PHASES } from '@shared/contracts/decisions';
import {
  INTAKE_EXPORT_FORMATS,
  INTAKE_OUTCOME_FILTERS,
  PROPOSAL_STATUSES,
  type IntakeExportFormat,
  type IntakePage as IntakePageData,
  type IntakeQuery,
  type IntakeRow,
  type ProposalSummary,
} from '@shared/contracts/proposals';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import { THEMES } from '@shared/reference/themes';
import { ExportJobList, useExportJobs } from '@web/components/ui/export-jobs';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useCall } from '@web/features/call-admin/api';
import { callStages } from '@web/features/call-admin/call-form-values';
import { CallAdminLinks } from '@web/features/call-admin/components/call-admin-links';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { ScreeningBulkActions } from '@web/features/decisions/components/screening-bulk-actions';
import { SelectionSummary } from '@web/features/decisions/components/selection-summary';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatBaht, formatDate, formatNumber, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { intakeApi, startIntakeExport } from '../api';
import { BulkActions } from '../components/bulk-actions';
import { EligibilityCell } from '../components/eligibility-cell';
import { ProposalStatusBadge } from '../components/proposal-status-badge';
import { SelectionCell } from '../components/selection-cell';
import {
  hasFilters,
  nextSort,
  pageCount,
  paramsFromQuery,
  queryFromParams,
  withFilter,
  type IntakeFilterKey,
} from '../query';
import '@web/components/ui/form.css';
import '@web/features/call-admin/call-admin.css';
import '../intake.css';

type Loaded = { key: string; page: IntakePageData } | { key: string; error: ApiError };

function useIntakePage(callId: string, query: IntakeQuery, attempt: number): Loaded | null {
  const key = `${attempt}:${paramsFromQuery(query).toString()}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    intakeApi.list(callId, query, { signal: controller.signal }).then(
      (page) => setLoaded({ key, page }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded({ key, error: toApiError(error) });
        }
      },
    );
    return () => controller.abort();
    // The key holds the query: it changes exactly when a new list is wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [callId, key]);
  return loaded;
}

const PROVINCES_BY_NAME = [...PROVINCES].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));

function Filters({
  query,
  stages,
  onChange,
}: {
  query: IntakeQuery;
  stages: string[];
  onChange: (next: IntakeQuery) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [text, setText] = useState(query.q ?? '');
  const [textFor, setTextFor] = useState(query.q ?? '');
  if ((query.q ?? '') !== textFor) {
    setTextFor(query.q ?? '');
    setText(query.q ?? '');
  }

  const select = (key: IntakeFilterKey, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field form-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={query[key] === undefined ? '' : String(query[key])}
        data-testid={`filter-${key}`}
        onChange={(event) => {
          const raw = event.target.value;
          const value = key === 'province' && raw !== '' ? Number(raw) : raw;
          onChange(withFilter(query, key, value as IntakeQuery[typeof key]));
        }}
      >
        <option value="">{t('intake.filters.any')}</option>
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
      className="in-filters"
      role="search"
      aria-label={t('intake.filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange(withFilter(query, 'q', text.trim() || undefined));
      }}
      data-testid="intake-filters"
    >
      <div className="in-filters__search">
        <div className="field form-field">
          <label htmlFor={`${id}-q`}>{t('intake.filters.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            lang="th"
            maxLength={200}
            value={text}
            placeholder={t('intake.filters.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid="intake-search"
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('intake.filters.searchButton')}
        </button>
      </div>
      <div className="in-filters__grid">
        {select(
          'status',
          t('intake.filters.status'),
          PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`intake.status.${s}`) })),
        )}
        {select('eligible', t('intake.filters.eligible'), [
          { value: 'yes', label: t('intake.eligibility.yes') },
          { value: 'no', label: t('intake.eligibility.no') },
          { value: 'unknown', label: t('intake.eligibility.unknown') },
        ])}
        {select(
          'region',
          t('intake.filters.region'),
          REGIONS.map((r) => ({ value: r.code, label: localName(r, lang) })),
        )}
        {select(
          'province',
          t('intake.filters.province'),
          (lang === 'th' ? PROVINCES_BY_NAME : PROVINCES).map((p) => ({
            value: String(p.code),
            label: localName(p, lang),
          })),
        )}
        {select(
          'theme',
          t('intake.filters.theme'),
          THEMES.map((th) => ({ value: th.code, label: localName(th, lang) })),
        )}
        {select(
          'organisationType',
          t('intake.filters.organisationType'),
          ORGANISATION_TYPES.map((o) => ({ value: o.code, label: localName(o, lang) })),
        )}
        {select(
          'phase',
          t('intake.filters.phase'),
          REVIEW_PHASES.map((p) => ({ value: p, label: t(`intake.phase.${p}`) })),
        )}
        {select(
          'outcome',
          t('intake.filters.outcome'),
          INTAKE_OUTCOME_FILTERS.filter((o) => o !== 'invite_full' || stages.includes('concept')).map(
            (o) => ({
              value: o,
              label: t(`intake.outcome.${o}`),
            }),
          ),
        )}
        {stages.length > 1
          ? select(
              'stage',
              t('intake.filters.stage'),
              stages.map((s) => ({ value: s, label: t(`intake.stage.${s as 'concept' | 'full'}`) })),
            )
          : null}
      </div>
      {hasFilters(query) ? (
        <p className="in-filters__clear">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange({ sort: query.sort, page: 1, pageSize: query.pageSize })}
            data-testid="clear-filters"
          >
            {t('intake.filters.clear')}
          </button>
        </p>
      ) : null}
    </form>
  );
}

type SortColumn = 'submitted_at' | 'requested' | 'title' | 'receipt';

function SortHeader({
  column,
  label,
  query,
  onSort,
  numeric,
}: {
  column: SortColumn;
  label: string;
  query: IntakeQuery;
  onSort: (sort: IntakeQuery['sort']) => void;
  numeric?: boolean;
}) {
  const { t } = useI18n();
  const active = query.sort.replace(/^-/, '') === column;
  const descending = query.sort.startsWith('-');
  return (
    <th
      scope="col"
      className={numeric ? 'numeric' : undefined}
      aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="in-sort" onClick={() => onSort(nextSort(query.sort, column))}>
        {label}
        <span aria-hidden="true" className="in-sort__mark">
          {active ? (descending ? ' ▼' : ' ▲') : ' ↕'}
        </span>
        <span className="visually-hidden">
          {active
            ? descending
              ? t('intake.table.sortedDescending')
              : t('intake.table.sortedAscending')
            : t('intake.table.sortable')}
        </span>
      </button>
    </th>
  );
}

function Row({
  proposal,
  checked,
  onCheck,
  showStage,
}: {
  proposal: IntakeRow;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  showStage: boolean;
}) {
  const { t, lang } = useI18n();
  const org = proposal.organisation;
  const orgType = ORGANISATION_TYPES.find((o) => o.code === org.type);
  const title = localText(proposal, 'title', lang);
  const provinces = proposal.provinceCodes
    .map((code) => PROVINCES.find((p) => p.code === code))
    .filter((p) => p !== undefined)
    .map((p) => localName(p, lang));
  return (
    <tr data-testid="intake-row" data-id={proposal.id}>
      <td className="in-check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheck(event.target.checked)}
          aria-label={t('intake.table.select', { title })}
          data-testid="row-check"
        />
      </td>
      <td className="in-nowrap">
        {proposal.receiptNumber ? <code>{proposal.receiptNumber}</code> : <span className="in-muted">–</span>}
      </td>
      <td className="in-title">
        <Link to={`/proposals/${proposal.id}`} data-testid="proposal-link">
          {title}
        </Link>
        {showStage ? <span className="in-muted">{t(`intake.stage.${proposal.stage}`)}</span> : null}
        <div className="in-selection-inline">
          <SelectionCell selection={proposal.selection} testId="selection-inline" />
        </div>
      </td>
      <td className="in-org-cell">
        <span className="in-org">{org.nameTh}</span>
        {orgType ? <span className="in-muted">{localName(orgType, lang)}</span> : null}
      </td>
      <td className="in-provinces-cell">
        {provinces.length > 0 ? provinces.join(', ') : <span className="in-muted">–</span>}
      </td>
      <td className="numeric">{formatBaht(proposal.requestedSatang, lang)}</td>
      <td className="in-status-cell">
        <ProposalStatusBadge status={proposal.status} />
        <div className="in-selection-col">
          <SelectionCell selection={proposal.selection} />
        </div>
      </td>
      <td className="in-eligibility-cell">
        <EligibilityCell proposal={proposal} />
      </td>
      <td className="in-nowrap">
        {proposal.submittedAt ? (
          <time dateTime={proposal.submittedAt}>{formatDate(proposal.submittedAt, lang, 'dateTime')}</time>
        ) : (
          <span className="in-muted">–</span>
        )}
      </td>
    </tr>
  );
}

function Pager({
  query,
  total,
  onChange,
}: {
  query: IntakeQuery;
  total: number;
  onChange: (next: IntakeQuery) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const pages = pageCount(total, query.pageSize);
  const page = Math.min(query.page, pages);
  return (
    <nav className="in-pager" aria-label={t('intake.pager.label')}>
      <button
        type="button"
        className="button button--secondary"
        disabled={page <= 1}
        onClick={() => onChange({ ...query, page: page - 1 })}
      >
        {t('intake.pager.previous')}
      </button>
      <span aria-live="polite" data-testid="pager-status">
        {t('intake.pager.status', { page: formatNumber(page, lang), pages: formatNumber(pages, lang) })}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= pages}
        onClick={() => onChange({ ...query, page: page + 1 })}
        data-testid="pager-next"
      >
        {t('intake.pager.next')}
      </button>
      <span className="field in-pager__size">
        <label htmlFor={`${id}-size`}>{t('intake.pager.pageSize')}</label>
        <select
          id={`${id}-size`}
          value={query.pageSize}
          onChange={(event) => onChange({ ...query, page: 1, pageSize: Number(event.target.value) })}
        >
          {[20, 50, 100, 200].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </span>
    </nav>
  );
}

function Intake({ callId }: { callId: string }) {
  const { t, lang } = useI18n();
  const call = useCall(callId);
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromParams(params), [params]);
  const [attempt, setAttempt] = useState(0);
  const loaded = useIntakePage(callId, query, attempt);
  const [selected, setSelected] = useState<ReadonlyMap<string, ProposalSummary>>(new Map());
  const [selectionFor, setSelectionFor] = useState(params.toString());
  const startExport = useCallback(
    (format: IntakeExportFormat) => startIntakeExport(callId, query, format),
    [callId, query],
  );
  const exports = useExportJobs(startExport);
  usePageTitle(t('intake.title'));

  // A new query shows other rows: the ticks of the old ones no longer apply.
  if (selectionFor !== params.toString()) {
    setSelectionFor(params.toString());
    setSelected(new Map());
  }

  const go = (next: IntakeQuery) => setParams(paramsFromQuery(next));

  if (call.status === 'error') {
    return call.error.isNotFound || call.error.status === 400 ? (
      <NotFoundState
        title={t('calls.admin.edit.notFound')}
        text={t('calls.admin.edit.notFoundText')}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={call.error} onRetry={call.reload} />
      </div>
    );
  }
  const stages = call.status === 'success' ? callStages(call.data) : [];
  const current = loaded && 'page' in loaded ? loaded.page : null;
  const failure = loaded && 'error' in loaded ? loaded.error : null;
  const rows = current?.data ?? [];
  const allTicked = rows.length > 0 && rows.every((p) => selected.has(p.id));
  const showStage = stages.length > 1;

  const tick = (proposal: ProposalSummary, on: boolean) =>
    setSelected((now) => {
      const next = new Map(now);
      if (on) {
        next.set(proposal.id, proposal);
      } else {
        next.delete(proposal.id);
      }
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('intake.title')}
        eyebrow={call.status === 'success' ? <code>{call.data.code}</code> : undefined}
        intro={call.status === 'success' ? <p>{localText(call.data, 'title', lang)}</p> : undefined}
        back={{ to: `/admin/calls/${callId}/edit`, label: t('intake.backToCall') }}
      >
        <CallAdminLinks callId={callId} stages={stages} current="proposals" />
      </PageHeader>
      <div className="container page-body in-page">
        <SelectionSummary callId={callId} refreshKey={attempt} />
        <Filters query={query} stages={stages} onChange={go} />
        <div className="in-toolbar">
          <p className="in-count" aria-live="polite" data-testid="intake-count">
            {current
              ? t('intake.count', { count: formatNumber(current.page.total, lang) })
              : failure
                ? ''
                : t('common.loading')}
          </p>
          <p className="in-export">
            <span>{t('intake.export.label')}</span>
            {INTAKE_EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="button button--secondary"
                disabled={exports.busy !== null}
                aria-busy={exports.busy === format}
                onClick={() => void exports.run(format, t(`intake.export.${format}`))}
                data-testid={`export-${format}`}
              >
                {t(`intake.export.${format}`)}
              </button>
            ))}
          </p>
        </div>
        <ExportJobList jobs={exports.jobs} error={exports.error} />
        <BulkActions
          callId={callId}
          selected={[...selected.values()]}
          onDone={() => setAttempt((n) => n + 1)}
          onClear={() => setSelected(new Map())}
        />
        <ScreeningBulkActions
          callId={callId}
          selected={[...selected.values()]}
          onDone={() => setAttempt((n) => n + 1)}
        />
        {failure ? (
          <ErrorState error={failure} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !current ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>{hasFilters(query) ? t('intake.emptyFiltered') : t('intake.empty')}</EmptyState>
        ) : (
          <>
            <div className="in-table-wrap" tabIndex={0} role="region" aria-label={t('intake.table.caption')}>
              <table className="data-table in-table" data-testid="intake-table">
                <caption className="visually-hidden">{t('intake.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="in-check">
                      <input
                        type="checkbox"
                        checked={allTicked}
                        onChange={(event) => {
                          for (const p of rows) {
                            tick(p, event.target.checked);
                          }
                        }}
                        aria-label={t('intake.table.selectAll')}
                        data-testid="check-all"
                      />
                    </th>
                    <SortHeader
                      column="receipt"
                      label={t('intake.table.receipt')}
                      query={query}
                      onSort={(sort) => go({ ...query, sort, page: 1 })}
                    />
                    <SortHeader
                      column="title"
                      label={t('intake.table.title')}
                      query={query}
                      onSort={(sort) => go({ ...query, sort, page: 1 })}
                    />
                    <th scope="col">{t('intake.table.organisation')}</th>
                    <th scope="col">{t('intake.table.provinces')}</th>
                    <SortHeader
                      column="requested"
                      label={t('intake.table.requested')}
                      query={query}
                      onSort={(sort) => go({ ...query, sort, page: 1 })}
                      numeric
                    />
                    <th scope="col">{t('intake.table.selection')}</th>
                    <th scope="col">{t('intake.table.eligibility')}</th>
                    <SortHeader
                      column="submitted_at"
                      label={t('intake.table.submittedAt')}
                      query={query}
                      onSort={(sort) => go({ ...query, sort, page: 1 })}
                    />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((proposal) => (
                    <Row
                      key={proposal.id}
                      proposal={proposal}
                      checked={selected.has(proposal.id)}
                      onCheck={(on) => tick(proposal, on)}
                      showStage={showStage}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            <Pager query={query} total={current.page.total} onChange={go} />
          </>
        )}
      </div>
    </>
  );
}

function IntakeRoute() {
  const { id } = useParams();
  return id ? <Intake callId={id} /> : null;
}

/** `/admin/calls/:id/proposals`: officers filter, search, sort and page a call's proposals, act on many, export. */
export default function IntakePage() {
  return (
    <RequireOfficer>
      <IntakeRoute />
    </RequireOfficer>
  );
}
