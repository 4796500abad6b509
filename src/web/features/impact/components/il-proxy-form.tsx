import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import type { FinancialProxy } from '@shared/contracts/impact-library';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { TextField } from '@web/components/ui/form';
import { formatBaht, formatYear } from '@web/lib/format';
import { contractResolver } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import {
  EMPTY_PROXY,
  proxyBody,
  proxyFieldOf,
  proxyFormSchema,
  proxyToValues,
  yearFromInput,
} from '../il-form-values';
import {
  IlLibraryEntryForm,
  nameFields,
  unitFields,
  useLibraryEntryForm,
  type LibraryEntryFormProps,
} from './il-library-entry-form';

const UNIT_PLACEHOLDERS = { th: 'ต่อคนต่อปี', en: 'per person per year' };

/**
 * Adds (`editing` null) or changes a financial proxy: value typed in baht (read back as the platform shows it),
 * price year in either calendar (read back in the interface's). A stale version offers to load the latest.
 */
export function IlProxyForm({ editing, onSaved, onCancel }: LibraryEntryFormProps<FinancialProxy>) {
  const { t, lang } = useI18n();
  const resolver = useMemo(() => contractResolver(proxyFormSchema(t), t), [t]);
  const entry = useLibraryEntryForm({
    editing,
    onSaved,
    resolver,
    empty: EMPTY_PROXY,
    toValues: (row) => proxyToValues(row, lang),
    fieldOf: proxyFieldOf,
    toBody: proxyBody,
    get: libraryApi.getProxy,
    create: libraryApi.createProxy,
    update: libraryApi.updateProxy,
  });
  const { field } = entry;
  const { control } = entry.form;
  const valueBaht = useWatch({ control, name: 'valueBaht' });
  const priceYear = useWatch({ control, name: 'priceYear' });
  const satang = parseBahtInput(valueBaht);
  const yearCe = yearFromInput(priceYear);

  return (
    <IlLibraryEntryForm
      entry={entry}
      testId="il-proxy-form"
      onCancel={onCancel}
      grid={() => (
        <>
          <TextField
            label={t('impactLibrary.proxies.currency')}
            {...field('currency')}
            autoCapitalize="characters"
            maxLength={3}
          />
          {nameFields(field, t)}
          <TextField
            label={t('impactLibrary.proxies.value')}
            hint={
              <span aria-live="polite">
                {typeof satang === 'number' ? formatBaht(satang, lang) : t('common.moneyHint')}
              </span>
            }
            {...field('valueBaht')}
            inputMode="decimal"
            autoComplete="off"
            data-testid="il-value"
          />
          <TextField
            label={t('impactLibrary.proxies.priceYear')}
            hint={yearCe === null ? t('impactLibrary.proxies.priceYearHint') : formatYear(yearCe, lang)}
            {...field('priceYear')}
            inputMode="numeric"
            maxLength={4}
            data-testid="il-price-year"
          />
          {unitFields(field, t, UNIT_PLACEHOLDERS)}
        </>
      )}
      extra={() => (
        <>
          <TextField
            label={t('impactLibrary.proxies.sourceTitle')}
            {...field('sourceTitle')}
            data-testid="il-source-title"
          />
          <TextField
            label={t('impactLibrary.proxies.sourceUrl')}
            {...field('sourceUrl')}
            type="url"
            inputMode="url"
            placeholder="https://"
            data-testid="il-source-url"
          />
        </>
      )}
    />
  );
}
