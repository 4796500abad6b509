import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CallSummary } from '@shared/contracts/calls';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useCalls } from '@web/features/calls/api';
import { useOrganisations } from '@web/features/organisations/api';
import { formatDate, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useMyProposals } from '../api';
import { StatusBadge } from '../components/status-badge';
import '../proposals.css';

function MyProposals() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const organisationId = params.get('organisation');
  const organisations = useOrganisations('mine');
  const proposals = useMyProposals(organisationId);
  const calls = useCalls({ phase: 'all' });
  usePageTitle(t('proposals.mine.title'));

  const callsById = useMemo(
    () => new Map<string, CallSummary>(calls.status === 'success' ? calls.data.map((c) => [c.id, c]) : []),
    [calls],
  );

  let body;
  if (proposals.status === 'error') {
    body = <ErrorState error={proposals.error} onRetry={proposals.reload} />;
  } else if (proposals.status !== 'success') {
    body = <LoadingState />;
  } else if (proposals.data.length === 0) {
    body = (
      <EmptyState>
        {t('proposals.mine.empty')} <Link to="/calls">{t('proposals.mine.browseCalls')}</Link>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <p className="proposal-list__count" role="status">
          {t('proposals.mine.count', { count: proposals.data.length })}
        </p>
        <table className="data-table data-table--stack proposal-list" data-testid="my-proposals">
          <thead>
            <tr>
              <th scope="col">{t('proposals.mine.colTitle')}</th>
              <th scope="col">{t('proposals.mine.colCall')}</th>
              <th scope="col">{t('proposals.mine.colOrganisation')}</th>
              <th scope="col">{t('proposals.mine.colStatus')}</th>
              <th scope="col">{t('proposals.mine.colReceipt')}</th>
              <th scope="col">{t('proposals.mine.colDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {proposals.data.map((p) => {
              const call = callsById.get(p.callId);
              const deadline = call
                ? p.stage === 'full' && call.fullClosesAt
                  ? call.fullClosesAt
                  : call.closesAt
                : null;
              return (
                <tr key={p.id} data-testid="my-proposal">
                  <th scope="row" data-label={t('proposals.mine.colTitle')}>
                    <Link to={`/proposals/${p.id}`} lang="th">
                      {p.titleTh || t('proposals.mine.untitled')}
                    </Link>
                  </th>
                  <td data-label={t('proposals.mine.colCall')}>
                    <Link to={`/calls/${p.callId}`}>
                      {localText({ titleTh: p.callTitleTh, titleEn: p.callTitleEn }, 'title', lang)}
                    </Link>
                  </td>
                  <td data-label={t('proposals.mine.colOrganisation')}>{p.organisation.nameTh}</td>
                  <td data-label={t('proposals.mine.colStatus')}>
                    <StatusBadge status={p.status} />
                  </td>
                  <td data-label={t('proposals.mine.colReceipt')} className="proposal-list__receipt">
                    {p.receiptNumber ?? t('proposals.mine.noReceipt')}
                  </td>
                  <td data-label={t('proposals.mine.colDeadline')}>
                    {deadline
                      ? t('proposals.editor.deadlineValue', { date: formatDate(deadline, lang, 'dateTime') })
                      : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('proposals.mine.title')} intro={<p>{t('proposals.mine.intro')}</p>} />
      <div className="container page-body">
        {organisations.status === 'success' && organisations.data.length > 1 ? (
          <div className="field proposal-list__filter">
            <label htmlFor={`${id}-org`}>{t('proposals.mine.organisation')}</label>
            <select
              id={`${id}-org`}
              value={organisationId ?? ''}
              onChange={(e) =>
                setParams(e.target.value ? { organisation: e.target.value } : {}, {
                  replace: true,
                  preventScrollReset: true,
                })
              }
            >
              <option value="">{t('proposals.mine.allOrganisations')}</option>
              {organisations.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.nameTh}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {body}
      </div>
    </>
  );
}

/** My proposals: every proposal of my organisations, with status, receipt number, call and deadline. */
export default function MyProposalsPage() {
  return (
    <RequireAuth>
      <MyProposals />
    </RequireAuth>
  );
}
