import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Suggestion } from '@shared/contracts/innovation-catalogue';
import { CATALOGUE_SEARCH_MAX } from '@shared/contracts/innovation-catalogue-query';
import { useI18n } from '@web/lib/i18n';
import { catalogueApi, innovationHref } from '../catalogue-api';
import { Highlighted } from './highlighted';

const DEBOUNCE_MS = 150;

/**
 * The catalogue's search box: an ARIA 1.2 combobox whose list offers matching titles as you type. Arrow keys move
 * through the suggestions, Enter opens the one chosen (or searches for the text), Escape closes the list.
 */
export function CatalogueSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value);
  const [textFor, setTextFor] = useState(value);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);
  if (value !== textFor) {
    setTextFor(value);
    setText(value);
  }

  useEffect(() => {
    const q = text.trim();
    if (!typed.current || q.length === 0) {
      setSuggestions([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      catalogueApi.suggest(q, { signal: controller.signal }).then(
        (list) => {
          setSuggestions(list.data);
          setActive(-1);
          setOpen(list.data.length > 0);
        },
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const shown = open && suggestions.length > 0;
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (suggestion: Suggestion) => {
    close();
    void navigate(innovationHref(suggestion.id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        if (suggestions.length > 0) {
          event.preventDefault();
          setOpen(true);
          setActive((i) => (i + 1) % suggestions.length);
        }
        break;
      case 'ArrowUp':
        if (suggestions.length > 0) {
          event.preventDefault();
          setOpen(true);
          setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
        }
        break;
      case 'Enter': {
        const chosen = shown && active >= 0 ? suggestions[active] : undefined;
        if (chosen) {
          event.preventDefault();
          choose(chosen);
        } else {
          close();
        }
        break;
      }
      case 'Escape':
        if (shown) {
          event.preventDefault();
          close();
        }
        break;
      default:
        break;
    }
  };

  return (
    <form
      className="ic-search field"
      role="search"
      aria-label={t('catalogue.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        close();
        onSearch(text.trim());
      }}
    >
      <label htmlFor={`${id}-q`} className="ic-search__label">
        {t('catalogue.searchLabel')}
      </label>
      <div className="ic-search__row">
        <div className="ic-combo">
          <input
            id={`${id}-q`}
            type="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
            autoComplete="off"
            maxLength={CATALOGUE_SEARCH_MAX}
            value={text}
            placeholder={t('catalogue.searchPlaceholder')}
            data-testid="catalogue-search"
            onChange={(event) => {
              typed.current = true;
              setText(event.target.value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => window.setTimeout(close, 120)}
            onFocus={() => setOpen(suggestions.length > 0)}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={t('catalogue.suggestions')}
            className="ic-combo__list"
            hidden={!shown}
          >
            {suggestions.map((s, i) => (
              <li
                key={s.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'ic-combo__option ic-combo__option--active' : 'ic-combo__option'}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(s);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="ic-combo__title">
                  <Highlighted pieces={s.highlight} fallback={s.titleTh} />
                </span>
                {s.titleEn ? (
                  <span className="ic-combo__other" lang="en">
                    {s.titleEn}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <span className="visually-hidden" aria-live="polite">
            {shown ? t('catalogue.suggestionsCount', { count: suggestions.length }) : ''}
          </span>
        </div>
        <button type="submit" className="button button--primary">
          {t('catalogue.searchButton')}
        </button>
      </div>
    </form>
  );
}
