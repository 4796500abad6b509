import { useId } from 'react';
import { useI18n } from '@web/lib/i18n';

export interface IlSelect {
  key: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

/** The search box (searched on submit) and the filter and sort selects of a library page. */
export function IlFilterBar({
  text,
  onText,
  onSearch,
  selects,
  testId,
}: {
  text: string;
  onText: (text: string) => void;
  onSearch: () => void;
  selects: readonly IlSelect[];
  testId: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <form
      className="il-filters"
      role="search"
      aria-label={t('impactLibrary.common.search')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
      data-testid={testId}
    >
      <div className="il-filters__search">
        <div className="field form-field">
          <label htmlFor={`${id}-q`}>{t('impactLibrary.common.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            maxLength={200}
            value={text}
            placeholder={t('impactLibrary.common.searchPlaceholder')}
            onChange={(event) => onText(event.target.value)}
            data-testid={`${testId}-q`}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('impactLibrary.common.search')}
        </button>
      </div>
      <div className="il-filters__grid">
        {selects.map((select) => (
          <div key={select.key} className="field form-field">
            <label htmlFor={`${id}-${select.key}`}>{select.label}</label>
            <select
              id={`${id}-${select.key}`}
              value={select.value}
              onChange={(event) => select.onChange(event.target.value)}
              data-testid={`${testId}-${select.key}`}
            >
              {select.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </form>
  );
}

/** The status and sort selects both library pages share. */
export function useCommonSelects(
  active: string | undefined,
  sort: string | undefined,
  onActive: (value: 'true' | 'false' | 'all') => void,
  onSort: (value: 'code' | '-code') => void,
): IlSelect[] {
  const { t } = useI18n();
  return [
    {
      key: 'active',
      label: t('impactLibrary.common.active'),
      value: active ?? 'true',
      options: [
        { value: 'true', label: t('impactLibrary.common.activeTrue') },
        { value: 'false', label: t('impactLibrary.common.activeFalse') },
        { value: 'all', label: t('impactLibrary.common.activeAll') },
      ],
      onChange: (value) => onActive(value === 'false' ? 'false' : value === 'all' ? 'all' : 'true'),
    },
    {
      key: 'sort',
      label: t('impactLibrary.common.sort'),
      value: sort ?? 'code',
      options: [
        { value: 'code', label: t('impactLibrary.common.sortCode') },
        { value: '-code', label: t('impactLibrary.common.sortCodeDesc') },
      ],
      onChange: (value) => onSort(value === '-code' ? '-code' : 'code'),
    },
  ];
}
