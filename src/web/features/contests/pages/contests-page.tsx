import { Link } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useContests } from '../api';
import { ContestCard } from '../components/contest-card';
import '../contests.css';

/** Award contests of the programmes: open for nominations, being judged, and announced. */
export default function ContestsPage() {
  const { t } = useI18n();
  usePageTitle(t('contests.list.title'));
  const contests = useContests();
  return (
    <>
      <PageHeader title={t('contests.list.title')} intro={<p>{t('contests.list.intro')}</p>}>
        <p className="ct-header-link">
          <Link to="/contests/certificates">{t('contests.verify.link')}</Link>
        </p>
      </PageHeader>
      <div className="container page-body">
        {contests.status === 'error' ? (
          <ErrorState error={contests.error} onRetry={contests.reload} />
        ) : contests.status !== 'success' ? (
          <LoadingState />
        ) : contests.data.length === 0 ? (
          <EmptyState>{t('contests.list.empty')}</EmptyState>
        ) : (
          <ul className="ct-list">
            {contests.data.map((c) => (
              <ContestCard key={c.id} contest={c} to={`/contests/${c.id}`} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
