import type { CallReviewer } from '@shared/contracts/reviewers';
import { EmptyState } from '@web/components/ui/states';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { InvitationBadge } from './badges';

/** The reviewers invited to the call: their answer, when, and how much they carry. */
export function CallReviewersTable({ reviewers }: { reviewers: readonly CallReviewer[] }) {
  const { t, lang } = useI18n();
  if (reviewers.length === 0) {
    return <EmptyState>{t('reviewers.admin.invited.empty')}</EmptyState>;
  }
  return (
    <table className="data-table data-table--stack rv-table" data-testid="call-reviewers">
      <caption className="visually-hidden">{t('reviewers.admin.invited.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reviewers.admin.invited.name')}</th>
          <th scope="col">{t('reviewers.admin.invited.status')}</th>
          <th scope="col">{t('reviewers.admin.invited.invitedAt')}</th>
          <th scope="col" className="numeric">
            {t('reviewers.admin.invited.assigned')}
          </th>
          <th scope="col" className="numeric">
            {t('reviewers.admin.invited.load')}
          </th>
        </tr>
      </thead>
      <tbody>
        {reviewers.map((r) => (
          <tr key={r.reviewerId}>
            <td data-label={t('reviewers.admin.invited.name')}>
              <div className="rv-cell-stack">
                <strong>{r.name}</strong>
                <span className="ca-muted">{r.affiliation || r.email}</span>
              </div>
            </td>
            <td data-label={t('reviewers.admin.invited.status')}>
              <div className="rv-cell-stack">
                <InvitationBadge status={r.status} />
                {r.declineReason ? (
                  <span className="ca-muted">
                    {t('reviewers.admin.invited.reason', { reason: r.declineReason })}
                  </span>
                ) : null}
              </div>
            </td>
            <td data-label={t('reviewers.admin.invited.invitedAt')}>
              {formatDate(r.invitedAt, lang, 'medium')}
            </td>
            <td data-label={t('reviewers.admin.invited.assigned')} className="numeric">
              {r.assignedInCall}
            </td>
            <td data-label={t('reviewers.admin.invited.load')} className="numeric">
              {r.activeLoad}/{r.maxLoad}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
