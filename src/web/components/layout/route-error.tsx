import { Link, useRouteError } from 'react-router';
import { useI18n } from '@web/lib/i18n';
import './layout.css';

/** Shown when rendering a route throws: a plain page that still lets the visitor go home. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  if (error instanceof Error) {
    console.error(error);
  }
  return (
    <main id="main" className="site-main route-error">
      <div className="container">
        <h1>{t('common.error')}</h1>
        <p>
          <Link to="/">{t('common.backHome')}</Link>
        </p>
      </div>
    </main>
  );
}
