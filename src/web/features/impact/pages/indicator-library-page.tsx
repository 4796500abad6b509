import {
  ImpactIndicatorListQuerySchema,
  INDICATOR_TYPES,
  type ImpactIndicator,
  type ImpactIndicatorList,
  type ImpactIndicatorListQuery,
  type IndicatorType,
} from '@shared/contracts/impact-library';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList } from '@web/lib/url-filters';
import { libraryApi } from '../api-library';
import { IlIndicatorForm } from '../components/il-indicator-form';
import { LibraryListShell } from '../components/il-library-list-shell';
import '@web/components/ui/form.css';
import '../library.css';

const PAGE_SIZE = 50;
type Filters = Pick<Partial<ImpactIndicatorListQuery>, 'q' | 'type' | 'theme' | 'active' | 'sort' | 'cursor'>;
const KEYS = ['q', 'type', 'theme', 'active', 'sort', 'cursor'] as const;
const DEFAULTS: Partial<Filters> = { active: 'true', sort: 'code' };

/** An indicator's cells after its name: unit, type (with direction and aggregation), breakdowns, SDG and IRIS+. */
function IndicatorCells({ row }: { row: ImpactIndicator }) {
  const { t, lang } = useI18n();
  return (
    <>
      <td data-label={t('impactLibrary.indicators.unit')}>
        <div className="il-cell">{lang === 'th' ? row.unitTh : row.unitEn}</div>
      </td>
      <td data-label={t('impactLibrary.indicators.type')}>
        <div className="il-cell">
          {t(`impactLibrary.indicators.typeLabel.${row.type}`)}
          <span className="il-muted il-block">
            {t(`impactLibrary.indicators.directionLabel.${row.direction}`)} ·{' '}
            {t(`impactLibrary.indicators.aggregationLabel.${row.aggregation}`)}
          </span>
        </div>
      </td>
      <td data-label={t('impactLibrary.indicators.disaggregations')}>
        <div className="il-cell">
          {row.disaggregations.length > 0
            ? row.disaggregations
                .map((d) => t(`impactLibrary.indicators.disaggregationLabel.${d}`))
                .join(', ')
            : '—'}
        </div>
      </td>
      <td data-label={t('impactLibrary.indicators.sdgTargets')}>
        <div className="il-cell">
          {row.sdgTargets.length > 0 ? row.sdgTargets.join(', ') : '—'}
          {row.irisMetricId ? <span className="il-muted il-block">IRIS+ {row.irisMetricId}</span> : null}
        </div>
      </td>
    </>
  );
}

function IndicatorLibrary() {
  const { t } = useI18n();
  const address = useAddressList<Filters, ImpactIndicatorList>({
    keys: KEYS,
    shape: ImpactIndicatorListQuerySchema.shape,
    defaults: DEFAULTS,
    load: (current, signal) => libraryApi.listIndicators({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  return (
    <LibraryListShell
      address={address}
      pageSize={PAGE_SIZE}
      texts={{
        title: t('impactLibrary.indicators.title'),
        intro: t('impactLibrary.indicators.intro'),
        add: t('impactLibrary.indicators.add'),
        addTitle: t('impactLibrary.indicators.addTitle'),
        editTitle: (code) => t('impactLibrary.indicators.editTitle', { code }),
        crossLink: { to: '/admin/impact/proxies', label: t('impactLibrary.nav.proxies') },
      }}
      tableTestId="il-indicators"
      selects={[
        {
          key: 'type',
          label: t('impactLibrary.indicators.type'),
          value: address.filters.type ?? '',
          options: [
            { value: '', label: t('impactLibrary.common.allTypes') },
            ...INDICATOR_TYPES.map((value) => ({
              value,
              label: t(`impactLibrary.indicators.typeLabel.${value}`),
            })),
          ],
          onChange: (value) => address.set('type', (value || undefined) as IndicatorType | undefined),
        },
      ]}
      nameColumn={t('impactLibrary.indicators.column')}
      columns={[
        { label: t('impactLibrary.indicators.unit') },
        { label: t('impactLibrary.indicators.type') },
        { label: t('impactLibrary.indicators.disaggregations') },
        { label: t('impactLibrary.indicators.sdgTargets') },
      ]}
      renderCells={(row) => <IndicatorCells row={row} />}
      form={IlIndicatorForm}
    />
  );
}

/** `/admin/impact/indicators`: the indicator library (officers manage; everyone signed in reads). */
export default function IndicatorLibraryPage() {
  const { t } = useI18n();
  usePageTitle(t('impactLibrary.indicators.title'));
  return (
    <RequireAuth>
      <IndicatorLibrary />
    </RequireAuth>
  );
}
