import { OffsetPager } from '@web/components/ui/pager';
import { useId } from 'react';
import { Link } from 'react-router';
import {
  PARTNER_ROLES,
  PARTNER_SECTORS,
  PartnerListQuerySchema,
  type PartnerList,
  type PartnerListQuery,
  type PartnerSummary,
} from '@shared/contracts/network';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { PROVINCES } from '@shared/reference/provinces';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList, useSearchText } from '@web/lib/url-filters';
import { networkApi } from '../api';
import { RoleChips, nameIn } from '../labels';
import '@web/components/ui/form.css';
import '../network.css';

const PAGE_SIZE = 24;

const KEYS = ['q', 'role', 'sector', 'cursor'] as const;

function Filters({
  query,
  onChange,
}: {
  query: Partial<PartnerListQuery>;
  onChange: (next: Partial<PartnerListQuery>) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useSearchText(query.q);
  const hasFilters = Boolean(query.q || query.role || query.sector);
  return (
    <form
      className="nw-filters"
      role="search"
      aria-label={t('network.directory.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ ...query, q: text.trim() || undefined, cursor: undefined });
      }}
    >
      <div className="nw-filters__search">
        <div className="field form-field">
          <label htmlFor={`${id}-q`}>{t('network.directory.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            maxLength={200}
            value={text}
            placeholder={t('network.directory.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid="partner-search"
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('network.directory.searchButton')}
        </button>
      </div>
      <div className="nw-filters__grid">
        <div className="field form-field">
          <label htmlFor={`${id}-role`}>{t('network.directory.role')}</label>
          <select
            id={`${id}-role`}
            value={query.role ?? ''}
            data-testid="filter-role"
            onChange={(event) =>
              onChange({
                ...query,
                role: (event.target.value || undefined) as PartnerListQuery['role'],
                cursor: undefined,
              })
            }
          >
            <option value="">{t('network.any')}</option>
            {PARTNER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`network.role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field form-field">
          <label htmlFor={`${id}-sector`}>{t('network.directory.sector')}</label>
          <select
            id={`${id}-sector`}
            value={query.sector ?? ''}
            data-testid="filter-sector"
            onChange={(event) =>
              onChange({
                ...query,
                sector: (event.target.value || undefined) as PartnerListQuery['sector'],
                cursor: undefined,
              })
            }
          >
            <option value="">{t('network.any')}</option>
            {PARTNER_SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`network.sector.${sector}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {hasFilters ? (
        <p className="nw-filters__clear">
          <button type="button" className="button button--secondary" onClick={() => onChange({})}>
            {t('network.directory.clear')}
          </button>
        </p>
      ) : null}
    </form>
  );
}

function PartnerCard({ partner }: { partner: PartnerSummary }) {
  const { t, lang } = useI18n();
  const province = PROVINCES.find((p) => p.code === partner.provinceCode);
  const description = lang === 'en' && partner.descriptionEn ? partner.descriptionEn : partner.descriptionTh;
  return (
    <li className="nw-card" data-testid="partner-card">
      <h2 className="nw-card__title">
        <Link to={`/network/partners/${partner.id}`}>{nameIn(partner, lang)}</Link>
      </h2>
      <p className="nw-muted">
        {t(`network.sector.${partner.sector}`)}
        {province ? ` · ${lang === 'en' ? province.nameEn : province.nameTh}` : ''}
      </p>
      <RoleChips roles={partner.roles} />
      {description ? <p className="nw-card__text">{description}</p> : null}
      <p className="nw-card__meta">
        <span>{t('network.directory.mous', { count: formatNumber(partner.mouCount, lang) })}</span>
        {partner.hasActiveMou ? <span className="nw-active">{t('network.directory.activeMou')}</span> : null}
        <span>{t('network.directory.links', { count: formatNumber(partner.linkCount, lang) })}</span>
      </p>
    </li>
  );
}

/** `/network`: the public directory of SI Network partners, searched in Thai or English, filtered by role and sector. */
export default function NetworkPage() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const {
    filters: query,
    list,
    failure,
    go,
    retry,
  } = useAddressList<Partial<PartnerListQuery>, PartnerList>({
    keys: KEYS,
    shape: PartnerListQuerySchema.shape,
    load: (current, signal) => networkApi.list({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  usePageTitle(t('network.directory.title'));
  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const offset = query.cursor ?? 0;
  const rows = list?.data ?? [];
  const filtered = Boolean(query.q || query.role || query.sector);

  return (
    <>
      <PageHeader title={t('network.directory.title')} intro={<p>{t('network.directory.intro')}</p>}>
        <p className="nw-header-links">
          <Link to="/network/graph" className="button button--secondary" data-testid="graph-link">
            {t('network.directory.graphLink')}
          </Link>
          <Link to="/knowledge" className="button button--secondary">
            {t('network.footerKnowledge')}
          </Link>
          {isOfficer ? (
            <Link
              to="/admin/network/partners/new"
              className="button button--primary"
              data-testid="add-partner"
            >
              {t('network.directory.add')}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body nw-page">
        <Filters query={query} onChange={go} />
        <p className="nw-count" aria-live="polite" data-testid="partners-count">
          {list ? t('network.directory.count', { count: formatNumber(list.page.total, lang) }) : ''}
        </p>
        {failure ? (
          <ErrorState error={failure} onRetry={retry} />
        ) : !list ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>
            {filtered ? t('network.directory.emptyFiltered') : t('network.directory.empty')}
          </EmptyState>
        ) : (
          <>
            <ul className="nw-cards">
              {rows.map((partner) => (
                <PartnerCard key={partner.id} partner={partner} />
              ))}
            </ul>
            <OffsetPager
              className="nw-pager"
              label={t('network.directory.pager')}
              offset={offset}
              shown={rows.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('network.previous')}
              nextText={t('network.next')}
              rangeKey="network.range"
              onPrevious={() => go({ ...query, cursor: Math.max(0, offset - PAGE_SIZE) })}
              onNext={() => list.page.nextCursor !== null && go({ ...query, cursor: list.page.nextCursor })}
            />
          </>
        )}
      </div>
    </>
  );
}
