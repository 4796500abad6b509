import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A one-time notice passed in the navigation state (`navigate(to, { state: { notice: 'saved' } })`): read once,
 * then removed from the history entry, so that a reload or coming back does not show it again.
 */
export function useNotice(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState<string | null>(() => {
    const state: unknown = location.state;
    return typeof state === 'object' &&
      state !== null &&
      'notice' in state &&
      typeof state.notice === 'string'
      ? state.notice
      : null;
  });
  const hasState = location.state !== null && location.state !== undefined;
  const here = location.pathname + location.search + location.hash;
  useEffect(() => {
    if (hasState) {
      void navigate(here, { replace: true, state: null, preventScrollReset: true });
    }
  }, [hasState, here, navigate]);
  return notice;
}
