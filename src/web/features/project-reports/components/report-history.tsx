import type { ReportDetail, ReportEvent } from '@shared/contracts/projects';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** Submissions, returns and approvals of the report, oldest first, each with its comment. */
export function ReportHistory({ events }: { events: readonly ReportEvent[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) {
    return <p className="pr-muted">{t('projectReportsUi.history.none')}</p>;
  }
  return (
    <ol className="pr-history" data-testid="report-history">
      {events.map((event, index) => (
        <li
          key={`${event.createdAt}-${index}`}
          className={`pr-history__item pr-history__item--${event.action}`}
        >
          <p className="pr-history__head">
            <strong>{t(`projectReportsUi.history.action.${event.action}`)}</strong>
            <span className="pr-history__when">{formatDate(event.createdAt, lang, 'dateTime')}</span>
            {event.actorName ? (
              <span className="pr-history__who">
                {t('projectReportsUi.history.by', { name: event.actorName })}
              </span>
            ) : null}
          </p>
          {event.comment ? <p className="pr-history__comment">{event.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The reviewer's comment on a returned report, shown at the top for the organisation. */
export function ReturnedNotice({ report }: { report: ReportDetail }) {
  const { t, lang } = useI18n();
  if (report.status !== 'returned') {
    return null;
  }
  const event = [...report.events].reverse().find((e) => e.action === 'returned');
  if (!event) {
    return null;
  }
  return (
    <section className="pr-returned" data-testid="report-returned">
      <h2>{t('projectReportsUi.returned.title')}</h2>
      <p className="pr-returned__meta">
        {t('projectReportsUi.returned.byAt', {
          name: event.actorName ?? '—',
          date: formatDate(event.createdAt, lang, 'dateTime'),
        })}
      </p>
      <h3>{t('projectReportsUi.returned.comment')}</h3>
      <p className="pr-returned__comment">{event.comment}</p>
    </section>
  );
}
