import { useId, type ReactNode } from 'react';
import { ErrorState } from '@web/components/ui/states';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { IlSelect } from './il-filter-bar';
import type { LibrarySearch } from './il-use-library-search';
import '@web/components/ui/form.css';
import '../library.css';

/**
 * The frame of a library picker: the search box and one filter select, then the state of the search (loading,
 * failed, nothing found) or the count and the matches, each with its code, name, `renderMeta` lines and a choose
 * button. A chosen match is marked; `lockChosen` makes its button disabled, otherwise it is pressed and can be
 * chosen again.
 */
export function IlLibraryPicker<T extends { id: string; code: string; nameTh: string; nameEn: string }>({
  search,
  filter,
  label,
  testId,
  isChosen,
  lockChosen,
  renderMeta,
  onPick,
}: {
  search: { q: string; setQ: (q: string) => void; answer: LibrarySearch<T> };
  /** The select beside the search box; its first option, `allLabel`, has the value ''. */
  filter: IlSelect & { allLabel: string };
  label: string | undefined;
  testId: string;
  isChosen: (item: T) => boolean;
  lockChosen: boolean;
  renderMeta: (item: T) => ReactNode;
  onPick: (item: T) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const { q, setQ, answer } = search;
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
          <label htmlFor={`${id}-${filter.key}`}>{filter.label}</label>
          <select
            id={`${id}-${filter.key}`}
            value={filter.value}
            onChange={(event) => filter.onChange(event.target.value)}
          >
            <option value="">{filter.allLabel}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
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
            {answer.items.map((item) => {
              const chosen = isChosen(item);
              return (
                <li key={item.id} className="il-picker__item" data-chosen={chosen ? 'true' : undefined}>
                  <div className="il-picker__text">
                    <p className="il-picker__name">
                      <span className="il-code">{item.code}</span> {localName(item, lang)}
                    </p>
                    {renderMeta(item)}
                  </div>
                  <button
                    type="button"
                    className="button button--secondary il-picker__choose"
                    aria-label={`${t('impactLibrary.common.pick')} ${item.code} ${localName(item, lang)}`}
                    aria-pressed={lockChosen ? undefined : chosen}
                    disabled={lockChosen ? chosen : undefined}
                    onClick={() => onPick(item)}
                    data-testid={`${testId}-option-${item.code}`}
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
