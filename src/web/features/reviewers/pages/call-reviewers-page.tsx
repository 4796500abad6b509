import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useCall } from '@web/features/call-admin/api';
import { callStages } from '@web/features/call-admin/call-form-values';
import { CallAdminLinks } from '@web/features/call-admin/components/call-admin-links';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCallReviewers, useReviewSettings } from '../api';
import { AssignmentsSection } from '../components/assignments-section';
import { CallReviewersTable } from '../components/call-reviewers-table';
import { ReviewerPool } from '../components/reviewer-pool';
import { ReviewSettingsForm } from '../components/review-settings-form';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '@web/features/call-admin/call-admin.css';
import '../reviewers.css';

function CallReviewers({ callId }: { callId: string }) {
  const { t, lang } = useI18n();
  const call = useCall(callId);
  const settings = useReviewSettings(callId);
  const reviewers = useCallReviewers(callId);
  const [formKey, setFormKey] = useState(0);
  const [target, setTarget] = useState<number | null>(null);
  usePageTitle(t('reviewers.admin.title'));

  if (call.status === 'error') {
    return call.error.isNotFound ? (
      <NotFoundState
        title={t('calls.admin.edit.notFound')}
        text={t('calls.admin.edit.notFoundText')}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={call.error} onRetry={call.reload} />
      </div>
    );
  }
  if (call.status !== 'success') {
    return <LoadingState />;
  }
  const detail = call.data;
  return (
    <>
      <PageHeader
        title={t('reviewers.admin.title')}
        eyebrow={
          <>
            <code>{detail.code}</code> {localText(detail, 'title', lang)}
          </>
        }
        back={{ to: `/admin/calls/${callId}/edit`, label: t('reviewers.admin.backToCall') }}
      >
        <CallAdminLinks callId={callId} stages={callStages(detail)} current="reviewers" />
      </PageHeader>
      <div className="container page-body rv-page">
        <section className="panel-card rv-section" aria-labelledby="rv-settings-title">
          <h2 id="rv-settings-title">{t('reviewers.admin.settings.title')}</h2>
          <p className="ca-muted">{t('reviewers.admin.settings.intro')}</p>
          {settings.status === 'success' ? (
            <ReviewSettingsForm
              key={`${formKey}:${settings.data.version}`}
              callId={callId}
              settings={settings.data}
              onSaved={(next) => setTarget(next.reviewersPerProposal)}
              onReload={() => {
                settings.reload();
                setFormKey((n) => n + 1);
              }}
            />
          ) : settings.status === 'error' ? (
            <ErrorState error={settings.error} onRetry={settings.reload} />
          ) : (
            <LoadingState />
          )}
        </section>

        <section className="panel-card rv-section" aria-labelledby="rv-pool-title">
          <h2 id="rv-pool-title">{t('reviewers.admin.pool.title')}</h2>
          <p className="ca-muted">{t('reviewers.admin.pool.intro')}</p>
          <ReviewerPool callId={callId} onInvited={reviewers.reload} />
        </section>

        <section className="panel-card rv-section" aria-labelledby="rv-invited-title">
          <h2 id="rv-invited-title">{t('reviewers.admin.invited.title')}</h2>
          {reviewers.status === 'success' ? (
            <CallReviewersTable reviewers={reviewers.data} />
          ) : reviewers.status === 'error' ? (
            <ErrorState error={reviewers.error} onRetry={reviewers.reload} />
          ) : (
            <LoadingState />
          )}
        </section>

        <section className="panel-card rv-section rv-section--wide" aria-labelledby="rv-assign-title">
          <h2 id="rv-assign-title">{t('reviewers.admin.assign.title')}</h2>
          <AssignmentsSection
            callId={callId}
            stages={callStages(detail)}
            target={target ?? (settings.status === 'success' ? settings.data.reviewersPerProposal : 3)}
            reviewers={reviewers.status === 'success' ? reviewers.data : []}
            onChange={reviewers.reload}
          />
        </section>
      </div>
    </>
  );
}

/** The officers' page of a call's review: settings, invitations and assignments. */
export default function CallReviewersPage() {
  const { id = '' } = useParams();
  return (
    <RequireOfficer>
      <CallReviewers callId={id} />
    </RequireOfficer>
  );
}
