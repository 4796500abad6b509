import { Link } from 'react-router';
import type { CallSummary } from '@shared/contracts/calls';
import { Badge } from '@web/components/ui/badge';
import { localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { Countdown, PhaseBadge, useDateTime, useGrantText } from './labels';

/** One call in the list: programme, title, deadline (Buddhist Era, Bangkok time), grant range, stages, days left. */
export function CallCard({ call, now }: { call: CallSummary; now: Date }) {
  const { t, lang } = useI18n();
  const dateTime = useDateTime();
  const grantText = useGrantText();
  const programme = localName({ nameTh: call.programmeNameTh, nameEn: call.programmeNameEn }, lang);
  const title = localText(call, 'title', lang);
  const dateLine =
    call.phase === 'upcoming'
      ? t('calls.card.opensAt', { date: dateTime(call.opensAt) })
      : call.phase === 'open'
        ? t('calls.card.closesAt', { date: dateTime(call.closesAt) })
        : t('calls.card.closedAt', { date: dateTime(call.closesAt) });
  return (
    <article className="card call-card" data-testid="call-card">
      <div className="call-card__badges">
        <Badge tone="brand">{t(`programmes.type.${call.programmeType}`)}</Badge>
        <PhaseBadge phase={call.phase} />
        <Countdown call={call} now={now} />
      </div>
      <p className="call-card__programme">{programme}</p>
      <h2 className="call-card__title">
        <Link className="card__link" to={`/calls/${call.id}`} lang={title === call.titleTh ? 'th' : 'en'}>
          {title}
        </Link>
      </h2>
      <ul className="call-card__facts">
        <li className="call-card__deadline">{dateLine}</li>
        <li>{grantText(call, true)}</li>
        <li>{t(`calls.stageMode.${call.stageMode}`)}</li>
        {call.problemStatementCount > 0 ? (
          <li>{t('calls.card.problemStatements', { count: call.problemStatementCount })}</li>
        ) : null}
      </ul>
    </article>
  );
}
