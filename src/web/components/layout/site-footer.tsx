import { Link } from 'react-router';
import { useHealth } from '@web/features/system/api';
import { useI18n } from '@web/lib/i18n';
import { LogoMark } from './logo-mark';

export function SiteFooter() {
  const { t } = useI18n();
  const health = useHealth();
  return (
    <footer className="site-footer">
      <div className="container site-footer__grid">
        <section className="site-footer__about" aria-labelledby="footer-about">
          <h2 id="footer-about" className="site-footer__brand">
            <LogoMark size={32} />
            <span>{t('app.name')}</span>
          </h2>
          <p>{t('footer.about')}</p>
          <p className="site-footer__agency">{t('footer.platform')}</p>
        </section>
        <nav className="site-footer__links" aria-labelledby="footer-links">
          <h2 id="footer-links">{t('footer.links')}</h2>
          <ul>
            <li>
              <Link to="/programmes">{t('nav.programmes')}</Link>
            </li>
            <li>
              <Link to="/provinces">{t('nav.provinces')}</Link>
            </li>
            <li>
              <Link to="/map">{t('nav.map')}</Link>
            </li>
            <li>
              <Link to="/personnel">{t('mentoring.personnel.title')}</Link>
            </li>
            <li>
              <Link to="/units">{t('units.nav.directory')}</Link>
            </li>
            <li>
              <Link to="/network">{t('network.footerLink')}</Link>
            </li>
            <li>
              <Link to="/knowledge">{t('network.footerKnowledge')}</Link>
            </li>
            <li>
              <Link to="/innovations">{t('catalogue.footerLink')}</Link>
            </li>
            <li>
              <Link to="/diffusion">{t('diffusion.footerLink')}</Link>
            </li>
            <li>
              <Link to="/coverage" data-testid="footer-coverage">
                {t('publicSite.footer.coverage')}
              </Link>
            </li>
            <li>
              <Link to="/impact" data-testid="footer-impact">
                {t('publicSite.footer.impact')}
              </Link>
            </li>
            <li>
              <Link to="/open-data" data-testid="footer-open-data">
                {t('publicSite.footer.openData')}
              </Link>
            </li>
            <li>
              <Link to="/needs">{t('needs.nav.needs')}</Link>
            </li>
            <li>
              <Link to="/events">{t('activities.ui.calendarTitle')}</Link>
            </li>
            <li>
              <Link to="/certificates">{t('activities.ui.verifyTitle')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </nav>
        <section className="site-footer__sources" aria-labelledby="footer-sources">
          <h2 id="footer-sources">{t('footer.dataSources')}</h2>
          <p>{t('footer.dataSourcesText')}</p>
        </section>
      </div>
      <div className="site-footer__bottom">
        <div className="container">
          <span>{t('app.agency')}</span>
          {health.status === 'success' ? (
            <span className="site-footer__version" data-testid="app-version">
              {t('footer.version', { version: health.data.version })}
            </span>
          ) : null}
        </div>
      </div>
    </footer>
  );
}
