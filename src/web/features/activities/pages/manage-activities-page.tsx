import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ACTIVITY_STATUSES } from '@shared/contracts/activities';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useManagedActivities } from '../api';
import { ActivityStatusBadge, activityTitle, timeRange, unitName } from '../components/labels';
import '@web/components/ui/form.css';
import '../activities.css';

function ManagedList() {
  const { t, lang } = useI18n();
  const id = useId();
  const [status, setStatus] = useState('');
  const list = useManagedActivities(status || undefined);
  return (
    <>
      <div className="ac-toolbar">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('activities.ui.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('activities.ui.any')}</option>
            {ACTIVITY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`activities.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Link className="button button--primary" to="/admin/activities/new" data-testid="new-activity">
          {t('activities.ui.newActivity')}
        </Link>
      </div>
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'loading' || list.status === 'idle' ? <LoadingState /> : null}
      {list.status === 'success' && list.data.length === 0 ? (
        <EmptyState>{t('activities.ui.noManaged')}</EmptyState>
      ) : null}
      {list.status === 'success' && list.data.length > 0 ? (
        <div className="ac-table-wrap">
          <table className="ac-table">
            <thead>
              <tr>
                <th scope="col">{t('activities.ui.activity')}</th>
                <th scope="col">{t('activities.ui.when')}</th>
                <th scope="col">{t('activities.ui.status')}</th>
                <th scope="col">{t('activities.ui.registrations')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/admin/activities/${a.id}`}>{activityTitle(a, lang)}</Link>
                    <br />
                    <small>
                      {t(`activities.kinds.${a.kind}`)} · {unitName(a, lang)}
                    </small>
                  </td>
                  <td>{timeRange(a.startsAt, a.endsAt, lang)}</td>
                  <td>
                    <ActivityStatusBadge status={a.status} />
                  </td>
                  <td>
                    {t('activities.ui.seats', { taken: a.seatsTaken, capacity: a.capacity })}
                    {a.waitlistCount > 0
                      ? ` · ${t('activities.ui.waitlistCount', { count: a.waitlistCount })}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** Unit staff see their unit's activities, officers every unit's, drafts included. */
export default function ManageActivitiesPage() {
  const { t } = useI18n();
  usePageTitle(t('activities.ui.manageTitle'));
  return (
    <RequireAuth>
      <PageHeader title={t('activities.ui.manageTitle')} intro={<p>{t('activities.ui.manageIntro')}</p>} />
      <div className="container page-body">
        <ManagedList />
      </div>
    </RequireAuth>
  );
}
