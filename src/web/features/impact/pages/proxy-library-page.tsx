import { useState } from 'react';
import { Link } from 'react-router';
import {
  FinancialProxyListQuerySchema,
  type FinancialProxy,
  type FinancialProxyList,
  type FinancialProxyListQuery,
} from '@shared/contracts/impact-library';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { ExternalLink } from '@web/components/ui/external-link';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { OffsetPager } from '@web/components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatBaht, formatNumber, formatYear, localName, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList, useSearchText } from '@web/lib/url-filters';
import { libraryApi } from '../api-library';
import { IlDialog } from '../components/il-dialog';
import { IlFilterBar, useCommonSelects } from '../components/il-filter-bar';
import { IlProxyForm } from '../components/il-proxy-form';
import '@web/components/ui/form.css';
import '../library.css';

const PAGE_SIZE = 50;
type Filters = Pick<Partial<FinancialProxyListQuery>, 'q' | 'theme' | 'active' | 'sort' | 'cursor'>;
const KEYS = ['q', 'theme', 'active', 'sort', 'cursor'] as const;
const DEFAULTS: Partial<Filters> = { active: 'true', sort: 'code' };

/** A proxy's value as the platform shows money (baht), or the raw minor units with the currency otherwise. */
function ProxyValue({ proxy }: { proxy: FinancialProxy }) {
  const { lang } = useI18n();
  return proxy.currency === 'THB' ? (
    <>{formatBaht(proxy.valueSatang, lang)}</>
  ) : (
    <>
      {formatNumber(proxy.valueSatang / 100, lang)} {proxy.currency}
    </>
  );
}

