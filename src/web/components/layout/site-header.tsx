import { useEffect, useState, type MouseEvent } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useAuth } from '@web/features/accounts/auth';
import { AccountNav } from '@web/features/accounts/components/account-nav';
import { InboxBell } from '@web/features/inbox/components/inbox-bell';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { LanguageSwitch } from './language-switch';
import { LogoMark } from './logo-mark';

const NAV_ITEMS: ReadonlyArray<{ to: string; label: MessageKey; end?: boolean }> = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/programmes', label: 'nav.programmes' },
  { to: '/calls', label: 'calls.nav' },
  { to: '/provinces', label: 'nav.provinces' },
  { to: '/map', label: 'nav.map' },
];

/** Focuses the main landmark (the skip link's target) without a hash in the URL. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main');
  if (main) {
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }
}

export function SiteHeader() {
  const { t } = useI18n();
  const signedIn = useAuth().status === 'signed_in';
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(location.pathname);

  // Close the mobile menu after navigating.
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (!menuOpen) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        document.getElementById('menu-toggle')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('nav.skipToContent')}
      </a>
      <div className="site-header__bar container">
        <Link to="/" className="brand">
          <LogoMark />
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__agency">{t('app.fullName')}</span>
          </span>
        </Link>
        <div className="site-header__actions">
          <InboxBell />
          <LanguageSwitch />
          <button
            type="button"
            id="menu-toggle"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              {menuOpen ? (
                <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              ) : (
                <path
                  d="M4 7h16M4 12h16M4 17h16"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                />
              )}
            </svg>
            <span className="menu-toggle__label">{t('nav.menu')}</span>
          </button>
        </div>
        <nav id="site-nav" className="site-nav" aria-label={t('nav.mainNav')} data-open={menuOpen}>
          <ul className="site-nav__list">
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="site-nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {signedIn ? (
              <li>
                <NavLink to="/proposals" className="site-nav__link" data-testid="nav-my-proposals">
                  {t('proposals.nav')}
                </NavLink>
              </li>
            ) : null}
            {signedIn ? (
              <li>
                <NavLink to="/projects" className="site-nav__link" data-testid="nav-projects">
                  {t('projectsUi.nav')}
                </NavLink>
              </li>
            ) : null}
          </ul>
          <AccountNav />
        </nav>
      </div>
    </header>
  );
}
