import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from '@web/components/layout/app-layout';
import { RouteError } from '@web/components/layout/route-error';
import { HomePage } from '@web/features/home/pages/home-page';
import { ProgrammesPage } from '@web/features/programmes/pages/programmes-page';
import { ProgrammePage } from '@web/features/programmes/pages/programme-page';
import { ProvincesPage } from '@web/features/provinces/pages/provinces-page';
import { ProvincePage } from '@web/features/provinces/pages/province-page';
import { NotFoundPage } from '@web/features/errors/pages/not-found-page';

/** The map page (and, inside it, ECharts) loads only when a visitor opens it. */
const MapPage = lazy(() => import('@web/features/map/pages/map-page'));

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'programmes', element: <ProgrammesPage /> },
      { path: 'programmes/:slug', element: <ProgrammePage /> },
      { path: 'provinces', element: <ProvincesPage /> },
      { path: 'provinces/:code', element: <ProvincePage /> },
      { path: 'map', element: <MapPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
