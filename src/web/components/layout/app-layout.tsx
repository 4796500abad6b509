import { Suspense, useEffect, useRef } from 'react';
import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { LoadingState } from '@web/components/ui/states';
import { AuthProvider, useAuth } from '@web/features/accounts/auth';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import './layout.css';

/** The page where a person whose role requires a second factor must set it up before anything else. */
export const TWO_FACTOR_PATH = '/account/two-factor';

/** The routed page, unless the signed-in person must first set up the second factor. */
function RoutedPage() {
  const { me } = useAuth();
  const location = useLocation();
  if (me?.mustEnrollTotp && location.pathname !== TWO_FACTOR_PATH) {
    return <Navigate to={TWO_FACTOR_PATH} replace />;
  }
  return <Outlet />;
}

/** The page frame: skip link, header and navigation, the routed page in <main>, footer. */
export function AppLayout() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <AuthProvider>
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Suspense fallback={<LoadingState />}>
          <RoutedPage />
        </Suspense>
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </AuthProvider>
  );
}
