import { useId } from 'react';
import { Link } from 'react-router';
import { formatBaht, formatDate, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { letterHref, useApplicantDecision } from '../api';
import '../decisions.css';

/**
 * The released decision on the applicant's proposal: the outcome, the amount of an award, the reason, the letter in
 * Thai and English, a link to the full proposal a concept note was invited to, and, when the call shares it, the
 * reviewers' anonymised feedback. Shows nothing until the decision is released (or for readers who may not see it).
 */
export function DecisionCard({ proposalId }: { proposalId: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const decision = useApplicantDecision(proposalId);
  if (decision.status !== 'success' || !decision.data) {
    return null;
  }
  const d = decision.data;
  const tone =
    d.outcome === 'award' || d.outcome === 'invite_full' ? 'good' : d.outcome === 'reject' ? 'plain' : 'wait';
  return (
    <section
      className={`dd-card dd-card--${tone}`}
      aria-labelledby={`${id}-title`}
      data-testid="decision-card"
      data-outcome={d.outcome}
    >
      <p className="dd-card__eyebrow">{t('decisions.card.title')}</p>
      <h2 id={`${id}-title`} className="dd-card__headline">
        {t(`decisions.card.headline.${d.outcome}`)}
      </h2>
      <p className="dd-muted">
        {t('decisions.card.releasedAt', { date: formatDate(d.releasedAt, lang, 'long') })}
      </p>
      <dl className="dd-card__facts">
        {d.outcome === 'award' && d.amountSatang !== null ? (
          <div>
            <dt>{t('decisions.card.amount')}</dt>
            <dd className="dd-card__amount" data-testid="decision-amount">
              {formatBaht(d.amountSatang, lang)}
            </dd>
          </div>
        ) : null}
        {d.reason ? (
          <div>
            <dt>{t('decisions.card.reason')}</dt>
            <dd className="dd-card__reason">{d.reason}</dd>
          </div>
        ) : null}
      </dl>
      <p className="dd-card__links">
        <a className="button button--secondary" href={letterHref(proposalId, 'th')} data-testid="letter-th">
          {t('decisions.card.letterTh')}
        </a>
        <a className="button button--secondary" href={letterHref(proposalId, 'en')} data-testid="letter-en">
          {t('decisions.card.letterEn')}
        </a>
        {d.fullProposalId ? (
          <Link className="button button--primary" to={`/proposals/${d.fullProposalId}`}>
            {t('decisions.card.fullProposal')}
          </Link>
        ) : null}
      </p>
      {d.feedback ? (
        <div className="dd-feedback" data-testid="decision-feedback">
          <h3>{t('decisions.card.feedback')}</h3>
          <p className="dd-muted">{t('decisions.card.feedbackCount', { count: d.feedback.n })}</p>
          {d.feedback.criteria.length > 0 ? (
            <ul className="dd-feedback__criteria">
              {d.feedback.criteria.map((c) => (
                <li key={c.id}>
                  <span className="dd-feedback__name">{localName(c, lang)}</span>{' '}
                  <span className="dd-muted">
                    {c.mean === null
                      ? '–'
                      : t('decisions.card.criterionMean', {
                          mean: formatNumber(c.mean, lang, { maximumFractionDigits: 1 }),
                          min: c.scaleMin,
                          max: c.scaleMax,
                        })}
                  </span>
                  {c.comments.length > 0 ? (
                    <ul className="dd-feedback__comments">
                      {c.comments.map((comment, i) => (
                        <li key={i}>{comment}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {d.feedback.comments.length > 0 ? (
            <ul className="dd-feedback__comments">
              {d.feedback.comments.map((comment, i) => (
                <li key={i}>{comment}</li>
              ))}
            </ul>
          ) : (
            <p className="dd-muted">{t('decisions.card.noComments')}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
