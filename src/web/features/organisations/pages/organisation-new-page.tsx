import { useNavigate } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { OrganisationForm } from '../components/organisation-form';
import { EMPTY_ORGANISATION_FORM } from '../form-values';
import '@web/components/ui/panel.css';
import '../organisations.css';

function NewOrganisation() {
  const { t } = useI18n();
  usePageTitle(t('orgs.form.newTitle'));
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('orgs.form.newTitle')}
        intro={<p>{t('orgs.form.newIntro')}</p>}
        back={{ to: '/organisations', label: t('orgs.list.title') }}
      />
      <div className="container page-body">
        <div className="panel-card">
          <OrganisationForm
            initial={EMPTY_ORGANISATION_FORM}
            cancelTo="/organisations"
            onSaved={(organisation) =>
              void navigate(`/organisations/${organisation.id}`, { state: { notice: 'created' } })
            }
          />
        </div>
      </div>
    </>
  );
}

/** Registers a new organisation; the person becomes its owner. */
export default function OrganisationNewPage() {
  return (
    <RequireAuth>
      <NewOrganisation />
    </RequireAuth>
  );
}
