import { useState } from 'react';
import { Link } from 'react-router';
import {
  ImpactIndicatorListQuerySchema,
  INDICATOR_TYPES,
  type ImpactIndicator,
  type ImpactIndicatorList,
  type ImpactIndicatorListQuery,
  type IndicatorType,
} from '@shared/contracts/impact-library';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { OffsetPager } from '@web/components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatNumber, localName, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList, useSearchText } from '@web/lib/url-filters';
import { libraryApi } from '../api-library';
import { IlDialog } from '../components/il-dialog';
import { IlFilterBar, useCommonSelects } from '../components/il-filter-bar';
import { IlIndicatorForm } from '../components/il-indicator-form';
import '@web/components/ui/form.css';
import '../library.css';

const PAGE_SIZE = 50;
type Filters = Pick<Partial<ImpactIndicatorListQuery>, 'q' | 'type' | 'theme' | 'active' | 'sort' | 'cursor'>;
const KEYS = ['q', 'type', 'theme', 'active', 'sort', 'cursor'] as const;
const DEFAULTS: Partial<Filters> = { active: 'true', sort: 'code' };

function IndicatorRow({
  row,
  canManage,
  onEdit,
}: {
  row: ImpactIndicator;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <tr data-testid={`il-row-${row.code}`} data-inactive={row.isActive ? undefined : 'true'}>
      <th scope="row" data-label={t('impactLibrary.common.code')}>
        <span className="il-code">{row.code}</span>
      </th>
      <td data-label={t('impactLibrary.indicators.column')}>
        <div className="il-cell">
          <span className="il-name">{localName(row, lang)}</span>
          <span className="il-muted il-block" lang={lang === 'th' ? 'en' : 'th'}>
            {otherName(row, lang)}
          </span>
          <span className="il-badges">
            {row.isStarter ? <Badge tone="brand">{t('impactLibrary.common.starter')}</Badge> : null}
            {row.isActive ? null : <Badge tone="accent">{t('impactLibrary.common.inactive')}</Badge>}
          </span>
        </div>
      </td>
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

function IndicatorLibrary() {
  const { t, lang } = useI18n();
  const { filters, list, failure, go, set, retry } = useAddressList<Filters, ImpactIndicatorList>({
    keys: KEYS,
    shape: ImpactIndicatorListQuerySchema.shape,
    defaults: DEFAULTS,
    load: (current, signal) => libraryApi.listIndicators({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  const [text, setText] = useSearchText(filters.q);
  const [editing, setEditing] = useState<ImpactIndicator | 'new' | null>(null);
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
      <PageHeader
        title={t('impactLibrary.indicators.title')}
        intro={<p>{t('impactLibrary.indicators.intro')}</p>}
      >
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
              {t('impactLibrary.indicators.add')}
            </button>
          ) : null}
          <Link to="/admin/impact/proxies" className="button button--secondary">
            {t('impactLibrary.nav.proxies')}
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
              key: 'type',
              label: t('impactLibrary.indicators.type'),
              value: filters.type ?? '',
              options: [
                { value: '', label: t('impactLibrary.common.allTypes') },
                ...INDICATOR_TYPES.map((value) => ({
                  value,
                  label: t(`impactLibrary.indicators.typeLabel.${value}`),
                })),
              ],
              onChange: (value) => set('type', (value || undefined) as IndicatorType | undefined),
            },
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
            <table className="data-table data-table--stack il-table" data-testid="il-indicators">
              <thead>
                <tr>
                  <th scope="col">{t('impactLibrary.common.code')}</th>
                  <th scope="col">{t('impactLibrary.indicators.column')}</th>
                  <th scope="col">{t('impactLibrary.indicators.unit')}</th>
                  <th scope="col">{t('impactLibrary.indicators.type')}</th>
                  <th scope="col">{t('impactLibrary.indicators.disaggregations')}</th>
                  <th scope="col">{t('impactLibrary.indicators.sdgTargets')}</th>
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('impactLibrary.common.edit')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <IndicatorRow
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
              label={t('impactLibrary.indicators.title')}
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
              ? t('impactLibrary.indicators.addTitle')
              : t('impactLibrary.indicators.editTitle', { code: editing.code })
          }
          onClose={() => setEditing(null)}
          testId="il-dialog"
        >
          <IlIndicatorForm
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
