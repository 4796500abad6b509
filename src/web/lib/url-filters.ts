import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toApiError, type ApiError } from './api';

/** One field of a list's query schema (a zod schema, or a plain parser alike): parses a value taken from the address. */
export interface FieldParser {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/**
 * The filters a page address holds: each of `keys` parsed by its field of the list's query schema. A value the
 * schema refuses (an old bookmark, a hand-edited address) is dropped, so the page still loads.
 */
export function filtersFromParams<F extends object>(
  params: URLSearchParams,
  keys: ReadonlyArray<keyof F & string>,
  shape: { [K in keyof F & string]: FieldParser },
): F {
  const filters: Record<string, unknown> = {};
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') {
      continue;
    }
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) {
      filters[key] = parsed.data;
    }
  }
  return filters as F;
}

/** The address parameters of `filters`: empty values and values equal to their default (`cursor` 0, …) left out. */
export function paramsOf<F extends object>(
  filters: F,
  keys: ReadonlyArray<keyof F & string>,
  defaults: Partial<F> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = filters[key];
    const fallback = key === 'cursor' ? 0 : defaults[key];
    if (value !== undefined && value !== null && value !== '' && value !== fallback) {
      params.set(key, String(value));
    }
  }
  return params;
}

export type LoadedList<L> = { key: string; list: L } | { key: string; error: ApiError };

/**
 * Loads a list for the filters of a page address, cancelling the request of filters that changed meanwhile.
 * Returns null while the list of the current filters (and `attempt`, raised to retry) is loading.
 */
export function useFilteredList<F extends object, L>(
  filters: F,
  keys: ReadonlyArray<keyof F & string>,
  attempt: number,
  load: (filters: F, signal: AbortSignal) => Promise<L>,
): LoadedList<L> | null {
  const key = `${attempt}:${paramsOf(filters, keys).toString()}`;
  const [loaded, setLoaded] = useState<LoadedList<L> | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    load(filters, controller.signal).then(
      (list) => setLoaded({ key, list }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded({ key, error: toApiError(error) });
        }
      },
    );
    return () => controller.abort();
    // The key holds the filters: it changes exactly when a new list is wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded && loaded.key === key ? loaded : null;
}

export interface AddressList<F, L> {
  /** The filters the address holds. */
  filters: F;
  /** The loaded list of those filters; null while loading or after a failure. */
  list: L | null;
  failure: ApiError | null;
  /** Puts `next` in the address (which loads its list). */
  go: (next: F) => void;
  /** Changes one filter and goes back to the first page. */
  set: <K extends keyof F>(key: K, value: F[K] | undefined) => void;
  retry: () => void;
}

/**
 * A list page whose filters live in the address: reads them with the list's query schema, loads their list, and
 * writes changed filters back (values equal to `defaults`, and page 0, left out of the address).
 */
export function useAddressList<F extends { cursor?: number | undefined }, L>(options: {
  keys: ReadonlyArray<keyof F & string>;
  shape: { [K in keyof F & string]: FieldParser };
  defaults?: Partial<F>;
  load: (filters: F, signal: AbortSignal) => Promise<L>;
}): AddressList<F, L> {
  const { keys, shape, defaults, load } = options;
  const [params, setParams] = useSearchParams();
  // `keys` and `shape` are module constants of the page.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromParams<F>(params, keys, shape), [params]);
  const [attempt, setAttempt] = useState(0);
  const loaded = useFilteredList(filters, keys, attempt, load);
  const go = (next: F) => setParams(paramsOf(next, keys, defaults));
  return {
    filters,
    list: loaded && 'list' in loaded ? loaded.list : null,
    failure: loaded && 'error' in loaded ? loaded.error : null,
    go,
    set: (key, value) => go({ ...filters, [key]: value, cursor: undefined }),
    retry: () => setAttempt((n) => n + 1),
  };
}

/** The text of a search box that follows the address: typing changes it; a new address query replaces it. */
export function useSearchText(query: string | undefined): [string, (text: string) => void] {
  const [text, setText] = useState(query ?? '');
  const [textFor, setTextFor] = useState(query ?? '');
  if ((query ?? '') !== textFor) {
    setTextFor(query ?? '');
    setText(query ?? '');
  }
  return [text, setText];
}
