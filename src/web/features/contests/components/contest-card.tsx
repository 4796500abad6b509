import { Link } from 'react-router';
import type { ContestSummary } from '@shared/contracts/contests';
import { formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { ContestStatusBadge } from '../labels';

/** A contest in a list: status, programme, title (a link to `to`), nomination dates, number of categories. */
export function ContestCard({ contest, to }: { contest: ContestSummary; to: string }) {
  const { t, lang } = useI18n();
  return (
    <li className="ct-card" data-testid="contest-card">
      <div className="ct-badges">
        <ContestStatusBadge status={contest.status} />
        <span className="ct-meta">
          {localName({ nameTh: contest.programmeNameTh, nameEn: contest.programmeNameEn }, lang)}
        </span>
      </div>
      <h2>
        <Link to={to}>{localText(contest, 'title', lang)}</Link>
      </h2>
      <p className="ct-meta">
        {t('contests.list.nominations', {
          from: formatDate(contest.nominationsOpenAt, lang),
          to: formatDate(contest.nominationsCloseAt, lang),
        })}
      </p>
      <p className="ct-meta">{t('contests.list.categories', { count: contest.categoryCount })}</p>
    </li>
  );
}
