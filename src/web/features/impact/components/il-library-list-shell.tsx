import { useState, type ComponentType, type ReactNode } from 'react';
import { Link } from 'react-router';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { OffsetPager } from '@web/components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { formatNumber, localName, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { useSearchText, type AddressList } from '@web/lib/url-filters';
import { IlDialog } from './il-dialog';
import { IlFilterBar, useCommonSelects, type IlSelect } from './il-filter-bar';
import type { LibraryEntryFormProps } from './il-library-entry-form';

/** What the shell reads of a library entry. */
interface ShellEntry {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  isStarter: boolean;
  isActive: boolean;
}

/** The address filters both library pages have. */
interface ShellFilters {
  q?: string | undefined;
  theme?: ThemeCode | undefined;
  active?: 'true' | 'false' | 'all' | undefined;
  sort?: 'code' | '-code' | undefined;
  cursor?: number | undefined;
}

interface ShellList<E> {
  data: E[];
  page: { total: number; nextCursor: number | null };
  abilities: { manage: boolean };
}

/** A column of a library table after the code and name columns. */
export interface LibraryColumn {
  label: string;
  className?: string;
}

/** The words of a library page (already translated). */
export interface LibraryTexts {
  title: string;
  intro: string;
  add: string;
  addTitle: string;
  editTitle: (code: string) => string;
  /** The other library's page. */
  crossLink: { to: string; label: string };
}

function LibraryRow<E extends ShellEntry>({
  row,
  nameColumn,
  nameExtra,
  cells,
  canManage,
  onEdit,
}: {
  row: E;
  nameColumn: string;
  nameExtra: ReactNode;
  cells: ReactNode;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <tr data-testid={`il-row-${row.code}`} data-inactive={row.isActive ? undefined : 'true'}>
      <th scope="row" data-label={t('impactLibrary.common.code')}>
        <span className="il-code">{row.code}</span>
      </th>
      <td data-label={nameColumn}>
        <div className="il-cell">
          <span className="il-name">{localName(row, lang)}</span>
          <span className="il-muted il-block" lang={lang === 'th' ? 'en' : 'th'}>
            {otherName(row, lang)}
          </span>
          <span className="il-badges">
            {row.isStarter ? <Badge tone="brand">{t('impactLibrary.common.starter')}</Badge> : null}
            {row.isActive ? null : <Badge tone="accent">{t('impactLibrary.common.inactive')}</Badge>}
          </span>
          {nameExtra}
        </div>
      </td>
      {cells}
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

/**
 * A library page below its title: header with the add button and the link to the other library, the read-only
 * note, the filter bar (`selects`, then theme, status and sort), the count, the table (code, name, `columns`, edit)
 * with its pager, and the add / edit dialog holding `form`. The page keeps its address list and its own columns.
 */
export function LibraryListShell<F extends ShellFilters, E extends ShellEntry>({
  address,
  pageSize,
  texts,
  tableTestId,
  selects,
  nameColumn,
  columns,
  renderCells,
  renderNameExtra,
  form: EntryForm,
}: {
  address: AddressList<F, ShellList<E>>;
  pageSize: number;
  texts: LibraryTexts;
  tableTestId: string;
  /** The page's own filter selects, shown before the theme select. */
  selects: readonly IlSelect[];
  /** The header (and the stacked label) of the name column. */
  nameColumn: string;
  columns: readonly LibraryColumn[];
  /** The row's cells of `columns`. */
  renderCells: (row: E) => ReactNode;
  /** More under the names and badges of a row. */
  renderNameExtra?: (row: E) => ReactNode;
  form: ComponentType<LibraryEntryFormProps<E>>;
}) {
  const { t, lang } = useI18n();
  const { filters, list, failure, go, retry } = address;
  const change = (next: ShellFilters) => go({ ...filters, ...next, cursor: undefined });
  const [text, setText] = useSearchText(filters.q);
  const [editing, setEditing] = useState<E | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const common = useCommonSelects(
    filters.active,
    filters.sort,
    (value) => change({ active: value }),
    (value) => change({ sort: value }),
  );
  const canManage = list?.abilities.manage ?? false;
  const offset = filters.cursor ?? 0;
  const rows = list?.data ?? [];

  return (
    <>
      <PageHeader title={texts.title} intro={<p>{texts.intro}</p>}>
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
              {texts.add}
            </button>
          ) : null}
          <Link to={texts.crossLink.to} className="button button--secondary">
            {texts.crossLink.label}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body il-page">
        {list && !canManage ? <p className="il-note">{t('impactLibrary.common.readOnly')}</p> : null}
        {saved ? <FormSuccess>{saved}</FormSuccess> : null}
        <IlFilterBar
          text={text}
          onText={setText}
          onSearch={() => change({ q: text.trim() || undefined })}
          testId="il-filters"
          selects={[
            ...selects,
            {
              key: 'theme',
              label: t('impactLibrary.common.themes'),
              value: filters.theme ?? '',
              options: [
                { value: '', label: t('impactLibrary.common.allThemes') },
                ...THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) })),
              ],
              onChange: (value) => change({ theme: (value || undefined) as ThemeCode | undefined }),
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
            <table className="data-table data-table--stack il-table" data-testid={tableTestId}>
              <thead>
                <tr>
                  <th scope="col">{t('impactLibrary.common.code')}</th>
                  <th scope="col">{nameColumn}</th>
                  {columns.map((column) => (
                    <th key={column.label} scope="col" className={column.className}>
                      {column.label}
                    </th>
                  ))}
                  {canManage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('impactLibrary.common.edit')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <LibraryRow
                    key={row.id}
                    row={row}
                    nameColumn={nameColumn}
                    nameExtra={renderNameExtra?.(row)}
                    cells={renderCells(row)}
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
              label={texts.title}
              offset={offset}
              shown={rows.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('impactLibrary.common.previous')}
              nextText={t('impactLibrary.common.next')}
              rangeKey="impactLibrary.common.range"
              onPrevious={() => go({ ...filters, cursor: Math.max(0, offset - pageSize) || undefined })}
              onNext={() => go({ ...filters, cursor: list.page.nextCursor ?? offset })}
            />
          </>
        )}
      </div>
      {editing ? (
        <IlDialog
          title={editing === 'new' ? texts.addTitle : texts.editTitle(editing.code)}
          onClose={() => setEditing(null)}
          testId="il-dialog"
        >
          <EntryForm
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
