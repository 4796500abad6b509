import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { FormDefinition } from '@shared/contracts/forms';
import type { Attachment } from '@shared/contracts/proposals';
import type { ReviewerProposal } from '@shared/contracts/reviewers';
import { PROVINCES } from '@shared/reference/provinces';
import { FormRenderer, type FileHandlers } from '@web/components/form-renderer';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { ReviewScoringPanel } from '@web/features/reviews/components/ReviewScoringPanel';
import { formatBaht, formatDate, localName, localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { attachmentHref, useReviewerProposal } from '../api';
import { themeNames } from '../labels';
import '@web/components/ui/panel.css';
import '@web/features/call-admin/call-admin.css';
import '../reviewers.css';

const refuse = () => Promise.reject(new Error('read only'));

function Facts({ proposal }: { proposal: ReviewerProposal }) {
  const { t, lang } = useI18n();
  const provinces = PROVINCES.filter((p) => proposal.provinceCodes.includes(p.code))
    .map((p) => localName(p, lang))
    .join(', ');
  const organisation = (lang === 'en' && proposal.organisationNameEn) || proposal.organisationNameTh;
  return (
    <section className="panel-card rv-section" aria-labelledby="rv-read-summary">
      <h2 id="rv-read-summary">{t('reviewers.read.summary')}</h2>
      {proposal.isBlind ? (
        <p className="rv-blind-note" data-testid="blind-note">
          {t('reviewers.read.blind')}
        </p>
      ) : null}
      <dl className="rv-facts">
        {organisation ? (
          <div>
            <dt>{t('reviewers.read.organisation')}</dt>
            <dd>{organisation}</dd>
          </div>
        ) : null}
        {proposal.coApplicants.length > 0 ? (
          <div>
            <dt>{t('reviewers.read.coApplicants')}</dt>
            <dd>{proposal.coApplicants.map((c) => (lang === 'en' && c.nameEn) || c.nameTh).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('reviewers.read.requested')}</dt>
          <dd>{formatBaht(proposal.requestedSatang, lang)}</dd>
        </div>
        {provinces ? (
          <div>
            <dt>{t('reviewers.read.provinces')}</dt>
            <dd>{provinces}</dd>
          </div>
        ) : null}
        {proposal.themes.length > 0 ? (
          <div>
            <dt>{t('reviewers.read.themes')}</dt>
            <dd>{themeNames(proposal.themes, lang)}</dd>
          </div>
        ) : null}
        {proposal.submittedAt ? (
          <div>
            <dt>{t('reviewers.read.submittedAt')}</dt>
            <dd>{formatDate(proposal.submittedAt, lang, 'dateTime')}</dd>
          </div>
        ) : null}
      </dl>
      {proposal.redactedQuestionIds.length > 0 ? (
        <p className="ca-muted">{t('reviewers.read.redacted')}</p>
      ) : null}
    </section>
  );
}

function ProposalRead({ proposal }: { proposal: ReviewerProposal }) {
  const files = useMemo<FileHandlers>(
    () => ({
      attachments: proposal.attachments.map((a): Attachment => ({ ...a, createdAt: '' })),
      upload: refuse,
      remove: refuse,
      downloadHref: (a) => attachmentHref(proposal.assignmentId, a.id),
    }),
    [proposal],
  );
  return (
    <div className="rv-read" data-testid="reviewer-proposal">
      <Facts proposal={proposal} />
      <div className="rv-read__form">
        <FormRenderer
          form={proposal.definition as FormDefinition}
          answers={proposal.answers}
          readOnly
          files={files}
          idPrefix="rv-"
        />
      </div>
    </div>
  );
}

function ReviewAssignment({ assignmentId }: { assignmentId: string }) {
  const { t, lang } = useI18n();
  const proposal = useReviewerProposal(assignmentId);
  const title =
    proposal.status === 'success' ? localText(proposal.data, 'title', lang) : t('reviewers.mine.title');
  usePageTitle(title);
  const back = { to: '/reviews', label: t('reviewers.read.back') };
  if (proposal.status === 'error') {
    return (
      <>
        <PageHeader title={t('reviewers.read.blocked')} back={back} />
        <div className="container page-body">
          {proposal.error.status === 403 ? (
            <div className="state state--error" role="alert" data-testid="proposal-blocked">
              <p>{apiErrorText(proposal.error, t)}</p>
              <p>
                <Link to="/reviews">{t('reviewers.read.back')}</Link>
              </p>
            </div>
          ) : (
            <ErrorState error={proposal.error} onRetry={proposal.reload} />
          )}
        </div>
      </>
    );
  }
  if (proposal.status !== 'success') {
    return <LoadingState />;
  }
  const data = proposal.data;
  return (
    <>
      <PageHeader
        title={title}
        back={back}
        eyebrow={
          <>
            <code>{data.callCode}</code> {localText(data, 'callTitle', lang)} ·{' '}
            {t(`reviewers.stage.${data.stage}`)}
          </>
        }
      />
      <div className="container page-body rv-page rv-review-layout">
        <ProposalRead proposal={data} />
        <aside className="rv-scoring" aria-label={t('reviewers.mine.open')}>
          <ReviewScoringPanel assignmentId={assignmentId} />
        </aside>
      </div>
    </>
  );
}

/** One assignment: the proposal read-only (blind when the call says so) beside the scoring panel. */
export default function ReviewAssignmentPage() {
  const { assignmentId = '' } = useParams();
  return (
    <RequireAuth>
      <ReviewAssignment assignmentId={assignmentId} />
    </RequireAuth>
  );
}
