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

/** Sets `<meta name="description">` while the page is shown, restoring the previous text after. */
export function useMetaDescription(text: string | null): void {
  useEffect(() => {
    if (!text) {
      return undefined;
    }
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    const created = !meta;
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    const previous = meta.content;
    meta.content = text;
    return () => {
      if (created) {
        meta.remove();
      } else {
        meta.content = previous;
      }
    };
  }, [text]);
}
