import {
  FinancialProxyListQuerySchema,
  type FinancialProxy,
  type FinancialProxyList,
  type FinancialProxyListQuery,
} from '@shared/contracts/impact-library';
import { ExternalLink } from '@web/components/ui/external-link';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatBaht, formatNumber, formatYear } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList } from '@web/lib/url-filters';
import { libraryApi } from '../api-library';
import { LibraryListShell } from '../components/il-library-list-shell';
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

/** A proxy's description, folded, under its names. */
function ProxyDescription({ row }: { row: FinancialProxy }) {
  const { t, lang } = useI18n();
  const description =
    lang === 'th' ? row.descriptionTh || row.descriptionEn : row.descriptionEn || row.descriptionTh;
  return description ? (
    <details className="il-details">
      <summary>{t('impactLibrary.common.description')}</summary>
      <p>{description}</p>
    </details>
  ) : null;
}

/** A proxy's cells after its name: value per unit, price year and source. */
function ProxyCells({ row }: { row: FinancialProxy }) {
  const { t, lang } = useI18n();
  return (
    <>
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
    </>
  );
}

function ProxyLibrary() {
  const { t } = useI18n();
  const address = useAddressList<Filters, FinancialProxyList>({
    keys: KEYS,
    shape: FinancialProxyListQuerySchema.shape,
    defaults: DEFAULTS,
    load: (current, signal) => libraryApi.listProxies({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  return (
    <LibraryListShell
      address={address}
      pageSize={PAGE_SIZE}
      texts={{
        title: t('impactLibrary.proxies.title'),
        intro: t('impactLibrary.proxies.intro'),
        add: t('impactLibrary.proxies.add'),
        addTitle: t('impactLibrary.proxies.addTitle'),
        editTitle: (code) => t('impactLibrary.proxies.editTitle', { code }),
        crossLink: { to: '/admin/impact/indicators', label: t('impactLibrary.nav.indicators') },
      }}
      tableTestId="il-proxies"
      selects={[]}
      nameColumn={t('impactLibrary.proxies.column')}
      columns={[
        { label: t('impactLibrary.proxies.valueShort'), className: 'numeric' },
        { label: t('impactLibrary.proxies.priceYearShort') },
        { label: t('impactLibrary.proxies.source') },
      ]}
      renderCells={(row) => <ProxyCells row={row} />}
      renderNameExtra={(row) => <ProxyDescription row={row} />}
      form={IlProxyForm}
    />
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
