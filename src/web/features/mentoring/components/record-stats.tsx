import type { PersonRecord } from '@shared/contracts/mentoring';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { Stars } from '../labels';

/** A person's record: hours, sessions, activities, projects and the mean rating. */
export function RecordStats({ record, compact = false }: { record: PersonRecord; compact?: boolean }) {
  const { t, lang } = useI18n();
  const items = [
    { key: 'hours', label: t('mentoring.record.hours'), value: formatNumber(record.hoursMentored, lang) },
    { key: 'sessions', label: t('mentoring.record.sessions'), value: formatNumber(record.sessions, lang) },
    {
      key: 'activities',
      label: t('mentoring.record.activities'),
      value: formatNumber(record.activitiesFacilitated, lang),
    },
    {
      key: 'projects',
      label: t('mentoring.record.projects'),
      value: formatNumber(record.projectsSupported, lang),
    },
  ];
  return (
    <div className={`me-record${compact ? ' me-record--compact' : ''}`} data-testid="person-record">
      <dl className="me-record__grid">
        {items.map((item) => (
          <div key={item.key} className="me-record__item" data-testid={`record-${item.key}`}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
      <p className="me-record__rating" data-testid="record-rating">
        <span className="me-muted">{t('mentoring.record.rating')}</span>{' '}
        {record.averageRating === null ? (
          <span>{t('mentoring.record.noRating')}</span>
        ) : (
          <>
            <Stars value={record.averageRating} />{' '}
            <span>
              {t('mentoring.record.ratingValue', {
                value: formatNumber(record.averageRating, lang, { maximumFractionDigits: 1 }),
                count: record.ratings,
              })}
            </span>
          </>
        )}
      </p>
    </div>
  );
}
