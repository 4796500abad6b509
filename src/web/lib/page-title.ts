import { useEffect } from 'react';
import { useI18n } from './i18n';

/** Sets the document title to "<page> · SI Platform" (or the platform's full name on the home page). */
export function usePageTitle(page?: string): void {
  const { t } = useI18n();
  const title = page ? t('common.pageTitle', { page }) : `${t('app.name')} · ${t('app.fullName')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
