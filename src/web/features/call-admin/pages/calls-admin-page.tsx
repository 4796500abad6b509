import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CALL_STATUSES, type CallStatus, type CallSummary } from '@shared/contracts/calls';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { useProgrammes } from '@web/features/programmes/api';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatBaht, formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { callAdminApi } from '../api';
import { RequireOfficer } from '../components/require-officer';
import { CallStatusBadge } from '../labels';
import '@web/components/ui/form.css';
import '../call-admin.css';

type Loaded = { key: string; calls: CallSummary[] } | { key: string; error: ApiError };

function isStatus(value: string | null): value is CallStatus {
  return value !== null && (CALL_STATUSES as readonly string[]).includes(value);
}

/** Calls of one status, or of every status (newest opening first). */
function useAdminCalls(status: CallStatus | null, attempt: number): Loaded | null {
  const key = `${status ?? 'all'}:${attempt}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let active = true;
    const statuses = status ? [status] : [...CALL_STATUSES];
    Promise.all(statuses.map((s) => callAdminApi.listCalls(s))).then(
      (lists) => {
        if (active) {
          const calls = lists.flat().sort((a, b) => b.opensAt.localeCompare(a.opensAt));
          setLoaded({ key, calls });
        }
      },
      (error: unknown) => {
        if (active) {
          setLoaded({ key, error: toApiError(error) });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [key, status]);
  return loaded && loaded.key === key ? loaded : null;
}

function CallRow({ call }: { call: CallSummary }) {
  const { t, lang } = useI18n();
  return (
    <tr data-testid="admin-call-row">
      <td data-label={t('calls.admin.list.call')}>
        <div className="ca-call-title">
          <Link to={`/admin/calls/${call.id}/edit`}>{localText(call, 'title', lang)}</Link>
          <span className="ca-muted">
            <code>{call.code}</code> ·{' '}
            {localName({ nameTh: call.programmeNameTh, nameEn: call.programmeNameEn }, lang)}
          </span>
        </div>
      </td>
      <td data-label={t('calls.admin.list.status')}>
        <CallStatusBadge status={call.status} />
      </td>
      <td data-label={t('calls.admin.list.period')} className="ca-nowrap-wide">
        {formatDate(call.opensAt, lang, 'medium')} – {formatDate(call.closesAt, lang, 'dateTime')}
      </td>
      <td data-label={t('calls.admin.list.stageMode')}>{t(`calls.admin.stageMode.${call.stageMode}`)}</td>
      <td data-label={t('calls.admin.list.budget')} className="numeric">
        {formatBaht(call.totalBudgetSatang, lang)}
      </td>
      <td data-label={t('calls.admin.list.actions')}>
        <ul className="ca-row-links">
          <li>
            <Link to={`/admin/calls/${call.id}/edit`}>{t('calls.admin.list.edit')}</Link>
          </li>
          <li>
            <Link
              to={`/admin/calls/${call.id}/form/${call.stageMode === 'two_stage' ? 'concept' : 'proposal'}`}
            >
              {t('calls.admin.list.form')}
            </Link>
          </li>
          <li>
            <Link to={`/admin/calls/${call.id}/proposals`} data-testid="intake-link">
              {t('calls.admin.list.proposals')}
            </Link>
          </li>
          <li>
            <Link to={`/admin/calls/${call.id}/reviewers`} data-testid="reviewers-link">
              {t('reviewers.admin.link')}
            </Link>
          </li>
          <li>
            <Link to={`/admin/calls/${call.id}/ranking`} data-testid="ranking-link">
              {t('reviews.ranking.title')}
            </Link>
          </li>
        </ul>
      </td>
    </tr>
  );
}

function ProgrammeLinks() {
  const { t, lang } = useI18n();
  const programmes = useProgrammes();
  if (programmes.status !== 'success') {
    return null;
  }
  return (
    <section className="section" aria-labelledby="ca-programmes-title">
      <h2 id="ca-programmes-title">{t('calls.admin.list.programmes')}</h2>
      <ul className="ca-programme-links">
        {programmes.data.map((programme) => (
          <li key={programme.slug}>
            <span>{localName(programme, lang)}</span>
            <Link
              to={`/admin/programmes/${programme.slug}/edit`}
              aria-label={t('calls.admin.list.editProgramme', { name: localName(programme, lang) })}
            >
              {t('calls.admin.list.edit')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CallsAdmin() {
  const { t } = useI18n();
  usePageTitle(t('calls.admin.list.title'));
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isStatus(raw) ? raw : null;
  const [attempt, setAttempt] = useState(0);
  const loaded = useAdminCalls(status, attempt);

  const choose = (next: CallStatus | null) => {
    setParams(next ? { status: next } : {});
  };

  return (
    <>
      <PageHeader title={t('calls.admin.list.title')} intro={<p>{t('calls.admin.list.intro')}</p>}>
        <p className="ca-header-actions">
          <Link className="button button--primary" to="/admin/calls/new" data-testid="new-call">
            {t('calls.admin.list.create')}
          </Link>
          <Link className="button button--secondary" to="/admin/contests" data-testid="contests-admin-link">
            {t('contests.admin.title')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body">
        <div className="ca-tabs" role="group" aria-label={t('calls.admin.list.statusFilter')}>
          {[null, ...CALL_STATUSES].map((s) => (
            <button
              key={s ?? 'all'}
              type="button"
              className="ca-tab"
              aria-pressed={status === s}
              onClick={() => choose(s)}
            >
              {s ? t(`calls.admin.status.${s}`) : t('calls.admin.list.all')}
            </button>
          ))}
        </div>
        {loaded === null ? (
          <LoadingState />
        ) : 'error' in loaded ? (
          <ErrorState error={loaded.error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : loaded.calls.length === 0 ? (
          <EmptyState>{t('calls.admin.list.empty')}</EmptyState>
        ) : (
          <div className="ca-table-wrap">
            <table className="data-table data-table--stack" data-testid="admin-calls">
              <caption className="visually-hidden">{t('calls.admin.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calls.admin.list.call')}</th>
                  <th scope="col">{t('calls.admin.list.status')}</th>
                  <th scope="col">{t('calls.admin.list.period')}</th>
                  <th scope="col">{t('calls.admin.list.stageMode')}</th>
                  <th scope="col" className="numeric">
                    {t('calls.admin.list.budget')}
                  </th>
                  <th scope="col">{t('calls.admin.list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.calls.map((call) => (
                  <CallRow key={call.id} call={call} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ProgrammeLinks />
      </div>
    </>
  );
}

/** Officers: every call of every status, with links to edit it, its form and its proposals. */
export default function CallsAdminPage() {
  return (
    <RequireOfficer>
      <CallsAdmin />
    </RequireOfficer>
  );
}
