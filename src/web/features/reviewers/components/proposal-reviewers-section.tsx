import { useId } from 'react';
import { Link } from 'react-router';
import type { ProposalDetail } from '@shared/contracts/proposals';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useAuth } from '@web/features/accounts/auth';
import { isOfficer } from '@web/features/call-admin/components/require-officer';
import { OfficerReviews } from '@web/features/reviews/components/officer-reviews';
import { useI18n } from '@web/lib/i18n';
import { useCallReviewers, useProposalAssignments, useReviewSettings } from '../api';
import { ProposalCard } from './assignments-section';
import '@web/components/ui/form.css';
import '@web/features/call-admin/call-admin.css';
import '../reviewers.css';

function Section({ proposal, onChanged }: { proposal: ProposalDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const assignments = useProposalAssignments(proposal.id);
  const settings = useReviewSettings(proposal.callId);
  const reviewers = useCallReviewers(proposal.callId);
  const changed = () => {
    assignments.reload();
    reviewers.reload();
    onChanged();
  };
  return (
    <section
      className="proposal-side-section rv-proposal-section"
      aria-labelledby={`${id}-title`}
      data-testid="proposal-reviewers"
    >
      <div className="rv-proposal-section__head">
        <h2 id={`${id}-title`}>{t('reviewers.proposalPage.title')}</h2>
        <Link to={`/admin/calls/${proposal.callId}/reviewers`}>{t('reviewers.proposalPage.callLink')}</Link>
      </div>
      <h3>{t('reviewers.proposalPage.assignments')}</h3>
      {assignments.status === 'error' ? (
        <ErrorState error={assignments.error} onRetry={assignments.reload} />
      ) : settings.status === 'error' ? (
        <ErrorState error={settings.error} onRetry={settings.reload} />
      ) : assignments.status !== 'success' || settings.status !== 'success' ? (
        <LoadingState />
      ) : (
        <>
          <ul className="rv-proposals rv-proposals--single">
            <ProposalCard
              callId={proposal.callId}
              stage={assignments.data.stage}
              target={settings.data.reviewersPerProposal}
              proposal={assignments.data}
              reviewers={reviewers.status === 'success' ? reviewers.data : []}
              onChange={changed}
              heading={false}
              canAssign={assignments.data.isUpForReview}
            />
          </ul>
          {!assignments.data.isUpForReview && assignments.data.assignments.length === 0 ? (
            <p className="ca-muted">{t('reviewers.proposalPage.notUpForReview')}</p>
          ) : null}
          <OfficerReviews proposalId={proposal.id} stage={assignments.data.stage} onChanged={changed} />
        </>
      )}
    </section>
  );
}

/**
 * On a submitted proposal's page, for officers only: who reviews it, why each was assigned (remove, add one by hand
 * while it is up for review), then the named reviews with scores, comments, recommendations and "reopen".
 */
export function ProposalReviewersSection({
  proposal,
  onChanged,
}: {
  proposal: ProposalDetail;
  onChanged: () => void;
}) {
  const { me } = useAuth();
  if (!isOfficer(me) || proposal.status !== 'submitted') {
    return null;
  }
  return <Section proposal={proposal} onChanged={onChanged} />;
}
