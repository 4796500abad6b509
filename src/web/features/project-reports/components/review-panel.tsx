import { useEffect, useId, useRef, useState } from 'react';
import { PROJECT_LIMITS, type ReportDetail } from '@shared/contracts/projects';
import { FieldError, FormAlert, describedBy } from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { projectReportsApi } from '../api';

type Decision = 'approve' | 'return';

/**
 * The reviewer's decision on a submitted report (officers and the supervising unit's staff): approve, or return
 * with a comment (required). Each asks once more in place before it is sent. `onDone` gets the report as the server
 * now holds it; a newer version (409) reloads the page's report through `onStale`.
 */
export function ReviewPanel({
  report,
  onDone,
  onStale,
}: {
  report: ReportDetail;
  onDone: (report: ReportDetail, decision: Decision) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [asking, setAsking] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [commentError, setCommentError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const commentId = `${id}-comment`;
  const confirmRef = useRef<HTMLButtonElement>(null);

  // the question appears in place of the buttons: move the focus to its answer
  useEffect(() => {
    if (asking) {
      confirmRef.current?.focus();
    }
  }, [asking]);

  const ask = (decision: Decision) => {
    setProblem(null);
    if (decision === 'return' && comment.trim() === '') {
      setCommentError(t('projectReportsUi.review.commentRequired'));
      document.getElementById(commentId)?.focus();
      return;
    }
    setCommentError(undefined);
    setAsking(decision);
  };

  const send = (decision: Decision) => {
    setBusy(true);
    const body = { version: report.version, comment: comment.trim() };
    const call =
      decision === 'approve'
        ? projectReportsApi.approve(report.id, body)
        : projectReportsApi.returnReport(report.id, body);
    call.then(
      (saved) => {
        setBusy(false);
        setAsking(null);
        onDone(saved, decision);
      },
      (raw: unknown) => {
        setBusy(false);
        setAsking(null);
        const error = toApiError(raw);
        if (error.code === 'CONFLICT') {
          setProblem(t('projectReportsUi.review.stale'));
          onStale();
          return;
        }
        const issue = fieldIssues(error).find((i) => i.field.endsWith('comment'));
        if (issue) {
          setCommentError(issue.message);
        } else {
          setProblem(apiErrorText(error, t));
        }
      },
    );
  };

  return (
    <section className="pr-review" id="pr-review" aria-labelledby={`${id}-title`} data-testid="report-review">
      <h2 id={`${id}-title`}>{t('projectReportsUi.review.title')}</h2>
      <p className="pr-muted">{t('projectReportsUi.review.intro')}</p>
      <div className="field form-field form-textarea" data-invalid={commentError ? 'true' : undefined}>
        <label htmlFor={commentId}>{t('projectReportsUi.review.comment')}</label>
        <p id={`${commentId}-hint`} className="field__hint">
          {t('projectReportsUi.review.commentHint')}
        </p>
        <textarea
          id={commentId}
          rows={4}
          maxLength={PROJECT_LIMITS.longText}
          value={comment}
          onChange={(event) => {
            setComment(event.target.value);
            setCommentError(undefined);
          }}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={describedBy(`${commentId}-hint`, commentError && `${commentId}-error`)}
          data-testid="review-comment"
        />
        <FieldError id={`${commentId}-error`} message={commentError} />
      </div>
      {problem ? <FormAlert testId="review-error">{problem}</FormAlert> : null}
      {asking ? (
        <div className="pr-confirm" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>
            {asking === 'approve'
              ? t('projectReportsUi.review.approveQuestion')
              : t('projectReportsUi.review.returnQuestion')}
          </p>
          <div className="button-row">
            <button
              type="button"
              className={asking === 'approve' ? 'button button--primary' : 'button button--danger'}
              disabled={busy}
              onClick={() => send(asking)}
              data-testid="review-confirm"
              ref={confirmRef}
            >
              {busy
                ? t('projectReportsUi.review.busy')
                : asking === 'approve'
                  ? t('projectReportsUi.review.approveConfirm')
                  : t('projectReportsUi.review.returnConfirm')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => setAsking(null)}
            >
              {t('projectReportsUi.review.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() => ask('approve')}
            data-testid="review-approve"
          >
            {t('projectReportsUi.review.approve')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => ask('return')}
            data-testid="review-return"
          >
            {t('projectReportsUi.review.return')}
          </button>
        </div>
      )}
    </section>
  );
}
