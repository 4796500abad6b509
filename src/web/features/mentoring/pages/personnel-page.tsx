import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  EXPERTISE,
  PERSONNEL_ROLES,
  type Expertise,
  type PersonnelListQuery,
  type PersonnelRole,
  type PersonSummary,
} from '@shared/contracts/mentoring';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { useProvinces } from '@web/features/provinces/api';
import { formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { usePersonnel } from '../api';
import { RecordStats } from '../components/record-stats';
import { ExpertiseList, RoleBadges, nameIn } from '../labels';
import '@web/components/ui/form.css';
import '../mentoring.css';

function queryOf(params: URLSearchParams): PersonnelListQuery {
  const role = params.get('role');
  const expertise = params.get('expertise');
  return {
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
    ...(role && (PERSONNEL_ROLES as readonly string[]).includes(role) ? { role: role as PersonnelRole } : {}),
    ...(expertise && (EXPERTISE as readonly string[]).includes(expertise)
      ? { expertise: expertise as Expertise }
      : {}),
    ...(params.get('mentors') === 'true' ? { mentors: 'true' as const } : {}),
  };
}

function PersonCard({ person, provinceName }: { person: PersonSummary; provinceName: string | null }) {
  const { t, lang } = useI18n();
  return (
    <li className="me-card" data-testid="person-card">
      <div className="me-card__head">
        <h2 className="me-card__title">
          <Link to={`/personnel/${person.id}`} data-testid="person-link">
            {nameIn(lang, person.nameTh, person.nameEn)}
          </Link>
        </h2>
        <RoleBadges roles={person.roles} />
      </div>
      <ExpertiseList expertise={person.expertise} />
      <p className="me-muted">
        {nameIn(lang, person.drivingUnitNameTh, person.drivingUnitNameEn) || t('mentoring.personnel.noUnit')}
        {provinceName ? ` · ${provinceName}` : ''}
      </p>
      {!person.isActive ? <p className="me-note">{t('mentoring.personnel.inactive')}</p> : null}
      <RecordStats record={person.record} compact />
    </li>
  );
}

/** The SI personnel registry and mentor directory: facilitators, coaches and mentors with their record. */
export default function PersonnelPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const { me } = useAuth();
  usePageTitle(t('mentoring.personnel.title'));
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const [text, setText] = useState(query.q ?? '');
  const people = usePersonnel(query);
  const provinces = useProvinces();
  const provinceName = (code: number | null) => {
    const found = provinces.status === 'success' ? provinces.data.find((p) => p.code === code) : undefined;
    return found ? localName(found, lang) : null;
  };
  const canAdd =
    hasRole(me, 'programme_officer') || hasRole(me, 'administrator') || hasRole(me, 'driving_unit_staff');
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('mentoring.personnel.title')} intro={<p>{t('mentoring.personnel.intro')}</p>}>
        <p className="me-header-links">
          <Link to="/mentoring" className="button button--primary">
            {t('mentoring.personnel.askMentoring')}
          </Link>
          {canAdd ? (
            <Link to="/personnel/new" className="button button--secondary" data-testid="add-person">
              {t('mentoring.personnel.add')}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body me-page">
        <form
          className="me-filters"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            set('q', text.trim() || undefined);
          }}
        >
          <div className="field form-field me-filters__search">
            <label htmlFor={`${id}-q`}>{t('mentoring.personnel.search')}</label>
            <div className="me-inline">
              <input
                id={`${id}-q`}
                type="search"
                maxLength={100}
                value={text}
                onChange={(event) => setText(event.target.value)}
                data-testid="personnel-search"
              />
              <button type="submit" className="button button--primary">
                {t('mentoring.personnel.filter')}
              </button>
            </div>
          </div>
          <div className="field form-field">
            <label htmlFor={`${id}-role`}>{t('mentoring.personnel.role')}</label>
            <select
              id={`${id}-role`}
              value={query.role ?? ''}
              onChange={(event) => set('role', event.target.value || undefined)}
              data-testid="filter-role"
            >
              <option value="">{t('mentoring.personnel.any')}</option>
              {PERSONNEL_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`mentoring.role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field form-field">
            <label htmlFor={`${id}-expertise`}>{t('mentoring.personnel.expertise')}</label>
            <select
              id={`${id}-expertise`}
              value={query.expertise ?? ''}
              onChange={(event) => set('expertise', event.target.value || undefined)}
              data-testid="filter-expertise"
            >
              <option value="">{t('mentoring.personnel.any')}</option>
              {EXPERTISE.map((e) => (
                <option key={e} value={e}>
                  {t(`mentoring.expertise.${e}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="me-check me-filters__check">
            <input
              type="checkbox"
              checked={query.mentors === 'true'}
              onChange={(event) => set('mentors', event.target.checked ? 'true' : undefined)}
              data-testid="filter-mentors"
            />
            {t('mentoring.personnel.mentorsOnly')}
          </label>
        </form>
        {people.status === 'error' ? (
          <ErrorState error={people.error} onRetry={people.reload} />
        ) : people.status !== 'success' ? (
          <LoadingState />
        ) : people.data.length === 0 ? (
          <EmptyState>{t('mentoring.personnel.empty')}</EmptyState>
        ) : (
          <>
            <p className="me-muted" aria-live="polite">
              {t('mentoring.personnel.count', { count: formatNumber(people.data.length, lang) })}
            </p>
            <ul className="me-cards">
              {people.data.map((p) => (
                <PersonCard key={p.id} person={p} provinceName={provinceName(p.provinceCode)} />
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}
