import { useState } from 'react';
import { toApiError, type ApiError } from '@web/lib/api';

/** Runs one command at a time; keeps its failure (as an ApiError) for the caller to word. */
export function useCommand() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (command: () => Promise<unknown>, onDone?: () => void): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await command();
      onDone?.();
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, clear: () => setError(null) };
}
