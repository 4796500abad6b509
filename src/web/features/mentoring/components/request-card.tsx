import { Link } from 'react-router';
import type { MentoringRequest } from '@shared/contracts/mentoring';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { RequestStatusBadge, nameIn } from '../labels';

/** A request in a list: topic, status, who asked, the unit and the mentor. */
export function RequestCard({ request }: { request: MentoringRequest }) {
  const { t, lang } = useI18n();
  return (
    <li className="me-card" data-testid="request-card">
      <div className="me-card__head">
        <h3 className="me-card__title">
          <Link to={`/mentoring/requests/${request.id}`} data-testid="request-link">
            {request.topic}
          </Link>
        </h3>
        <RequestStatusBadge status={request.status} />
      </div>
      <p className="me-muted">
        {t(`mentoring.expertise.${request.expertise}`)} ·{' '}
        {t('mentoring.requests.requestedBy', { name: request.organisationNameTh ?? request.requesterName })}{' '}
        {t('mentoring.requests.on', { date: formatDate(request.createdAt, lang) })}
      </p>
      <p className="me-muted">
        {t('mentoring.requests.mentor')}:{' '}
        {request.mentorId
          ? nameIn(lang, request.mentorNameTh, request.mentorNameEn)
          : t('mentoring.requests.noMentor')}
        {request.drivingUnitId
          ? ` · ${nameIn(lang, request.drivingUnitNameTh, request.drivingUnitNameEn)}`
          : ''}
      </p>
    </li>
  );
}
