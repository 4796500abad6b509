import { Link, useSearchParams } from 'react-router';
import type { Organisation } from '@shared/contracts/organisations';
import { Badge } from '@web/components/ui/badge';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useProvinces } from '@web/features/provinces/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useOrganisations, type OrganisationScope } from '../api';
import { RoleBadge, useTypeName } from '../components/labels';
import { useNotice } from '../use-notice';
import '@web/components/ui/toggle-group.css';
import '../organisations.css';

/** Bangkok is not "จังหวัดกรุงเทพมหานคร": its name stands alone. */
const BANGKOK = 10;

function OrganisationCard({ organisation }: { organisation: Organisation }) {
  const { t, lang } = useI18n();
  const typeName = useTypeName();
  const provinces = useProvinces();
  const province =
    provinces.status === 'success' && organisation.provinceCode !== null
      ? provinces.data.find((p) => p.code === organisation.provinceCode)
      : undefined;
  return (
    <article className="card org-card" data-testid="organisation-card">
      <div className="org-card__badges">
        <Badge>{typeName(organisation.type)}</Badge>
        {organisation.myRole ? <RoleBadge role={organisation.myRole} /> : null}
      </div>
      <h2 className="org-card__title">
        <Link className="card__link" to={`/organisations/${organisation.id}`}>
          <span lang="th">{organisation.nameTh}</span>
        </Link>
      </h2>
      {organisation.nameEn ? (
        <p className="org-card__other" lang="en">
          {organisation.nameEn}
        </p>
      ) : null}
      {province ? (
        <p className="org-card__meta">
          {province.code === BANGKOK
            ? localName(province, lang)
            : t('orgs.list.inProvince', { province: localName(province, lang) })}
        </p>
      ) : null}
    </article>
  );
}

function OrganisationList({ scope }: { scope: OrganisationScope }) {
  const { t } = useI18n();
  const organisations = useOrganisations(scope);
  if (organisations.status === 'error') {
    return <ErrorState error={organisations.error} onRetry={organisations.reload} />;
  }
  if (organisations.status !== 'success') {
    return <LoadingState />;
  }
  if (organisations.data.length === 0) {
    return <EmptyState>{scope === 'mine' ? t('orgs.list.emptyMine') : t('orgs.list.emptyAll')}</EmptyState>;
  }
  return (
    <>
      <p className="org-list__count" role="status">
        {t('orgs.list.count', { count: organisations.data.length })}
      </p>
      <ul className="card-grid" data-testid="organisation-list">
        {organisations.data.map((organisation) => (
          <li key={organisation.id}>
            <OrganisationCard organisation={organisation} />
          </li>
        ))}
      </ul>
    </>
  );
}

function OrganisationsContent() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const left = useNotice() === 'left';
  const isStaff = hasRole(me, 'administrator') || hasRole(me, 'programme_officer');
  const scope: OrganisationScope = isStaff && params.get('scope') === 'all' ? 'all' : 'mine';
  usePageTitle(scope === 'all' ? t('orgs.list.allTitle') : t('orgs.list.title'));

  const choose = (next: OrganisationScope) => {
    setParams(next === 'all' ? { scope: 'all' } : {}, { replace: true, preventScrollReset: true });
  };

  return (
    <>
      <PageHeader
        title={scope === 'all' ? t('orgs.list.allTitle') : t('orgs.list.title')}
        intro={<p>{scope === 'all' ? t('orgs.list.allIntro') : t('orgs.list.intro')}</p>}
      >
        <div className="org-toolbar">
          <Link className="button button--primary" to="/organisations/new" data-testid="create-organisation">
            {t('orgs.list.create')}
          </Link>
          {isStaff ? (
            <div className="toggle-group" role="group" aria-label={t('orgs.list.scopeLabel')}>
              <button
                type="button"
                className="toggle-group__option"
                aria-pressed={scope === 'mine'}
                onClick={() => choose('mine')}
              >
                {t('orgs.list.scopeMine')}
              </button>
              <button
                type="button"
                className="toggle-group__option"
                aria-pressed={scope === 'all'}
                onClick={() => choose('all')}
                data-testid="scope-all"
              >
                {t('orgs.list.scopeAll')}
              </button>
            </div>
          ) : null}
        </div>
      </PageHeader>
      <div className="container page-body">
        {left ? <FormSuccess>{t('orgs.list.left')}</FormSuccess> : null}
        <OrganisationList scope={scope} />
      </div>
    </>
  );
}

/** My organisations (and, for administrators and programme officers, every organisation). */
export default function OrganisationsPage() {
  return (
    <RequireAuth>
      <OrganisationsContent />
    </RequireAuth>
  );
}
