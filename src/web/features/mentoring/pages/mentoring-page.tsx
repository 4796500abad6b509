import { useId } from 'react';
import { Link } from 'react-router';
import type { RequestListQuery } from '@shared/contracts/mentoring';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useRequests } from '../api';
import { RequestCard } from '../components/request-card';
import '../mentoring.css';

function RequestSection({ view, title }: { view: NonNullable<RequestListQuery['view']>; title: MessageKey }) {
  const { t } = useI18n();
  const id = useId();
  const requests = useRequests({ view });
  if (requests.status === 'success' && requests.data.length === 0 && view !== 'mine') {
    return null;
  }
  return (
    <section className="me-section" aria-labelledby={id} data-testid={`requests-${view}`}>
      <h2 id={id}>{t(title)}</h2>
      {requests.status === 'error' ? (
        <ErrorState error={requests.error} onRetry={requests.reload} />
      ) : requests.status !== 'success' ? (
        <LoadingState />
      ) : requests.data.length === 0 ? (
        <p className="me-muted">{t('mentoring.requests.empty')}</p>
      ) : (
        <ul className="me-cards me-cards--wide">
          {requests.data.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Mentoring() {
  const { t } = useI18n();
  const { me } = useAuth();
  usePageTitle(t('mentoring.requests.title'));
  const managesQueue =
    hasRole(me, 'programme_officer') || hasRole(me, 'administrator') || hasRole(me, 'driving_unit_staff');
  return (
    <>
      <PageHeader title={t('mentoring.requests.title')} intro={<p>{t('mentoring.requests.intro')}</p>}>
        <p className="me-header-links">
          <Link to="/mentoring/new" className="button button--primary" data-testid="ask-mentoring">
            {t('mentoring.requests.ask')}
          </Link>
          <Link to="/personnel?mentors=true" className="button button--secondary">
            {t('mentoring.requests.directory')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body me-page">
        {managesQueue ? <RequestSection view="unit" title="mentoring.requests.unit" /> : null}
        <RequestSection view="mentoring" title="mentoring.requests.mentoring" />
        <RequestSection view="mine" title="mentoring.requests.mine" />
      </div>
    </>
  );
}

/** Mentoring: my requests, those I mentor, and (staff) the unit's queue. */
export default function MentoringPage() {
  return (
    <RequireAuth>
      <Mentoring />
    </RequireAuth>
  );
}
