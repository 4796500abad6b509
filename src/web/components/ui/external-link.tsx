import type { ReactNode } from 'react';
import { useI18n } from '@web/lib/i18n';

/** A link to another site, opened in a new tab (announced to screen readers). */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="external-link">
      {children}
      <svg
        className="external-link__icon"
        viewBox="0 0 16 16"
        width="12"
        height="12"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M6 3H3v10h10v-3M9 2h5v5M14 2 7 9" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
      <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
    </a>
  );
}
