import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/thai-600.css';
import '@fontsource/sarabun/latin-600.css';
import '@fontsource/sarabun/thai-700.css';
import '@fontsource/sarabun/latin-700.css';
import './styles/base.css';

import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { loadCatalogue } from 'virtual:i18n-catalogues';
import { initI18n } from '@web/lib/i18n';
import { routes } from './router';

type Router = ReturnType<typeof createBrowserRouter>;

/** Resolves once the router has the modules of the first page's routes (routes declared with `lazy`). */
function routerReady(router: Router): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) {
      resolve();
      return;
    }
    const unsubscribe = router.subscribe((state) => {
      if (state.initialized) {
        unsubscribe();
        resolve();
      }
    });
  });
}

function render(router: Router): void {
  const container = document.getElementById('root');
  if (container) {
    const root = createRoot(container);
    // As a transition the first render works in slices, yielding to the browser between them, instead of holding the
    // main thread for the whole page at once (on a phone, a long task that delays any tap on the page).
    startTransition(() => {
      root.render(
        <StrictMode>
          <RouterProvider router={router} />
        </StrictMode>,
      );
    });
  }
}

// The visitor's catalogue is on its way (index.html preloads it); the router, which matches the address against
// every route and starts loading the page's module, is made in a task of its own so that neither makes one long task
// with the evaluation of the scripts. The first render waits for both, so no page shows bare keys or a spinner; a
// catalogue that cannot be loaded leaves keys on the page rather than a blank one.
const catalogueReady = initI18n(loadCatalogue);
setTimeout(() => {
  const router = createBrowserRouter(routes);
  void Promise.all([catalogueReady, routerReady(router)]).then(
    () => render(router),
    () => render(router),
  );
}, 0);
