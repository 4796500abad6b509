import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { MyAssignment, MyReviews, ReviewInvitation } from '@shared/contracts/reviewers';
import { PageHeader } from '@web/components/ui/page-header';
import { FormAlert } from '@web/components/ui/form';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { toApiError } from '@web/lib/api';
import { formatDate, localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { reviewersApi, useMyReviews } from '../api';
import { AssignmentBadge, InvitationBadge } from '../components/badges';
import '@web/components/ui/form.css';
import '@web/features/call-admin/call-admin.css';
import '../reviewers.css';

type Apply = (command: Promise<MyReviews>) => Promise<void>;

function InvitationCard({ invitation, apply }: { invitation: ReviewInvitation; apply: Apply }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <li className="rv-card" data-testid="invitation">
      <div className="rv-card__head">
        <h3>
          <code>{invitation.callCode}</code> {localText(invitation, 'callTitle', lang)}
        </h3>
        <InvitationBadge status={invitation.status} />
      </div>
      <p className="ca-muted">
        {t('reviewers.mine.invitedAt', { date: formatDate(invitation.invitedAt, lang, 'medium') })}
      </p>
      {invitation.status === 'invited' && !declining ? (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            data-testid="accept-invitation"
            onClick={() => void apply(reviewersApi.accept(invitation.callId))}
          >
            {t('reviewers.mine.accept')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setDeclining(true)}>
            {t('reviewers.mine.decline')}
          </button>
        </div>
      ) : null}
      {invitation.status === 'invited' && declining ? (
        <div className="rv-confirm">
          <div className="field form-field">
            <label htmlFor={`${id}-reason`}>{t('reviewers.mine.declineReason')}</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              onClick={() => void apply(reviewersApi.declineInvitation(invitation.callId, reason))}
            >
              {t('reviewers.mine.confirmDecline')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDeclining(false)}>
              {t('reviewers.mine.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function ConflictForm({ assignment, apply }: { assignment: MyAssignment; apply: Apply }) {
  const { t } = useI18n();
  const id = useId();
  const [choice, setChoice] = useState<'none' | 'has' | ''>('');
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="rv-coi"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void apply(
          reviewersApi.declare(assignment.id, { hasConflict: choice === 'has', statement: statement.trim() }),
        ).finally(() => setBusy(false));
      }}
      data-testid="coi-form"
    >
      <fieldset>
        <legend>{t('reviewers.mine.coi.legend')}</legend>
        <p className="field__hint">{t('reviewers.mine.coi.help')}</p>
        <div className="form-check__row">
          <input
            id={`${id}-none`}
            type="radio"
            name={`${id}-coi`}
            checked={choice === 'none'}
            onChange={() => setChoice('none')}
            data-testid="coi-none"
          />
          <label htmlFor={`${id}-none`}>{t('reviewers.mine.coi.none')}</label>
        </div>
        <div className="form-check__row">
          <input
            id={`${id}-has`}
            type="radio"
            name={`${id}-coi`}
            checked={choice === 'has'}
            onChange={() => setChoice('has')}
            data-testid="coi-has"
          />
          <label htmlFor={`${id}-has`}>{t('reviewers.mine.coi.has')}</label>
        </div>
        {choice === 'has' ? (
          <div className="field form-field form-textarea">
            <label htmlFor={`${id}-statement`}>{t('reviewers.mine.coi.statement')}</label>
            <textarea
              id={`${id}-statement`}
              rows={3}
              required
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              data-testid="coi-statement"
            />
          </div>
        ) : null}
      </fieldset>
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || choice === '' || (choice === 'has' && !statement.trim())}
          data-testid="coi-submit"
        >
          {busy ? t('reviewers.mine.coi.sending') : t('reviewers.mine.coi.submit')}
        </button>
      </div>
    </form>
  );
}

function DeclineAssignment({ assignment, apply }: { assignment: MyAssignment; apply: Apply }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  return (
    <details className="rv-manual">
      <summary>{t('reviewers.mine.declineAssignment')}</summary>
      <form
        className="rv-manual__form"
        onSubmit={(event) => {
          event.preventDefault();
          void apply(reviewersApi.decline(assignment.id, reason.trim()));
        }}
      >
        <div className="field form-field">
          <label htmlFor={`${id}-reason`}>{t('reviewers.mine.declineAssignmentReason')}</label>
          <input id={`${id}-reason`} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={!reason.trim()}>
            {t('reviewers.mine.confirmDecline')}
          </button>
        </div>
      </form>
    </details>
  );
}

function AssignmentCard({ assignment, apply }: { assignment: MyAssignment; apply: Apply }) {
  const { t, lang } = useI18n();
  const organisation = assignment.isBlind
    ? t('reviewers.mine.hidden')
    : (lang === 'en' && assignment.organisationNameEn) || assignment.organisationNameTh || '';
  const canDecline =
    (assignment.status === 'pending_coi' || assignment.status === 'active') &&
    assignment.reviewStatus !== 'submitted';
  return (
    <li className="rv-card" data-testid="my-assignment">
      <div className="rv-card__head">
        <h3>{localText(assignment, 'title', lang)}</h3>
        <AssignmentBadge status={assignment.status} />
      </div>
      <dl className="rv-facts">
        <div>
          <dt>{t('reviewers.mine.organisation')}</dt>
          <dd>{organisation}</dd>
        </div>
        <div>
          <dt>{t('reviewers.admin.assign.stage')}</dt>
          <dd>
            <code>{assignment.callCode}</code> · {t(`reviewers.stage.${assignment.stage}`)}
          </dd>
        </div>
      </dl>
      {assignment.status === 'pending_coi' ? <ConflictForm assignment={assignment} apply={apply} /> : null}
      {assignment.status === 'recused' ? <p className="ca-muted">{t('reviewers.mine.coi.recused')}</p> : null}
      {assignment.status === 'active' ? (
        <p>
          <Link
            className="button button--primary"
            to={`/reviews/${assignment.id}`}
            data-testid="open-assignment"
          >
            {t('reviewers.mine.open')}
          </Link>
          {assignment.reviewStatus ? (
            <span className="ca-muted rv-inline-note">
              {t(`reviewers.reviewStatus.${assignment.reviewStatus as 'draft'}`)}
            </span>
          ) : null}
        </p>
      ) : null}
      {canDecline ? <DeclineAssignment assignment={assignment} apply={apply} /> : null}
    </li>
  );
}

function MyReviewsBody() {
  const { t } = useI18n();
  const reviews = useMyReviews();
  const [override, setOverride] = useState<MyReviews | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('reviewers.mine.title'));
  const apply: Apply = async (command) => {
    setError(null);
    try {
      setOverride(await command);
    } catch (e) {
      setError(apiErrorText(toApiError(e), t));
    }
  };
  const data = override ?? (reviews.status === 'success' ? reviews.data : null);
  return (
    <>
      <PageHeader title={t('reviewers.mine.title')} intro={<p>{t('reviewers.mine.intro')}</p>}>
        <p className="ca-header-actions">
          <Link to="/reviews/profile">{t('reviewers.mine.profileLink')}</Link>
        </p>
      </PageHeader>
      <div className="container page-body rv-page">
        {error ? <FormAlert>{error}</FormAlert> : null}
        {reviews.status === 'error' && !data ? (
          <ErrorState error={reviews.error} onRetry={reviews.reload} />
        ) : null}
        {!data && reviews.status !== 'error' ? <LoadingState /> : null}
        {data ? (
          <>
            <section className="rv-section" aria-labelledby="rv-mine-assignments">
              <h2 id="rv-mine-assignments">{t('reviewers.mine.assignments')}</h2>
              {data.assignments.length === 0 ? (
                <EmptyState>{t('reviewers.mine.noAssignments')}</EmptyState>
              ) : (
                <ul className="rv-cards">
                  {data.assignments.map((a) => (
                    <AssignmentCard key={a.id} assignment={a} apply={apply} />
                  ))}
                </ul>
              )}
            </section>
            <section className="rv-section" aria-labelledby="rv-mine-invitations">
              <h2 id="rv-mine-invitations">{t('reviewers.mine.invitations')}</h2>
              {data.invitations.length === 0 ? (
                <EmptyState>{t('reviewers.mine.noInvitations')}</EmptyState>
              ) : (
                <ul className="rv-cards">
                  {data.invitations.map((i) => (
                    <InvitationCard key={i.callId} invitation={i} apply={apply} />
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}

/** The reviewer's page: invitations to answer and assignments to declare, decline or open. */
export default function MyReviewsPage() {
  return (
    <RequireAuth>
      <MyReviewsBody />
    </RequireAuth>
  );
}
