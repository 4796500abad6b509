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
