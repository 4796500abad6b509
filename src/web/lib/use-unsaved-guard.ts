import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `dirty`, asks before the page is left: the browser's own prompt on closing or reloading the tab, and
 * `confirmText` (a confirm dialog) on a link or back button inside the app.
 */
export function useUnsavedGuard(dirty: boolean, confirmText: string): void {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') {
      return;
    }
    if (window.confirm(confirmText)) {
      blocker.proceed();
    } else {
      blocker.reset();
    }
  }, [blocker, confirmText]);

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
