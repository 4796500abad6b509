import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { Badge } from '@web/components/ui/badge';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useOrganisation } from '../api';
import { InvitationsSection } from '../components/invitations-section';
import { RoleBadge, useTypeName } from '../components/labels';
import { MembersSection } from '../components/members-section';
import { OrganisationDetails } from '../components/organisation-details';
import { useNotice } from '../use-notice';
import '../organisations.css';

const NOTICES: Record<string, MessageKey> = {
  created: 'orgs.profile.created',
  saved: 'orgs.profile.saved',
  joined: 'orgs.profile.joined',
};

function OrganisationProfile() {
  const { t } = useI18n();
  const { id } = useParams();
  const notice = useNotice();
  const { me } = useAuth();
  const typeName = useTypeName();
  const organisation = useOrganisation(id);
  const profileId = useId();
  usePageTitle(organisation.status === 'success' ? organisation.data.nameTh : t('orgs.list.title'));

  if (organisation.status === 'error') {
    return organisation.error.isNotFound ? (
      <NotFoundState
        title={t('orgs.profile.notFound')}
        text={t('orgs.profile.notFoundText')}
        back={{ to: '/organisations', label: t('orgs.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={organisation.error} onRetry={organisation.reload} />
      </div>
    );
  }
  if (organisation.status !== 'success' || !me) {
    return <LoadingState />;
  }
  const current = organisation.data;
  const noticeKey = notice ? NOTICES[notice] : undefined;

  return (
    <>
      <PageHeader
        title={current.nameTh}
        titleLang="th"
        back={{ to: '/organisations', label: t('orgs.list.title') }}
        eyebrow={
          <>
            <Badge>{typeName(current.type)}</Badge>
            {current.myRole ? (
              <span className="org-my-role" data-testid="my-role">
                {t('orgs.profile.yourRole')} <RoleBadge role={current.myRole} />
              </span>
            ) : null}
          </>
        }
      >
        {current.abilities.edit ? (
          <div className="org-toolbar">
            <Link
              className="button button--secondary"
              to={`/organisations/${current.id}/edit`}
              data-testid="edit-organisation"
            >
              {t('orgs.profile.edit')}
            </Link>
          </div>
        ) : null}
      </PageHeader>
      <div className="container page-body org-page">
        {noticeKey ? <FormSuccess>{t(noticeKey)}</FormSuccess> : null}
        <section className="org-section" aria-labelledby={profileId}>
          <h2 id={profileId}>{t('orgs.profile.title')}</h2>
          <OrganisationDetails organisation={current} />
        </section>
        <MembersSection organisation={current} myUserId={me.id} onAccessChanged={organisation.reload} />
        {current.abilities.manageMembers ? <InvitationsSection organisationId={current.id} /> : null}
      </div>
    </>
  );
}

/** An organisation's profile, its members and (for owners) invitations. */
export default function OrganisationPage() {
  return (
    <RequireAuth>
      <OrganisationProfile />
    </RequireAuth>
  );
}
