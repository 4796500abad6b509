import { useState } from 'react';
import type { FinancialProxy } from '@shared/contracts/impact-library';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { formatBaht, formatYear, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import { IlLibraryPicker } from './il-library-picker';
import { useLibraryPickerSearch } from './il-use-library-search';

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
  const [theme, setTheme] = useState<ThemeCode | ''>(initialTheme ?? '');
  const search = useLibraryPickerSearch({ theme: theme || undefined }, limit, (query, signal) =>
    libraryApi.listProxies(query, { signal }),
  );

  return (
    <IlLibraryPicker
      search={search}
      filter={{
        key: 'theme',
        label: t('impactLibrary.common.themes'),
        allLabel: t('impactLibrary.common.allThemes'),
        value: theme,
        options: THEMES.map((th) => ({ value: th.code, label: localName(th, lang) })),
        onChange: (value) => setTheme(value as ThemeCode | ''),
      }}
      label={label}
      testId={testId}
      isChosen={(proxy) => proxy.id === selectedId}
      lockChosen={false}
      renderMeta={(proxy) => (
        <>
          <p className="il-picker__meta">
            <strong>{formatBaht(proxy.valueSatang, lang)}</strong>{' '}
            {lang === 'th' ? proxy.unitTh : proxy.unitEn} ·{' '}
            {t('impactLibrary.proxies.priceYearValue', { year: formatYear(proxy.priceYear, lang) })}
            {proxy.currency !== 'THB' ? ` · ${proxy.currency}` : ''}
          </p>
          <p className="il-picker__meta">{proxy.sourceTitle}</p>
        </>
      )}
      onPick={onPick}
    />
  );
}