function ProxyRow({
  row,
  canManage,
  onEdit,
}: {
  row: FinancialProxy;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t, lang } = useI18n();
  const description =
    lang === 'th' ? row.descriptionTh || row.descriptionEn : row.descriptionEn || row.descriptionTh;
  return (
    <tr data-testid={`il-row-${row.code}`} data-inactive={row.isActive ? undefined : 'true'}>
      <th scope="row" data-label={t('impactLibrary.common.code')}>
        <span className="il-code">{row.code}</span>
      </th>
      <td data-label={t('impactLibrary.proxies.column')}>
        <div className="il-cell">
          <span className="il-name">{localName(row, lang)}</span>
          <span className="il-muted il-block" lang={lang === 'th' ? 'en' : 'th'}>
            {otherName(row, lang)}
          </span>
          <span className="il-badges">
            {row.isStarter ? <Badge tone="brand">{t('impactLibrary.common.starter')}</Badge> : null}
            {row.isActive ? null : <Badge tone="accent">{t('impactLibrary.common.inactive')}</Badge>}
          </span>
          {description ? (
            <details className="il-details">
              <summary>{t('impactLibrary.common.description')}</summary>
              <p>{description}</p>
            </details>
          ) : null}
        </div>
      </td>
      <td data-label={t('impactLibrary.proxies.valueShort')} className="numeric">
        <div className="il-cell">
          <strong>
            <ProxyValue proxy={row} />
          </strong>
          <span className="il-muted il-block">{lang === 'th' ? row.unitTh : row.unitEn}</span>
        </div>
      </td>
      <td data-label={t('impactLibrary.proxies.priceYearShort')} className="il-nowrap">
        <div className="il-cell">{formatYear(row.priceYear, lang)}</div>
      </td>
      <td data-label={t('impactLibrary.proxies.source')} className="il-source">
        <div className="il-cell">
          {row.sourceUrl ? (
            <ExternalLink href={row.sourceUrl}>{row.sourceTitle}</ExternalLink>
          ) : (
            row.sourceTitle
          )}
        </div>
      </td>
      {canManage ? (
        <td data-label="">
          <div className="il-cell">
            <button
              type="button"
              className="button button--secondary il-edit"
              onClick={onEdit}
              aria-label={`${t('impactLibrary.common.edit')} ${row.code}`}
              data-testid={`il-edit-${row.code}`}
            >
              {t('impactLibrary.common.edit')}
            </button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}

function ProxyLibrary() {
  const { t, lang } = useI18n();
  const { filters, list, failure, go, set, retry } = useAddressList<Filters, FinancialProxyList>({
    keys: KEYS,
    shape: FinancialProxyListQuerySchema.shape,
    defaults: DEFAULTS,
    load: (current, signal) => libraryApi.listProxies({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  const [text, setText] = useSearchText(filters.q);
  const [editing, setEditing] = useState<FinancialProxy | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const common = useCommonSelects(
    filters.active,
    filters.sort,
    (value) => set('active', value),
    (value) => set('sort', value),
  );
  const canManage = list?.abilities.manage ?? false;
  const offset = filters.cursor ?? 0;
  const rows = list?.data ?? [];

  return (
    <>
      <PageHeader title={t('impactLibrary.proxies.title')} intro={<p>{t('impactLibrary.proxies.intro')}</p>}>
        <p className="il-header-links">
          {canManage ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setSaved(null);
                setEditing('new');
              }}
              data-testid="il-add"
            >
              {t('impactLibrary.proxies.add')}
            </button>
          ) : null}
          <Link to="/admin/impact/indicators" className="button button--secondary">
            {t('impactLibrary.nav.indicators')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body il-page">
        {list && !canManage ? <p className="il-note">{t('impactLibrary.common.readOnly')}</p> : null}
        {saved ? <FormSuccess>{saved}</FormSuccess> : null}
        <IlFilterBar
          text={text}
          onText={setText}
          onSearch={() => set('q', text.trim() || undefined)}
          testId="il-filters"
          selects={[
            {
              key: 'theme',
              label: t('impactLibrary.common.themes'),
              value: filters.theme ?? '',
              options: [
                { value: '', label: t('impactLibrary.common.allThemes') },
                ...THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) })),
              ],
              onChange: (value) => set('theme', (value || undefined) as ThemeCode | undefined),
            },
            ...common,
          ]}
        />
        <p className="il-muted" aria-live="polite">
          {list ? t('impactLibrary.common.count', { count: formatNumber(list.page.total, lang) }) : ''}
        </p>
        {failure ? (
          <ErrorState error={failure} onRetry={retry} />
        ) : !list ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>{t('impactLibrary.common.empty')}</EmptyState>
        ) : (
          <>
            <table className="data-table data-table--stack il-table" data-testid="il-proxies">
              <thead>
                <tr>
                  <th scope="col">{t('impactLibrary.common.code')}</th>
                  <th scope="col">{t('impactLibrary.proxies.column')}</th>
                  <th scope="col" className="numeric">
                    {t('impactLibrary.proxies.valueShort')}
                  </th>
                  <th scope="col">{t('impactLibrary.proxies.priceYearShort')}</th>
                  <th scope="col">{t('impactLibrary.proxies.source')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('impactLibrary.common.edit')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <ProxyRow
                    key={row.id}
                    row={row}
                    canManage={canManage}
                    onEdit={() => {
                      setSaved(null);
                      setEditing(row);
                    }}
                  />
                ))}
              </tbody>
            </table>
            <OffsetPager
              className="il-pager"
              label={t('impactLibrary.proxies.title')}
              offset={offset}
              shown={rows.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('impactLibrary.common.previous')}
              nextText={t('impactLibrary.common.next')}
              rangeKey="impactLibrary.common.range"
              onPrevious={() => go({ ...filters, cursor: Math.max(0, offset - PAGE_SIZE) || undefined })}
              onNext={() => go({ ...filters, cursor: list.page.nextCursor ?? offset })}
            />
          </>
        )}
      </div>
      {editing ? (
        <IlDialog
          title={
            editing === 'new'
              ? t('impactLibrary.proxies.addTitle')
              : t('impactLibrary.proxies.editTitle', { code: editing.code })
          }
          onClose={() => setEditing(null)}
          testId="il-dialog"
        >
          <IlProxyForm
            editing={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(row) => {
              setEditing(null);
              setSaved(`${t('impactLibrary.common.saved')}: ${row.code} ${localName(row, lang)}`);
              retry();
            }}
          />
        </IlDialog>
      ) : null}
    </>
  );
}

/** `/admin/impact/proxies`: the financial proxy library (officers manage; everyone signed in reads). */
export default function ProxyLibraryPage() {
  const { t } = useI18n();
  usePageTitle(t('impactLibrary.proxies.title'));
  return (
    <RequireAuth>
      <ProxyLibrary />
    </RequireAuth>
  );
}
