import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiGetRaw, toApiError, type ApiError } from './api';

/**
 * Read-only reference data barely changes while a page is open, so GET results are kept for the session:
 * revisiting a page or switching the language shows them at once. Failures are not kept.
 */
const settled = new Map<string, unknown>();
const inFlight = new Map<string, Promise<unknown>>();

type Loader<T> = (path: string) => Promise<T>;

function load<T>(path: string, loader: Loader<T>): Promise<T> {
  const pending = inFlight.get(path);
  if (pending) {
    return pending as Promise<T>;
  }
  const promise = loader(path).then(
    (data) => {
      settled.set(path, data);
      inFlight.delete(path);
      return data;
    },
    (error: unknown) => {
      inFlight.delete(path);
      throw error;
    },
  );
  inFlight.set(path, promise);
  return promise;
}

export type ApiState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: ApiError };

export type ApiResult<T> = ApiState<T> & { reload: () => void };

interface Outcome<T> {
  key: string;
  state: { status: 'success'; data: T } | { status: 'error'; error: ApiError };
}

function useLoad<T>(path: string | null, loader: Loader<T>): ApiResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);
  const key = path === null ? null : `${attempt}:${path}`;

  useEffect(() => {
    if (path === null || key === null || settled.has(path)) {
      return undefined;
    }
    let active = true;
    load(path, loader).then(
      (data) => {
        if (active) {
          setOutcome({ key, state: { status: 'success', data } });
        }
      },
      (error: unknown) => {
        if (active) {
          setOutcome({ key, state: { status: 'error', error: toApiError(error) } });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [key, path, loader]);

  const reload = useCallback(() => {
    if (path !== null) {
      settled.delete(path);
    }
    setAttempt((n) => n + 1);
  }, [path]);

  if (path === null) {
    return { status: 'idle', reload };
  }
  if (settled.has(path)) {
    return { status: 'success', data: settled.get(path) as T, reload };
  }
  if (outcome && outcome.key === key) {
    return { ...outcome.state, reload };
  }
  return { status: 'loading', reload };
}

/**
 * Forgets the session's cached answers whose path starts with one of `prefixes`, after a change made on this page
 * (e.g. the target province group), so that the pages showing them load them afresh.
 */
export function forgetCached(...prefixes: string[]): void {
  for (const path of [...settled.keys()]) {
    if (prefixes.some((prefix) => path.startsWith(prefix))) {
      settled.delete(path);
    }
  }
}

/** Loads `{ data }` from a GET endpoint (null path = nothing to load yet). */
export function useApi<T>(path: string | null): ApiResult<T> {
  return useLoad<T>(path, apiGet);
}

/** Loads a bare JSON document (not wrapped in `{ data }`) from a GET endpoint. */
export function useApiRaw<T>(path: string | null): ApiResult<T> {
  return useLoad<T>(path, apiGetRaw);
}

/**
 * Loads `{ data }` from a GET endpoint on every mount and `reload()`, never from the session cache: for personal
 * or changing data (my sessions, the audit log, the mail viewer).
 */
export function useFreshApi<T>(path: string | null): ApiResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);
  const key = path === null ? null : `${attempt}:${path}`;

  useEffect(() => {
    if (path === null || key === null) {
      return undefined;
    }
    let active = true;
    apiGet<T>(path).then(
      (data) => {
        if (active) {
          setOutcome({ key, state: { status: 'success', data } });
        }
      },
      (error: unknown) => {
        if (active) {
          setOutcome({ key, state: { status: 'error', error: toApiError(error) } });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [key, path]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  if (path === null) {
    return { status: 'idle', reload };
  }
  if (outcome && outcome.key === key) {
    return { ...outcome.state, reload };
  }
  // While reloading, keep showing the previous answer for the same path rather than flashing a spinner.
  if (outcome && outcome.key.endsWith(`:${path}`) && outcome.state.status === 'success') {
    return { ...outcome.state, reload };
  }
  return { status: 'loading', reload };
}
