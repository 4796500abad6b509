import { useId, useState } from 'react';
import { RECOMMENDATIONS, type CriterionScores, type Recommendation } from '@shared/contracts/rubrics';
import type { PeerReview, ReviewSheet } from '@shared/contracts/reviews';
import { needsComment, scoreIssues, weightedScore } from '@shared/reviews/scoring';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { fieldIssues, toApiError, type ApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { reviewsApi, useReviewSheet } from '../api';
import { ScoreScale } from './score-scale';
import '@web/components/ui/form.css';
import '../reviews.css';

type Errors = Record<string, string>;

/** A weighted score as shown: one decimal. */
function useScoreText() {
  const { lang } = useI18n();
  return (score: number) => formatNumber(score, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Field problems of a refused save or submission, keyed `scores.<criterion>`, `recommendation`. */
function serverErrors(error: ApiError): Errors {
  const errors: Errors = {};
  for (const issue of fieldIssues(error)) {
    errors[issue.field.replace(/^body\./, '')] = issue.message;
  }
  return errors;
}

function PeerReviews({ sheet }: { sheet: ReviewSheet }) {
  const { t, lang } = useI18n();
  const scoreText = useScoreText();
  const headingId = useId();
  const name = (c: { nameTh: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.nameTh);
  return (
    <section className="rs-others" aria-labelledby={headingId} data-testid="peer-reviews">
      <h3 id={headingId}>{t('reviews.scoring.others')}</h3>
      {sheet.othersHidden ? (
        <p className="rs-muted">{t('reviews.scoring.othersHidden')}</p>
      ) : sheet.others.length === 0 ? (
        <p className="rs-muted">{t('reviews.scoring.othersNone')}</p>
      ) : (
        <ul className="rs-others__list">
          {sheet.others.map((peer: PeerReview) => (
            <li key={peer.number} className="rs-peer">
              <p className="rs-peer__head">
                <strong>{t('reviews.scoring.reviewerNumber', { number: peer.number })}</strong>
                {peer.weightedScore !== null ? (
                  <span>{t('reviews.scoring.weightedValue', { score: scoreText(peer.weightedScore) })}</span>
                ) : null}
                {peer.recommendation ? (
                  <span className={`rs-rec rs-rec--${peer.recommendation}`}>
                    {t(`reviews.recommendation.${peer.recommendation}`)}
                  </span>
                ) : null}
              </p>
              <dl className="rs-peer__scores">
                {sheet.criteria.map((c) => (
                  <div key={c.id}>
                    <dt>{name(c)}</dt>
                    <dd>
                      {peer.scores[c.id]?.score ?? '–'} / {c.scaleMax}
                    </dd>
                    {peer.scores[c.id]?.comment ? (
                      <dd className="rs-peer__comment">{peer.scores[c.id]?.comment}</dd>
                    ) : null}
                  </div>
                ))}
              </dl>
              <p className="rs-peer__overall">{peer.comment || t('reviews.scoring.noComment')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The submitted review, read only. */
function LockedReview({ sheet }: { sheet: ReviewSheet }) {
  const { t, lang } = useI18n();
  const scoreText = useScoreText();
  const review = sheet.review;
  const name = (c: { nameTh: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.nameTh);
  return (
    <div className="rs-locked" data-testid="review-locked">
      <p className="rs-notice">
        {t('reviews.scoring.submittedNotice', {
          date: review.submittedAt ? formatDate(review.submittedAt, lang, 'dateTime') : '',
        })}
      </p>
      <dl className="rs-summary">
        {sheet.criteria.map((c) => (
          <div key={c.id}>
            <dt>{name(c)}</dt>
            <dd>
              <strong>
                {review.scores[c.id]?.score ?? '–'} / {c.scaleMax}
              </strong>
              {review.scores[c.id]?.comment ? <span>{review.scores[c.id]?.comment}</span> : null}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('reviews.scoring.overallComment')}</dt>
          <dd>{review.comment || t('reviews.scoring.noComment')}</dd>
        </div>
        <div>
          <dt>{t('reviews.scoring.recommendationLabel')}</dt>
          <dd>{review.recommendation ? t(`reviews.recommendation.${review.recommendation}`) : '–'}</dd>
        </div>
        <div>
          <dt>{t('reviews.scoring.weightedScore')}</dt>
          <dd data-testid="weighted-score">
            {review.weightedScore !== null
              ? t('reviews.scoring.weightedValue', { score: scoreText(review.weightedScore) })
              : '–'}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/** The editable form of a draft; remounted (fresh state) whenever a new version of the review arrives. */
function ScoringForm({
  sheet,
  onSaved,
  onStale,
  notice,
  setNotice,
}: {
  sheet: ReviewSheet;
  onSaved: (sheet: ReviewSheet) => void;
  onStale: () => void;
  notice: string | null;
  setNotice: (text: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const scoreText = useScoreText();
  const id = useId();
  const [scores, setScores] = useState<CriterionScores>(sheet.review.scores);
  const [comment, setComment] = useState(sheet.review.comment);
  const [recommendation, setRecommendation] = useState<Recommendation | null>(sheet.review.recommendation);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const criteria = sheet.criteria;
  const name = (c: { nameTh: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.nameTh);
  const guidance = (c: { guidanceTh: string; guidanceEn: string }) =>
    lang === 'en' ? c.guidanceEn || c.guidanceTh : c.guidanceTh || c.guidanceEn;

  const done = criteria.filter((c) => typeof scores[c.id]?.score === 'number').length;
  const preview = weightedScore(criteria, scores);

  const change = (criterionId: string, part: { score?: number | null; comment?: string }) => {
    setScores((now) => ({
      ...now,
      [criterionId]: {
        score: now[criterionId]?.score ?? null,
        comment: now[criterionId]?.comment ?? '',
        ...part,
      },
    }));
    setDirty(true);
    setNotice(null);
  };

  /** Only the rubric's criteria, as the server takes them. */
  const body = () => ({
    version: sheet.review.version,
    scores: Object.fromEntries(
      criteria
        .filter((c) => scores[c.id] !== undefined)
        .map((c) => [c.id, { score: scores[c.id]?.score ?? null, comment: scores[c.id]?.comment ?? '' }]),
    ),
    comment,
    recommendation,
  });

  const refused = (error: unknown) => {
    const apiError = toApiError(error);
    if (apiError.code === 'CONFLICT') {
      setNotice(t('reviews.scoring.stale'));
      onStale();
      return;
    }
    setErrors(serverErrors(apiError));
    setFailure(apiErrorText(apiError, t));
  };

  const save = async () => {
    setBusy('save');
    setFailure(null);
    setErrors({});
    try {
      const saved = await reviewsApi.saveReview(sheet.assignmentId, body());
      setNotice(t('reviews.scoring.saved'));
      onSaved(saved);
    } catch (error) {
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  /** Checks what the server will check, so the reviewer sees every problem at once before confirming. */
  const check = (): boolean => {
    const found: Errors = {};
    for (const issue of scoreIssues(criteria, scores, true)) {
      const criterion = criteria.find((c) => c.id === issue.criterionId);
      found[`scores.${issue.criterionId}`] =
        issue.code === 'comment_required' && criterion
          ? t('reviews.scoring.commentRequired', { threshold: criterion.commentAtOrBelow ?? '' })
          : t(`reviews.errors.score.${issue.code}` as MessageKey);
    }
    if (!recommendation) {
      found.recommendation = t('reviews.errors.recommendationRequired');
    }
    setErrors(found);
    const count = Object.keys(found).length;
    setFailure(count > 0 ? t('reviews.scoring.fixBeforeSubmit', { count }) : null);
    return count === 0;
  };

  const submit = async () => {
    setBusy('submit');
    setFailure(null);
    try {
      let version = sheet.review.version;
      if (dirty || version === 0) {
        version = (await reviewsApi.saveReview(sheet.assignmentId, body())).review.version;
      }
      const submitted = await reviewsApi.submitReview(sheet.assignmentId, version);
      setNotice(t('reviews.scoring.submittedDone'));
      onSaved(submitted);
    } catch (error) {
      setConfirming(false);
      refused(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      className="rs-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="rs-progress" aria-live="polite" data-testid="scoring-progress">
        {t('reviews.scoring.progress', { done, total: criteria.length })}
      </p>
      <ol className="rs-criteria">
        {criteria.map((criterion, index) => {
          const entry = scores[criterion.id];
          const score = entry?.score ?? null;
          const error = errors[`scores.${criterion.id}`];
          const errorId = `${id}-${criterion.id}-error`;
          const hintId = `${id}-${criterion.id}-hint`;
          const commentNeeded = needsComment(criterion, score);
          return (
            <li key={criterion.id} className="rs-criterion" data-invalid={error ? 'true' : undefined}>
              <h3 className="rs-criterion__name">
                <span className="rs-criterion__n">{index + 1}.</span> {name(criterion)}
              </h3>
              <p className="rs-criterion__meta">
                <span>{t('reviews.scoring.weight', { weight: criterion.weight })}</span>
                <span>
                  {t('reviews.scoring.scale', { min: criterion.scaleMin, max: criterion.scaleMax })}
                </span>
              </p>
              {guidance(criterion) ? <p className="rs-criterion__guidance">{guidance(criterion)}</p> : null}
              <ScoreScale
                criterion={criterion}
                name={`${id}-${criterion.id}`}
                value={score}
                invalid={Boolean(error)}
                describedBy={error ? errorId : undefined}
                onChange={(value) => change(criterion.id, { score: value })}
              />
              <div className="field form-field form-textarea rs-criterion__comment">
                <label htmlFor={`${id}-${criterion.id}-comment`}>
                  {t('reviews.scoring.commentLabel')}
                  {commentNeeded ? <span className="rs-required"> *</span> : null}
                </label>
                {criterion.commentAtOrBelow !== null ? (
                  <p id={hintId} className="field__hint">
                    {t('reviews.scoring.commentRequiredHint', { threshold: criterion.commentAtOrBelow })}
                  </p>
                ) : null}
                <textarea
                  id={`${id}-${criterion.id}-comment`}
                  rows={2}
                  maxLength={5000}
                  value={entry?.comment ?? ''}
                  aria-required={commentNeeded || undefined}
                  aria-describedby={criterion.commentAtOrBelow !== null ? hintId : undefined}
                  onChange={(event) => change(criterion.id, { comment: event.target.value })}
                  data-testid={`comment-${criterion.id}`}
                />
              </div>
              <FieldError id={errorId} message={error} />
            </li>
          );
        })}
      </ol>

      <div className="field form-field form-textarea">
        <label htmlFor={`${id}-overall`}>{t('reviews.scoring.overallComment')}</label>
        <p id={`${id}-overall-hint`} className="field__hint">
          {t('reviews.scoring.overallCommentHint')}
        </p>
        <textarea
          id={`${id}-overall`}
          rows={4}
          maxLength={10000}
          value={comment}
          aria-describedby={`${id}-overall-hint`}
          onChange={(event) => {
            setComment(event.target.value);
            setDirty(true);
            setNotice(null);
          }}
          data-testid="overall-comment"
        />
      </div>

      <fieldset className="rs-recommendation" data-invalid={errors.recommendation ? 'true' : undefined}>
        <legend>{t('reviews.scoring.recommendationLabel')}</legend>
        {RECOMMENDATIONS.map((value) => (
          <label key={value} className="rs-recommendation__option">
            <input
              type="radio"
              name={`${id}-recommendation`}
              value={value}
              checked={recommendation === value}
              onChange={() => {
                setRecommendation(value);
                setDirty(true);
                setNotice(null);
              }}
              data-testid={`recommendation-${value}`}
            />
            <span>{t(`reviews.recommendation.${value}`)}</span>
          </label>
        ))}
        <FieldError id={`${id}-recommendation-error`} message={errors.recommendation} />
      </fieldset>

      <p className="rs-weighted" data-testid="weighted-preview">
        <span>{t('reviews.scoring.weightedScore')}</span>{' '}
        <strong>
          {preview === null
            ? t('reviews.scoring.notYetScored')
            : t('reviews.scoring.weightedValue', { score: scoreText(preview) })}
        </strong>
      </p>

      {failure ? (
        <FormAlert testId="scoring-error">
          <p>{failure}</p>
        </FormAlert>
      ) : null}
      {notice ? <FormSuccess>{notice}</FormSuccess> : null}
      {dirty && !notice ? <p className="rs-muted">{t('reviews.scoring.unsaved')}</p> : null}

      {confirming ? (
        <div
          className="rs-confirm"
          role="alertdialog"
          aria-labelledby={`${id}-confirm`}
          data-testid="submit-confirm"
        >
          <p id={`${id}-confirm`} className="rs-confirm__title">
            {t('reviews.scoring.confirmTitle')}
          </p>
          <p>{t('reviews.scoring.confirmText')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              disabled={busy !== null}
              onClick={() => void submit()}
              data-testid="submit-confirm-button"
            >
              {busy === 'submit' ? t('reviews.scoring.submitting') : t('reviews.scoring.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('reviews.scoring.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            type="submit"
            className="button button--secondary"
            disabled={busy !== null}
            data-testid="save-draft"
          >
            {busy === 'save' ? t('reviews.scoring.saving') : t('reviews.scoring.saveDraft')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy !== null}
            onClick={() => {
              if (check()) {
                setConfirming(true);
              }
            }}
            data-testid="submit-review"
          >
            {t('reviews.scoring.submit')}
          </button>
        </div>
      )}
    </form>
  );
}

/**
 * The reviewer's scoring form for one assignment (rendered on the reviewer's proposal page): each criterion with
 * its guidance, a segmented score scale and a comment (required at or below the criterion's threshold), an overall
 * comment, a recommendation, a live weighted score, save-draft and submit-with-confirmation. After submission the
 * review is shown read only, with other reviewers' reviews when the call allows.
 */
export function ReviewScoringPanel({ assignmentId }: { assignmentId: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const fetched = useReviewSheet(assignmentId);
  const [latest, setLatest] = useState<ReviewSheet | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  let body;
  if (fetched.status === 'error') {
    body = <ErrorState error={fetched.error} onRetry={fetched.reload} />;
  } else if (fetched.status !== 'success') {
    body = <LoadingState />;
  } else {
    const sheet = latest && latest.assignmentId === assignmentId ? latest : fetched.data;
    body = (
      <>
        {sheet.review.status === 'submitted' ? (
          <>
            {notice ? <FormSuccess>{notice}</FormSuccess> : null}
            <LockedReview sheet={sheet} />
          </>
        ) : (
          <ScoringForm
            key={`${sheet.review.version}:${sheet.review.status}`}
            sheet={sheet}
            onSaved={setLatest}
            onStale={() => {
              setLatest(null);
              fetched.reload();
            }}
            notice={notice}
            setNotice={setNotice}
          />
        )}
        <PeerReviews sheet={sheet} />
      </>
    );
  }

  return (
    <section className="rs-panel" aria-labelledby={headingId} data-testid="review-scoring-panel">
      <h2 id={headingId}>{t('reviews.scoring.title')}</h2>
      <p className="rs-intro">{t('reviews.scoring.intro')}</p>
      {body}
    </section>
  );
}

export default ReviewScoringPanel;
