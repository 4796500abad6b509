import { useId, useState } from 'react';
import type { OfficerReview, ProposalReviews, ReviewStage } from '@shared/contracts/reviews';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { reviewsApi, useProposalReviews } from '../api';
import '@web/components/ui/form.css';
import '../reviews.css';

/** "Reopen": asks for the reason, then makes the submitted review a draft again. */
function ReopenReview({ review, onDone }: { review: OfficerReview; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!review.id) {
    return null;
  }
  const reviewId = review.id;
  if (!open) {
    return (
      <button
        type="button"
        className="button button--secondary rs-small-button"
        aria-expanded={false}
        onClick={() => setOpen(true)}
        data-testid="reopen-open"
      >
        {t('reviews.officer.reopen')}
      </button>
    );
  }
  return (
    <form
      className="rs-reopen"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setError(t('forms.required'));
          return;
        }
        setBusy(true);
        reviewsApi.reopen(reviewId, { reason: reason.trim(), version: review.version }).then(
          () => {
            setBusy(false);
            onDone();
          },
          (failure: unknown) => {
            setBusy(false);
            setError(apiErrorText(toApiError(failure), t));
          },
        );
      }}
    >
      <div className="field form-field form-textarea" data-invalid={error ? 'true' : undefined}>
        <label htmlFor={`${id}-reason`}>{t('reviews.officer.reopenReason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setReason(event.target.value)}
          data-testid="reopen-reason"
        />
        <FieldError id={`${id}-error`} message={error ?? undefined} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="reopen-confirm">
          {t('reviews.officer.reopenConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('reviews.scoring.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReviewCard({
  data,
  review,
  onReopened,
}: {
  data: ProposalReviews;
  review: OfficerReview;
  onReopened: () => void;
}) {
  const { t, lang } = useI18n();
  const one = (n: number) => formatNumber(n, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const counted = review.assignmentStatus === 'active';
  return (
    <li className="rs-officer-review" data-testid="officer-review">
      <p className="rs-peer__head">
        <strong>{review.reviewerName}</strong>
        <span>{t(`reviews.officer.statusValue.${review.status}`)}</span>
        {review.weightedScore !== null ? (
          <span>{t('reviews.scoring.weightedValue', { score: one(review.weightedScore) })}</span>
        ) : null}
        {review.zScore !== null ? (
          <span className="rs-muted">
            {t('reviews.officer.zScore', {
              z: formatNumber(review.zScore, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
            })}
          </span>
        ) : null}
        {review.recommendation ? (
          <span className={`rs-rec rs-rec--${review.recommendation}`}>
            {t(`reviews.recommendation.${review.recommendation}`)}
          </span>
        ) : null}
      </p>
      {!counted ? <p className="rs-muted">{t('reviews.officer.assignmentRemoved')}</p> : null}
      {review.submittedAt ? (
        <p className="rs-muted">{formatDate(review.submittedAt, lang, 'dateTime')}</p>
      ) : null}
      {review.status !== 'not_started' ? (
        <dl className="rs-peer__scores">
          {data.criteria.map((c) => (
            <div key={c.id}>
              <dt>{lang === 'en' ? c.nameEn : c.nameTh}</dt>
              <dd>
                {review.scores[c.id]?.score ?? '–'} / {c.scaleMax}
              </dd>
              {review.scores[c.id]?.comment ? (
                <dd className="rs-peer__comment">{review.scores[c.id]?.comment}</dd>
              ) : null}
            </div>
          ))}
        </dl>
      ) : null}
      {review.comment ? <p className="rs-peer__overall">{review.comment}</p> : null}
      {review.status === 'submitted' ? <ReopenReview review={review} onDone={onReopened} /> : null}
    </li>
  );
}

/** The named reviews of one proposal for officers, with z-scores and "reopen" on submitted ones. */
export function OfficerReviews({
  proposalId,
  stage,
  onChanged,
}: {
  proposalId: string;
  stage: ReviewStage;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const reviews = useProposalReviews(proposalId, stage);
  const [reopened, setReopened] = useState(false);
  if (reviews.status === 'error') {
    return <ErrorState error={reviews.error} onRetry={reviews.reload} />;
  }
  if (reviews.status !== 'success') {
    return <LoadingState />;
  }
  const data = reviews.data;
  return (
    <div className="rs-officer-reviews" data-testid="officer-reviews">
      <h3>{t('reviews.officer.title')}</h3>
      {reopened ? <FormSuccess>{t('reviews.officer.reopened')}</FormSuccess> : null}
      {data.reviews.length === 0 ? (
        <p className="rs-muted">{t('reviews.officer.none')}</p>
      ) : (
        <ul className="rs-others__list">
          {data.reviews.map((review) => (
            <ReviewCard
              key={review.assignmentId}
              data={data}
              review={review}
              onReopened={() => {
                setReopened(true);
                reviews.reload();
                onChanged();
              }}
            />
          ))}
        </ul>
      )}
      {data.disagreement ? (
        <FormAlert>
          <p>{t('reviews.ranking.disagreement')}</p>
        </FormAlert>
      ) : null}
    </div>
  );
}
