import { NotFoundState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';

/** Any client route the SPA does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('common.notFoundTitle'));
  return <NotFoundState title={t('common.notFoundTitle')} text={t('common.notFoundText')} />;
}
