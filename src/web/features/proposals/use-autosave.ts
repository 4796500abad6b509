import { useCallback, useEffect, useRef, useState } from 'react';
import { ProposalDetailSchema, type ProposalDetail } from '@shared/contracts/proposals';
import { toApiError, type ApiError } from '@web/lib/api';
import { proposalsApi } from './api';
import { applySaved, draftOf, isDirty, mergeKeepMine, saveBody, type Draft } from './autosave';

/** Quiet time after the last keystroke before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_FIRST_MS = 3000;
const RETRY_MAX_MS = 60_000;

export type SaveState =
  | { kind: 'saved'; at: string; version: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: ApiError; retrying: boolean }
  | { kind: 'conflict' };

/** Errors worth trying again by themselves (the network, the server, a rate limit); others wait for the person. */
function isTransient(error: ApiError): boolean {
  return error.status === 0 || error.status >= 500 || error.status === 429;
}

/** The newer proposal a 409 carries (`details.current`), when it has one. */
function conflictCurrent(error: ApiError): ProposalDetail | null {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) {
    return null;
  }
  const parsed = ProposalDetailSchema.safeParse(details.current);
  return parsed.success ? parsed.data : null;
}

export interface Autosave {
  /** The newest proposal the server returned (its version, status, attachments…). */
  detail: ProposalDetail;
  /** What the person sees and edits. */
  draft: Draft;
  state: SaveState;
  /** The newer version when a save met a 409; the draft is kept until the person chooses. */
  conflict: ProposalDetail | null;
  change: (update: (draft: Draft) => Draft) => void;
  /** Saves now and waits; resolves with the saved proposal, rejects when it cannot be saved. */
  flush: () => Promise<ProposalDetail>;
  saveNow: () => void;
  keepMine: () => void;
  takeTheirs: () => void;
  /** Takes a proposal the server returned for another action (submit, withdraw, an attachment). */
  replace: (detail: ProposalDetail) => void;
}

class ConflictPending extends Error {
  override readonly name = 'ConflictPending';
}

/**
 * Autosave of a proposal draft: a save 1.5 s after the last change, sending the version the page last saw. A save
 * in flight is never doubled; changes made meanwhile are saved after it. A stale version (409) keeps everything
 * typed and holds the newer version for the person to choose from: "keep mine" (their edits on top of the newer
 * version, sent with its version) or "take theirs". Network and server failures are retried with a growing delay.
 */
