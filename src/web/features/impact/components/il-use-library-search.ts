import { useEffect, useState } from 'react';
import { toApiError, type ApiError } from '@web/lib/api';

/** The answer of a library search: items, or the failure; null while the first answer is on its way. */
export type LibrarySearch<T> = { items: T[]; total: number } | { error: ApiError } | null;

/**
 * Searches a library as the person types: waits `delayMs` after the last change of `key`, cancels the request of
 * a query that changed meanwhile, and keeps the previous answer on screen until the next arrives.
 */
export function useLibrarySearch<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<{ data: T[]; page: { total: number } }>,
  delayMs = 250,
): LibrarySearch<T> {
  const [answer, setAnswer] = useState<LibrarySearch<T>>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      load(controller.signal).then(
        (list) => setAnswer({ items: list.data, total: list.page.total }),
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setAnswer({ error: toApiError(error) });
          }
        },
      );
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `key` holds everything `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return answer;
}

/** The query a picker sends: the words typed, its own `filter`, active entries only, `limit` at most. */
export type LibraryPickerQuery<F> = { q: string | undefined } & F & { active: 'true'; limit: number };

/**
 * The search of a library picker: the words typed (`q`, `setQ`) and the answer for them with `filter`, searched as
 * the person types (see {@link useLibrarySearch}).
 */
export function useLibraryPickerSearch<F extends object, T>(
  filter: F,
  limit: number,
  load: (
    query: LibraryPickerQuery<F>,
    signal: AbortSignal,
  ) => Promise<{ data: T[]; page: { total: number } }>,
): { q: string; setQ: (q: string) => void; answer: LibrarySearch<T> } {
  const [q, setQ] = useState('');
  const query: LibraryPickerQuery<F> = { q: q.trim() || undefined, ...filter, active: 'true', limit };
  const answer = useLibrarySearch(JSON.stringify(query), (signal) => load(query, signal));
  return { q, setQ, answer };
}
