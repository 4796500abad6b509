import { Link } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useMyJudging } from '../api';
import { ContestStatusBadge } from '../labels';
import '../contests.css';

function MyJudging() {
  const { t, lang } = useI18n();
  usePageTitle(t('contests.judging.title'));
  const contests = useMyJudging();
  return (
    <>
      <PageHeader title={t('contests.judging.title')} intro={<p>{t('contests.judging.intro')}</p>} />
      <div className="container page-body">
        {contests.status === 'error' ? (
          <ErrorState error={contests.error} onRetry={contests.reload} />
        ) : contests.status !== 'success' ? (
          <LoadingState />
        ) : contests.data.length === 0 ? (
          <EmptyState>{t('contests.judging.empty')}</EmptyState>
        ) : (
          <ul className="ct-list">
            {contests.data.map((c) => (
              <li key={c.id} className="ct-card" data-testid="judging-card">
                <div className="ct-badges">
                  <ContestStatusBadge status={c.status} />
                </div>
                <h2>
                  <Link to={`/judging/${c.id}`}>{localText(c, 'title', lang)}</Link>
                </h2>
                <p className="ct-meta">
                  {t('contests.judging.progress', {
                    submitted: c.submitted,
                    recused: c.recused,
                    entries: c.entries,
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

/** A judge's contests and how far they are with each. */
export default function JudgingPage() {
  return (
    <RequireAuth>
      <MyJudging />
    </RequireAuth>
  );
}
