import { useId, useState } from 'react';
import type { FinancialProxy } from '@shared/contracts/impact-library';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { ErrorState } from '@web/components/ui/states';
import { formatBaht, formatYear, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import { useLibrarySearch } from './il-use-library-search';
import '@web/components/ui/form.css';
import '../library.css';

/** Props of {@link ProxyPicker}. */
export interface ProxyPickerProps {
  /** Called with the whole proxy (value in satang, unit, price year, currency, source) the person chooses. */
  onPick: (proxy: FinancialProxy) => void;
  /** The id of the proxy already chosen, if any: its row is marked "chosen" (it can still be chosen again). */
  selectedId?: string | null | undefined;
  /** The theme the list starts filtered to (the person can change it); all themes when omitted. */
  initialTheme?: ThemeCode | undefined;
  /** The search box's label; "Search the library" by default. */
  label?: string | undefined;
  /** How many matches to show at most (default 20; the count of all matches is shown). */
  limit?: number | undefined;
  /** Prefix of the `data-testid`s: `<testId>`, `<testId>-search`, `<testId>-option-<code>` (default `proxy-picker`). */
  testId?: string | undefined;
}

/**
 * Searches the financial proxy library (active proxies only, Thai or English words of code, name, unit or source)
 * and offers each match with its value per unit, price year and source; choosing one calls `onPick(proxy)`.
 * Renders inline (no dialog of its own): put it in your own dialog or panel. Usable at 390 px.
 */
export function ProxyPicker({
  onPick,
  selectedId = null,
  initialTheme,
  label,
  limit = 20,
  testId = 'proxy-picker',
}: ProxyPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [theme, setTheme] = useState<ThemeCode | ''>(initialTheme ?? '');
  const query = { q: q.trim() || undefined, theme: theme || undefined, active: 'true' as const, limit };
  const answer = useLibrarySearch(JSON.stringify(query), (signal) =>
    libraryApi.listProxies(query, { signal }),
  );

  return (
    <div className="il-picker" data-testid={testId}>
      <div className="il-picker__bar">
        <div className="field form-field il-picker__field">
          <label htmlFor={`${id}-q`}>{label ?? t('impactLibrary.common.pickerLabel')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder={t('impactLibrary.common.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
            data-testid={`${testId}-search`}
          />
        </div>
        <div className="field form-field il-picker__field">
          <label htmlFor={`${id}-theme`}>{t('impactLibrary.common.themes')}</label>
          <select
            id={`${id}-theme`}
            value={theme}
            onChange={(event) => setTheme(event.target.value as ThemeCode | '')}
          >
            <option value="">{t('impactLibrary.common.allThemes')}</option>
            {THEMES.map((th) => (
              <option key={th.code} value={th.code}>
                {localName(th, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {answer === null ? (
        <p className="il-muted" role="status">
          {t('common.loading')}
        </p>
      ) : 'error' in answer ? (
        <ErrorState error={answer.error} />
      ) : answer.items.length === 0 ? (
        <p className="il-muted" role="status">
          {t('impactLibrary.common.empty')}
        </p>
      ) : (
        <>
          <p className="il-muted" role="status">
            {t('impactLibrary.common.count', { count: answer.total })}
          </p>
          <ul className="il-picker__list">
            {answer.items.map((proxy) => {
              const chosen = proxy.id === selectedId;
              return (
                <li key={proxy.id} className="il-picker__item" data-chosen={chosen ? 'true' : undefined}>
                  <div className="il-picker__text">
                    <p className="il-picker__name">
                      <span className="il-code">{proxy.code}</span> {localName(proxy, lang)}
                    </p>
                    <p className="il-picker__meta">
                      <strong>{formatBaht(proxy.valueSatang, lang)}</strong>{' '}
                      {lang === 'th' ? proxy.unitTh : proxy.unitEn} ·{' '}
                      {t('impactLibrary.proxies.priceYearValue', { year: formatYear(proxy.priceYear, lang) })}
                      {proxy.currency !== 'THB' ? ` · ${proxy.currency}` : ''}
                    </p>
                    <p className="il-picker__meta">{proxy.sourceTitle}</p>
                  </div>
                  <button
                    type="button"
                    className="button button--secondary il-picker__choose"
                    aria-label={`${t('impactLibrary.common.pick')} ${proxy.code} ${localName(proxy, lang)}`}
                    aria-pressed={chosen}
                    onClick={() => onPick(proxy)}
                    data-testid={`${testId}-option-${proxy.code}`}
                  >
                    {chosen ? t('impactLibrary.common.picked') : t('impactLibrary.common.pick')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
