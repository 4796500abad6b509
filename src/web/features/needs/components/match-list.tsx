import { Link } from 'react-router';
import type { InnovationMatch, MatchList as MatchListData } from '@shared/contracts/needs';
import { EmptyState } from '@web/components/ui/states';
import { useAuth } from '@web/features/accounts/auth';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { provinceName, themeName } from '../labels';
import { InterestButton } from './interest-dialog';

function MatchCard({ match, rank, list }: { match: InnovationMatch; rank: number; list: MatchListData }) {
  const { t, lang } = useI18n();
  const { status } = useAuth();
  const title = lang === 'en' && match.titleEn ? match.titleEn : match.titleTh;
  const summary = lang === 'en' && match.summaryEn ? match.summaryEn : match.summaryTh;
  const titleId = `match-${match.innovationId}`;
  return (
    <li className="nd-match" data-testid="match" aria-labelledby={titleId}>
      <div className="nd-match__head">
        <span className="nd-match__rank" aria-hidden="true">
          {rank}
        </span>
        <div className="nd-match__title">
          <h3 id={titleId}>
            <Link to={`/innovations/${match.innovationId}`}>{title}</Link>
          </h3>
          <p className="nd-muted">
            {[
              match.themes.map((code) => themeName(code, lang)).join(' · '),
              provinceName(match.originProvinceCode, lang),
            ]
              .filter(Boolean)
              .join(' — ')}
          </p>
        </div>
        <p className="nd-match__score" data-testid="match-score">
          <span className="visually-hidden">{t('needs.matches.scoreLabel')}: </span>
          <strong>{formatNumber(match.score, lang, { maximumFractionDigits: 1 })}</strong>
          <span aria-hidden="true">/100</span>
        </p>
      </div>
      {summary ? <p className="nd-match__summary">{summary}</p> : null}
      <details className="nd-reasons" open={rank <= 3}>
        <summary>{t('needs.matches.whyTitle')}</summary>
        <ul>
          {match.reasons.map((reason) => (
            <li key={reason.factor} data-testid={`reason-${reason.factor}`}>
              <span className="nd-reason__factor">{t(`needs.factor.${reason.factor}`)}</span>
              <span className="nd-reason__bar" aria-hidden="true">
                <span style={{ width: `${(reason.points / reason.maxPoints) * 100}%` }} />
              </span>
              <span className="nd-reason__points">
                {t('needs.matches.points', {
                  points: formatNumber(reason.points, lang, { maximumFractionDigits: 1 }),
                  max: reason.maxPoints,
                })}
              </span>
              <span className="nd-reason__text">{lang === 'en' ? reason.reasonEn : reason.reasonTh}</span>
            </li>
          ))}
        </ul>
      </details>
      {status === 'signed_in' ? (
        <div className="nd-match__actions">
          <InterestButton
            innovationId={match.innovationId}
            innovationTitle={title}
            target={list.target}
            className="button button--secondary"
          />
        </div>
      ) : null}
    </li>
  );
}

/** Diffusion-ready innovations ranked for a need or a problem statement, with the points and reason per factor. */
export function MatchList({ list }: { list: MatchListData }) {
  const { t } = useI18n();
  if (list.matches.length === 0) {
    return <EmptyState>{t('needs.matches.empty')}</EmptyState>;
  }
  return (
    <ol className="nd-matches" data-testid="matches">
      {list.matches.map((match, index) => (
        <MatchCard key={match.innovationId} match={match} rank={index + 1} list={list} />
      ))}
    </ol>
  );
}
