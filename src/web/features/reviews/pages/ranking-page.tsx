import { Fragment, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { RECOMMENDATIONS } from '@shared/contracts/rubrics';
import { REVIEW_STAGES, type Ranking, type RankingRow, type ReviewStage } from '@shared/contracts/reviews';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { CallAdminLinks } from '@web/features/call-admin/components/call-admin-links';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { DecisionDialog } from '@web/features/decisions/components/DecisionDialog';
import { SelectionSummary } from '@web/features/decisions/components/selection-summary';
import { formatBaht, formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useRanking } from '../api';
import { OfficerReviews } from '../components/officer-reviews';
import '../reviews.css';

const COLUMNS = 9;

function useNumbers() {
  const { lang } = useI18n();
  return {
    score: (n: number | null) =>
      n === null ? '–' : formatNumber(n, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    z: (n: number | null) =>
      n === null ? '–' : formatNumber(n, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  };
}

function outcomeKey(outcome: string): MessageKey {
  return `decisions.outcome.${outcome}` as MessageKey;
}

function Row({
  ranking,
  row,
  isLastWithin,
  expanded,
  onToggle,
  onChanged,
}: {
  ranking: Ranking;
  row: RankingRow;
  isLastWithin: boolean;
  expanded: boolean;
  onToggle: () => void;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const n = useNumbers();
  const decision = row.decision;
  const classes = [row.withinBudget ? '' : 'rs-row--over', isLastWithin ? 'rs-row--last-within' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <tr className={classes || undefined} data-testid="ranking-row">
      <td data-label={t('reviews.ranking.rank')} className="numeric">
        <div className="rs-cell">
          <strong>{row.rank}</strong>
        </div>
      </td>
      <td data-label={t('reviews.ranking.proposal')} className="rs-title-cell">
        <div className="rs-cell">
          <strong lang="th">
            <Link to={`/proposals/${row.proposalId}`}>
              {lang === 'en' && row.titleEn ? row.titleEn : row.titleTh}
            </Link>
          </strong>
          <span className="rs-muted">
            {row.receiptNumber ?? '–'} ·{' '}
            {lang === 'en' && row.organisationNameEn ? row.organisationNameEn : row.organisationNameTh}
          </span>
          {row.shortlisted ? <span className="rs-muted">{t('reviews.ranking.shortlisted')}</span> : null}
        </div>
      </td>
      <td data-label={t('reviews.ranking.requested')} className="numeric">
        <div className="rs-cell">{formatBaht(row.requestedSatang, lang)}</div>
      </td>
      <td data-label={t('reviews.ranking.reviews')} className="numeric">
        <div className="rs-cell">
          {t('reviews.ranking.reviewsValue', { submitted: row.submittedCount, assigned: row.assignedCount })}
          <button
            type="button"
            className="rs-link-button rs-toggle"
            aria-expanded={expanded}
            onClick={onToggle}
            data-testid="toggle-reviews"
          >
            {expanded ? t('reviews.ranking.hideReviews') : t('reviews.ranking.showReviews')}
          </button>
        </div>
      </td>
      <td data-label={t('reviews.ranking.raw')} className="numeric" data-testid="raw-score">
        <div className="rs-cell">
          {n.score(row.rawMean)}
          {row.minScore !== null && row.maxScore !== null && row.submittedCount > 1 ? (
            <span className="rs-muted">
              {t('reviews.ranking.spread', { min: n.score(row.minScore), max: n.score(row.maxScore) })}
            </span>
          ) : null}
          {row.disagreement ? (
            <span
              className="rs-flag"
              title={t('reviews.ranking.disagreementHint', { points: ranking.disagreementPoints })}
              data-testid="disagreement"
            >
              {t('reviews.ranking.disagreement')}
            </span>
          ) : null}
        </div>
      </td>
      <td data-label={t('reviews.ranking.calibrated')} className="numeric" data-testid="calibrated-score">
        <div className="rs-cell">
          <strong>{n.score(row.calibrated)}</strong>
          {row.zMean !== null ? (
            <span className="rs-muted">{t('reviews.ranking.zValue', { z: n.z(row.zMean) })}</span>
          ) : null}
        </div>
      </td>
      <td data-label={t('reviews.ranking.recommendations')}>
        <div className="rs-cell">
          <span className="rs-recs">
            {RECOMMENDATIONS.filter((r) => row.recommendations[r] > 0).map((r) => (
              <span key={r} className={`rs-rec rs-rec--${r}`}>
                {t(`reviews.recommendationShort.${r}`)} {row.recommendations[r]}
              </span>
            ))}
            {RECOMMENDATIONS.every((r) => row.recommendations[r] === 0) ? '–' : null}
          </span>
        </div>
      </td>
      <td data-label={t('reviews.ranking.runningTotal')} className="numeric">
        <div className="rs-cell">
          {formatBaht(row.runningTotalSatang, lang)}
          {!row.withinBudget ? <span className="rs-over">{t('reviews.ranking.overBudget')}</span> : null}
        </div>
      </td>
      <td data-label={t('reviews.ranking.decision')}>
        <div className="rs-cell">
          <div className="rs-decision">
            {decision ? (
              <span>
                <strong>{t(outcomeKey(decision.outcome))}</strong>
                {decision.amountSatang !== null ? ` ${formatBaht(decision.amountSatang, lang)}` : ''}
                {decision.notifiedAt === null ? (
                  <span className="rs-muted">{t('reviews.ranking.notReleased')}</span>
                ) : null}
              </span>
            ) : (
              <span className="rs-muted">{t('reviews.ranking.noDecision')}</span>
            )}
            <DecisionDialog
              proposalId={row.proposalId}
              stage={ranking.stage}
              titleTh={row.titleTh}
              requestedSatang={row.requestedSatang}
              maxGrantSatang={ranking.maxGrantSatang}
              current={
                decision
                  ? {
                      outcome: decision.outcome,
                      amountSatang: decision.amountSatang,
                      reason: decision.reason,
                      version: decision.version,
                    }
                  : null
              }
              onDecided={onChanged}
            />
          </div>
        </div>
      </td>
    </tr>
  );
}

function RankingTable({ ranking, onChanged }: { ranking: Ranking; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const lastWithin = ranking.rows.filter((r) => r.withinBudget).at(-1)?.proposalId ?? null;
  const someOver = ranking.rows.some((r) => !r.withinBudget);
  return (
    <div className="rs-table-wrap" tabIndex={0} role="region" aria-label={t('reviews.ranking.caption')}>
      <table className="data-table rs-table" data-testid="ranking-table">
        <caption className="visually-hidden">{t('reviews.ranking.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('reviews.ranking.rank')}
            </th>
            <th scope="col">{t('reviews.ranking.proposal')}</th>
            <th scope="col" className="numeric">
              {t('reviews.ranking.requested')}
            </th>
            <th scope="col" className="numeric">
              {t('reviews.ranking.reviews')}
            </th>
            <th scope="col" className="numeric">
              {t('reviews.ranking.raw')}
            </th>
            <th scope="col" className="numeric">
              {t('reviews.ranking.calibrated')}
            </th>
            <th scope="col">{t('reviews.ranking.recommendations')}</th>
            <th scope="col" className="numeric">
              {t('reviews.ranking.runningTotal')}
            </th>
            <th scope="col">{t('reviews.ranking.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.rows.map((row) => (
            <Fragment key={row.proposalId}>
              <Row
                ranking={ranking}
                row={row}
                isLastWithin={someOver && row.proposalId === lastWithin}
                expanded={open === row.proposalId}
                onToggle={() => setOpen((now) => (now === row.proposalId ? null : row.proposalId))}
                onChanged={onChanged}
              />
              {someOver && row.proposalId === lastWithin ? (
                <tr className="rs-budget-line" data-testid="budget-line">
                  <td colSpan={COLUMNS}>
                    {t('reviews.ranking.budgetLine', { budget: formatBaht(ranking.totalBudgetSatang, lang) })}
                  </td>
                </tr>
              ) : null}
              {open === row.proposalId ? (
                <tr className="rs-detail">
                  <td colSpan={COLUMNS}>
                    <OfficerReviews proposalId={row.proposalId} stage={ranking.stage} onChanged={onChanged} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RankingScreen({ callId }: { callId: string }) {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = REVIEW_STAGES.find((s) => s === params.get('stage'));
  const ranking = useRanking(callId, asked);
  const [refresh, setRefresh] = useState(0);
  usePageTitle(t('reviews.ranking.title'));

  if (ranking.status === 'error') {
    return ranking.error.isNotFound ? (
      <NotFoundState
        title={t('calls.admin.edit.notFound')}
        text={t('calls.admin.edit.notFoundText')}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={ranking.error} onRetry={ranking.reload} />
      </div>
    );
  }
  const data = ranking.status === 'success' ? ranking.data : null;
  const stage: ReviewStage | undefined = data?.stage ?? asked;
  const changed = () => {
    ranking.reload();
    setRefresh((n) => n + 1);
  };

  return (
    <>
      <PageHeader
        title={
          data
            ? t('reviews.ranking.pageTitle', { call: lang === 'en' ? data.callTitleEn : data.callTitleTh })
            : t('reviews.ranking.title')
        }
        eyebrow={data ? <code>{data.callCode}</code> : undefined}
        back={{ to: `/admin/calls/${callId}/edit`, label: t('intake.backToCall') }}
      >
        <CallAdminLinks callId={callId} stages={data?.stages ?? []} current="ranking" stage={stage} />
      </PageHeader>
      <div className="container page-body rs-page">
        {data && data.stages.length > 1 ? (
          <div className="rs-stage-switch" role="group" aria-label={t('reviews.ranking.stageLabel')}>
            <span>{t('reviews.ranking.stageLabel')}:</span>
            {data.stages.map((s) => (
              <button
                key={s}
                type="button"
                className={s === stage ? 'button button--primary' : 'button button--secondary'}
                aria-pressed={s === stage}
                onClick={() => setParams({ stage: s })}
              >
                {t(`reviews.stage.${s}`)}
              </button>
            ))}
          </div>
        ) : null}
        <SelectionSummary callId={callId} refreshKey={refresh} />
        <details className="rs-explain">
          <summary>{t('reviews.ranking.howTitle')}</summary>
          <p>{t('reviews.ranking.intro')}</p>
          <p>{t('reviews.ranking.tieBreak')}</p>
        </details>
        {!data ? (
          <LoadingState />
        ) : data.rows.length === 0 ? (
          <EmptyState>{t('reviews.ranking.empty')}</EmptyState>
        ) : (
          <>
            <p className="rs-count" data-testid="ranking-count">
              {t('reviews.ranking.count', { count: formatNumber(data.rows.length, lang) })}
            </p>
            <RankingTable ranking={data} onChanged={changed} />
          </>
        )}
      </div>
    </>
  );
}

/** `/admin/calls/:id/ranking`: officers rank a call stage's proposals and decide on them. */
export default function RankingPage() {
  const { id } = useParams();
  const { t } = useI18n();
  return (
    <RequireOfficer>
      {id ? (
        <RankingScreen callId={id} />
      ) : (
        <NotFoundState title={t('common.notFoundTitle')} text={t('common.notFoundText')} />
      )}
    </RequireOfficer>
  );
}
