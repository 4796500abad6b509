import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useOrganisation } from '../api';
import { OrganisationForm } from '../components/organisation-form';
import { organisationToForm } from '../form-values';
import '@web/components/ui/panel.css';
import '../organisations.css';

function EditOrganisation() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const organisation = useOrganisation(id);
  usePageTitle(t('orgs.form.editTitle'));

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
  if (organisation.status !== 'success') {
    return <LoadingState />;
  }
  const current = organisation.data;
  const back = { to: `/organisations/${current.id}`, label: current.nameTh };
  return (
    <>
      <PageHeader title={t('orgs.form.editTitle')} intro={<p lang="th">{current.nameTh}</p>} back={back} />
      <div className="container page-body">
        {current.abilities.edit ? (
          <div className="panel-card">
            <OrganisationForm
              // A reload after a conflict brings a new version: start the form again from it.
              key={current.version}
              initial={organisationToForm(current)}
              editing={{ id: current.id, version: current.version }}
              cancelTo={back.to}
              onSaved={(saved) => void navigate(`/organisations/${saved.id}`, { state: { notice: 'saved' } })}
              onReloadLatest={organisation.reload}
            />
          </div>
        ) : (
          <div className="state state--empty" data-testid="cannot-edit">
            <p>{t('orgs.form.cannotEdit')}</p>
            <Link to={back.to}>{t('orgs.form.backToProfile')}</Link>
          </div>
        )}
      </div>
    </>
  );
}

/** Edits an organisation's profile (owners and editors), sending the version it started from. */
export default function OrganisationEditPage() {
  return (
    <RequireAuth>
      <EditOrganisation />
    </RequireAuth>
  );
}
