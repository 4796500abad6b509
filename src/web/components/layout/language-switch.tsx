import { useI18n } from '@web/lib/i18n';

/** Switches between Thai and English; shows the other language's name in that language. */
export function LanguageSwitch() {
  const { t, lang, setLanguage } = useI18n();
  const next = lang === 'th' ? 'en' : 'th';
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      aria-label={t('nav.switchToLabel')}
      onClick={() => setLanguage(next)}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path
          d="M2 10h16M10 2c2.5 2.2 3.5 5 3.5 8s-1 5.8-3.5 8c-2.5-2.2-3.5-5-3.5-8s1-5.8 3.5-8z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      </svg>
      <span lang={next}>{t('nav.switchTo')}</span>
    </button>
  );
}