export function useAutosave(initial: ProposalDetail, enabled: boolean): Autosave {
  const [detail, setDetail] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [state, setState] = useState<SaveState>({
    kind: 'saved',
    at: initial.updatedAt,
    version: initial.version,
  });
  const [conflict, setConflict] = useState<ProposalDetail | null>(null);

  const detailRef = useRef(initial);
  const draftRef = useRef(draftOf(initial));
  const syncedRef = useRef(draftOf(initial));
  const conflictRef = useRef<ProposalDetail | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(RETRY_FIRST_MS);
  const lastError = useRef<ApiError | null>(null);
  const enabledRef = useRef(enabled);
  const mounted = useRef(true);

  useEffect(() => {
    enabledRef.current = enabled;
  }, [enabled]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) {
        clearTimeout(timer.current);
      }
    };
  }, []);

  const clearTimer = () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
  };

  const saveRef = useRef<() => Promise<void>>(() => Promise.resolve());
  /** Runs the save after `ms` (replacing any save already waiting). */
  const later = useCallback((ms: number) => {
    if (timer.current) {
      clearTimeout(timer.current);
    }
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const acceptDetail = useCallback((fresh: ProposalDetail) => {
    detailRef.current = fresh;
    setDetail(fresh);
  }, []);

  const save = useCallback((): Promise<void> => {
    if (inFlight.current) {
      return inFlight.current;
    }
    clearTimer();
    if (conflictRef.current || !enabledRef.current) {
      return Promise.resolve();
    }
    const local = draftRef.current;
    const synced = syncedRef.current;
    const body = saveBody(local, synced, detailRef.current.version);
    if (!body) {
      if (!isDirty(local, synced)) {
        setState({ kind: 'saved', at: detailRef.current.updatedAt, version: detailRef.current.version });
      }
      return Promise.resolve();
    }
    setState({ kind: 'saving' });
    const id = detailRef.current.id;
    const run = proposalsApi.save(id, body).then(
      (fresh) => {
        inFlight.current = null;
        lastError.current = null;
        retryDelay.current = RETRY_FIRST_MS;
        syncedRef.current = applySaved(synced, local, body);
        acceptDetail(fresh);
        if (!mounted.current) {
          return;
        }
        if (isDirty(draftRef.current, syncedRef.current)) {
          setState({ kind: 'pending' });
          later(AUTOSAVE_DELAY_MS);
        } else {
          setState({ kind: 'saved', at: fresh.updatedAt, version: fresh.version });
        }
      },
      async (cause: unknown) => {
        inFlight.current = null;
        const error = toApiError(cause);
        lastError.current = error;
        if (error.code === 'CONFLICT' && error.status === 409) {
          const current = conflictCurrent(error) ?? (await proposalsApi.get(id).catch(() => null));
          if (current) {
            conflictRef.current = current;
            if (mounted.current) {
              setConflict(current);
              setState({ kind: 'conflict' });
            }
            return;
          }
        }
        if (!mounted.current) {
          return;
        }
        const retrying = isTransient(error);
        setState({ kind: 'error', error, retrying });
        if (retrying) {
          later(retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, RETRY_MAX_MS);
        }
      },
    );
    inFlight.current = run;
    return run;
  }, [acceptDetail, later]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const change = useCallback(
    (update: (current: Draft) => Draft) => {
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraft(next);
      if (conflictRef.current) {
        return;
      }
      if (!isDirty(next, syncedRef.current)) {
        if (!inFlight.current) {
          clearTimer();
          setState({ kind: 'saved', at: detailRef.current.updatedAt, version: detailRef.current.version });
        }
        return;
      }
      if (!inFlight.current) {
        setState((current) =>
          current.kind === 'error' && !current.retrying ? current : { kind: 'pending' },
        );
      }
      retryDelay.current = RETRY_FIRST_MS;
      later(AUTOSAVE_DELAY_MS);
    },
    [later],
  );

  const flush = useCallback(async (): Promise<ProposalDetail> => {
    clearTimer();
    if (inFlight.current) {
      await inFlight.current;
    }
    if (conflictRef.current) {
      throw new ConflictPending();
    }
    if (isDirty(draftRef.current, syncedRef.current)) {
      await save();
      if (conflictRef.current) {
        throw new ConflictPending();
      }
      if (lastError.current) {
        throw lastError.current;
      }
    }
    return detailRef.current;
  }, [save]);

  const saveNow = useCallback(() => {
    retryDelay.current = RETRY_FIRST_MS;
    void save();
  }, [save]);

  const keepMine = useCallback(() => {
    const theirs = conflictRef.current;
    if (!theirs) {
      return;
    }
    const merged = mergeKeepMine(syncedRef.current, draftRef.current, draftOf(theirs));
    conflictRef.current = null;
    syncedRef.current = draftOf(theirs);
    draftRef.current = merged;
    acceptDetail(theirs);
    setDraft(merged);
    setConflict(null);
    void save();
  }, [acceptDetail, save]);

  const takeTheirs = useCallback(() => {
    const theirs = conflictRef.current;
    if (!theirs) {
      return;
    }
    conflictRef.current = null;
    syncedRef.current = draftOf(theirs);
    draftRef.current = draftOf(theirs);
    acceptDetail(theirs);
    setDraft(draftOf(theirs));
    setConflict(null);
    setState({ kind: 'saved', at: theirs.updatedAt, version: theirs.version });
  }, [acceptDetail]);

  const replace = useCallback(
    (fresh: ProposalDetail) => {
      clearTimer();
      conflictRef.current = null;
      lastError.current = null;
      syncedRef.current = draftOf(fresh);
      draftRef.current = draftOf(fresh);
      acceptDetail(fresh);
      setDraft(draftOf(fresh));
      setConflict(null);
      setState({ kind: 'saved', at: fresh.updatedAt, version: fresh.version });
    },
    [acceptDetail],
  );

  // Warn before leaving while something typed is not saved.
  const unsaved = state.kind !== 'saved';
  useEffect(() => {
    if (!unsaved) {
      return undefined;
    }
    const onLeave = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [unsaved]);

  return { detail, draft, state, conflict, change, flush, saveNow, keepMine, takeTheirs, replace };
}

export function isConflictPending(error: unknown): boolean {
  return error instanceof ConflictPending;
}
