import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { PeoplesChoice, PeoplesChoiceEntry } from '@shared/contracts/peoples-choice';
import { PROVINCES } from '@shared/reference/provinces';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { loginPath } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { toApiError } from '@web/lib/api';
import { formatDate, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { peoplesChoiceApi, usePeoplesChoice } from '../api';
import '@web/components/ui/form.css';
import '@web/features/contests/contests.css';

function Idea({
  entry,
  choice,
  onVote,
  busy,
}: {
  entry: PeoplesChoiceEntry;
  choice: PeoplesChoice;
  onVote: (proposalId: string) => void;
  busy: boolean;
}) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const location = useLocation();
  const title = lang === 'en' && entry.titleEn ? entry.titleEn : entry.titleTh;
  const organisation =
    lang === 'en' && entry.organisationNameEn ? entry.organisationNameEn : entry.organisationNameTh;
  const provinces = entry.provinceCodes
    .map((code) => PROVINCES.find((p) => p.code === code))
    .flatMap((p) => (p ? [localName(p, lang)] : []))
    .join(', ');
  const mine = choice.myVote === entry.proposalId;
  const share = choice.totalVotes ? ((entry.votes ?? 0) / choice.totalVotes) * 100 : 0;
  return (
    <li className={mine ? 'ct-vote-card ct-vote-card--mine' : 'ct-vote-card'} data-testid="vote-idea">
      {entry.rank !== null ? (
        <p className="ct-meta">{t('contests.vote.rank', { rank: entry.rank })}</p>
      ) : null}
      <h2>{title}</h2>
      <p className="ct-meta">
        {organisation}
        {provinces ? ` · ${provinces}` : ''}
      </p>
      {entry.summary ? <p>{entry.summary}</p> : null}
      {entry.votes !== null ? (
        <>
          <p>
            <strong>{t('contests.vote.votes', { count: entry.votes })}</strong>{' '}
            <span className="ct-muted">({formatNumber(share, lang, { maximumFractionDigits: 1 })}%)</span>
          </p>
          <div className="ct-bar" aria-hidden="true">
            <span style={{ width: `${share}%` }} />
          </div>
        </>
      ) : null}
      {mine ? <p className="form-success">{t('contests.vote.yourVote')}</p> : null}
      {choice.phase === 'open' && choice.myVote === null ? (
        me ? (
          <p>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => onVote(entry.proposalId)}
              aria-label={t('contests.vote.voteFor', { title })}
              data-testid="vote-button"
            >
              {t('contests.vote.vote')}
            </button>
          </p>
        ) : (
          <p>
            <Link to={loginPath(location.pathname)}>{t('contests.vote.signInToVote')}</Link>
          </p>
        )
      ) : null}
    </li>
  );
}

/** The people's choice of a call: shortlisted ideas, one vote per verified account, results after the vote closes. */
export default function VotePage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const choice = usePeoplesChoice(id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('contests.vote.title'));
  if (choice.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={choice.error} onRetry={choice.reload} />
      </div>
    );
  }
  if (choice.status !== 'success') {
    return <LoadingState />;
  }
  const c = choice.data;
  const callTitle = lang === 'en' && c.callTitleEn ? c.callTitleEn : c.callTitleTh;
  const vote = async (proposalId: string) => {
    if (!window.confirm(t('contests.vote.confirm'))) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await peoplesChoiceApi.vote(c.callId, proposalId);
      choice.reload();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  const period =
    c.opensAt && c.closesAt
      ? t('contests.vote.period', {
          from: formatDate(c.opensAt, lang, 'dateTime'),
          to: formatDate(c.closesAt, lang, 'dateTime'),
        })
      : null;
  return (
    <>
      <PageHeader
        title={t('contests.vote.title')}
        eyebrow={callTitle}
        back={{ to: `/calls/${c.callId}`, label: callTitle }}
        intro={
          <>
            <p>{t(`contests.vote.phase.${c.phase}`)}</p>
            {period ? <p>{period}</p> : null}
          </>
        }
      />
      <div className="container page-body" data-testid="vote-page">
        {error ? (
          <p className="form-alert" role="alert">
            {error}
          </p>
        ) : null}
        {c.phase === 'closed' && c.totalVotes !== null ? (
          <p>
            <strong>{t('contests.vote.total', { count: c.totalVotes })}</strong>
          </p>
        ) : null}
        {c.entries.length === 0 ? (
          <EmptyState>{t('contests.vote.empty')}</EmptyState>
        ) : (
          <ul className="ct-vote-list">
            {c.entries.map((entry) => (
              <Idea
                key={entry.proposalId}
                entry={entry}
                choice={c}
                busy={busy}
                onVote={(p) => void vote(p)}
              />
            ))}
          </ul>
        )}
        <p className="ct-muted ct-section">{t('contests.vote.rules')}</p>
      </div>
    </>
  );
}
