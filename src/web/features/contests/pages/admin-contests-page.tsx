import { Link } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useContests } from '../api';
import { ContestCard } from '../components/contest-card';
import '../contests.css';

function AdminContests() {
  const { t } = useI18n();
  usePageTitle(t('contests.admin.title'));
  const contests = useContests();
  return (
    <>
      <PageHeader title={t('contests.admin.title')} intro={<p>{t('contests.admin.intro')}</p>}>
        <p className="ct-actions">
          <Link className="button button--primary" to="/admin/contests/new" data-testid="new-contest">
            {t('contests.admin.create')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body">
        {contests.status === 'error' ? (
          <ErrorState error={contests.error} onRetry={contests.reload} />
        ) : contests.status !== 'success' ? (
          <LoadingState />
        ) : contests.data.length === 0 ? (
          <EmptyState>{t('contests.admin.empty')}</EmptyState>
        ) : (
          <ul className="ct-list">
            {contests.data.map((c) => (
              <ContestCard key={c.id} contest={c} to={`/admin/contests/${c.id}`} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

/** Officers: every contest of every status, and a new one. */
export default function AdminContestsPage() {
  return (
    <RequireOfficer>
      <AdminContests />
    </RequireOfficer>
  );
}
