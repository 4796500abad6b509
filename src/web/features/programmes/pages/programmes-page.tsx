import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useProgrammes } from '../api';
import { ProgrammeCard } from '../components/programme-card';
import '../programmes.css';

export function ProgrammesPage() {
  const { t } = useI18n();
  usePageTitle(t('programmes.title'));
  const programmes = useProgrammes();
  return (
    <>
      <PageHeader title={t('programmes.title')} intro={<p>{t('programmes.intro')}</p>} />
      <div className="container page-body">
        {programmes.status === 'success' ? (
          <ul className="card-grid programme-grid">
            {programmes.data.map((programme) => (
              <li key={programme.slug}>
                <ProgrammeCard programme={programme} headingLevel={2} />
              </li>
            ))}
          </ul>
        ) : programmes.status === 'error' ? (
          <ErrorState error={programmes.error} onRetry={programmes.reload} />
        ) : (
          <LoadingState />
        )}
      </div>
    </>
  );
}
