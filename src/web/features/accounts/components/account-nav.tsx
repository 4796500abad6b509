import { useId } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useI18n } from '@web/lib/i18n';
import { useDropdown } from '@web/lib/use-dropdown';
import { hasRole } from '../api';
import { useAuth } from '../auth';
import './account-nav.css';

/** Pages after which "Sign in" should not come back to (they are part of signing in). */
const AUTH_PAGES = ['/login', '/register', '/verify-email', '/forgot-password', '/reset-password'];

/** The first letter of a name for the avatar; Thai leading vowels (เ แ โ ใ ไ) give way to the consonant. */
export function initialOf(name: string): string {
  const letters = name.trim().replace(/^[\u0E40-\u0E44]+/, '');
  return letters.charAt(0).toUpperCase() || '?';
}

/**
 * The header's account area: "Sign in" and "Register" when signed out; the person's name opening a small menu
 * (profile, sessions, the administrators' pages, sign out) when signed in. Inside the mobile menu on phones.
 */
export function AccountNav() {
  const { t } = useI18n();
  const { status, me, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  // Closes after navigating, on Escape and on a press outside.
  const { open, setOpen, rootRef, toggleRef } = useDropdown(location.pathname + location.hash);
  const panelId = useId();

  if (status === 'loading') {
    return <div className="account-nav" aria-hidden="true" />;
  }

  if (!me) {
    const next = AUTH_PAGES.includes(location.pathname) ? '' : location.pathname + location.search;
    const loginTo = next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
    return (
      <ul className="account-nav account-nav--guest">
        <li>
          <NavLink to={loginTo} className="site-nav__link" data-testid="nav-sign-in">
            {t('account.signIn')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/register" className="button button--primary account-nav__register">
            {t('account.register')}
          </NavLink>
        </li>
      </ul>
    );
  }

  const isAdmin = hasRole(me, 'administrator');
  const isOfficer = isAdmin || hasRole(me, 'programme_officer');
  const initial = initialOf(me.name);

  const onSignOut = () => {
    setOpen(false);
    void navigate('/');
    signOut().catch(() => undefined);
  };

  return (
    <div className="account-nav account-menu" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('account.menuLabel', { name: me.name })}
        data-testid="account-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {initial}
        </span>
        <span className="account-menu__name">{me.name}</span>
        <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <div id={panelId} className="account-menu__panel" hidden={!open}>
        <p className="account-menu__who">
          <span>{t('account.signedInAs')}</span>
          <strong className="account-menu__email">{me.email}</strong>
        </p>
        <ul className="account-menu__list">
          <li>
            <Link to="/account" className="account-menu__item">
              {t('account.profile')}
            </Link>
          </li>
          <li>
            <Link to="/account#sessions" className="account-menu__item">
              {t('account.sessions')}
            </Link>
          </li>
          <li>
            <Link to="/organisations" className="account-menu__item" data-testid="nav-organisations">
              {t('orgs.list.title')}
            </Link>
          </li>
          <li>
            <Link to="/events/mine" className="account-menu__item" data-testid="nav-my-registrations">
              {t('activities.ui.myRegistrations')}
            </Link>
          </li>
          {isOfficer || hasRole(me, 'driving_unit_staff') ? (
            <li>
              <Link to="/admin/activities" className="account-menu__item" data-testid="nav-manage-activities">
                {t('activities.ui.manage')}
              </Link>
            </li>
          ) : null}
          {isOfficer || hasRole(me, 'driving_unit_staff') ? (
            <li>
              <Link to="/admin/needs" className="account-menu__item" data-testid="nav-admin-needs">
                {t('needs.nav.adminNeeds')}
              </Link>
            </li>
          ) : null}
          {isOfficer || hasRole(me, 'driving_unit_staff') ? (
            <li>
              <Link to="/dashboards" className="account-menu__item" data-testid="nav-dashboards">
                {t('publicSite.account.dashboards')}
              </Link>
            </li>
          ) : null}
          {isOfficer || hasRole(me, 'driving_unit_staff') ? (
            <li>
              <Link to="/admin/insights" className="account-menu__item" data-testid="nav-insights">
                {t('publicSite.account.insights')}
              </Link>
            </li>
          ) : null}
          {isOfficer || (hasRole(me, 'driving_unit_staff') && me.drivingUnitId) ? (
            <li>
              <Link to="/impact/portfolio" className="account-menu__item" data-testid="nav-impact-portfolio">
                {t('impactReport.nav.portfolio')}
              </Link>
            </li>
          ) : null}
          {isOfficer || hasRole(me, 'driving_unit_staff') ? (
            <li>
              <Link
                to="/admin/impact/indicators"
                className="account-menu__item"
                data-testid="nav-impact-library"
              >
                {t('impactLibrary.nav.indicators')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/cohorts" className="account-menu__item" data-testid="nav-cohorts">
              {t('cohorts.nav')}
            </Link>
          </li>
          <li>
            <Link to="/mentoring" className="account-menu__item" data-testid="nav-mentoring">
              {t('mentoring.requests.title')}
            </Link>
          </li>
          {hasRole(me, 'reviewer') ? (
            <>
              <li>
                <Link to="/reviews" className="account-menu__item" data-testid="nav-my-reviews">
                  {t('reviewers.nav')}
                </Link>
              </li>
              <li>
                <Link to="/judging" className="account-menu__item" data-testid="nav-judging">
                  {t('contests.nav.judging')}
                </Link>
              </li>
            </>
          ) : null}
          {isOfficer ? (
            <li>
              <Link to="/admin/calls" className="account-menu__item" data-testid="nav-admin-calls">
                {t('calls.admin.nav')}
              </Link>
            </li>
          ) : null}
          {isOfficer ? (
            <li>
              <Link
                to="/admin/innovations"
                className="account-menu__item"
                data-testid="nav-admin-innovations"
              >
                {t('innovations.admin.title')}
              </Link>
            </li>
          ) : null}
          {isOfficer ? (
            <li>
              <Link to="/admin/units" className="account-menu__item" data-testid="nav-units-rollup">
                {t('units.nav.rollup')}
              </Link>
            </li>
          ) : hasRole(me, 'driving_unit_staff') && me.drivingUnitId ? (
            <li>
              <Link
                to={`/admin/units/${me.drivingUnitId}`}
                className="account-menu__item"
                data-testid="nav-my-unit"
              >
                {t('units.nav.myUnit')}
              </Link>
            </li>
          ) : null}
          {isAdmin ? (
            <>
              <li>
                <Link to="/admin/users" className="account-menu__item" data-testid="nav-admin-users">
                  {t('adminUsers.title')}
                </Link>
              </li>
              <li>
                <Link
                  to="/admin/target-provinces"
                  className="account-menu__item"
                  data-testid="nav-target-group"
                >
                  {t('targetGroup.title')}
                </Link>
              </li>
              <li>
                <Link to="/admin/data-imports" className="account-menu__item" data-testid="nav-data-imports">
                  {t('dataImports.nav')}
                </Link>
              </li>
              <li>
                <Link to="/admin/audit" className="account-menu__item">
                  {t('account.auditLog')}
                </Link>
              </li>
              <li>
                <Link to="/admin/mail" className="account-menu__item">
                  {t('account.mailViewer')}
                </Link>
              </li>
            </>
          ) : null}
          <li>
            <button
              type="button"
              className="account-menu__item account-menu__sign-out"
              data-testid="sign-out"
              onClick={onSignOut}
            >
              {t('account.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
