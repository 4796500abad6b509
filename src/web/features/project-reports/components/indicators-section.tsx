import { PROJECT_LIMITS, type ReportDetail } from '@shared/contracts/projects';
import { FieldError, describedBy } from '@web/components/ui/form';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { emptyIndicator, fieldDomId, type IndicatorDraft } from '../report-form';

type Column = 'name' | 'unit' | 'value' | 'target' | 'note';

const COLUMNS: ReadonlyArray<{ column: Column; max: number; numeric: boolean }> = [
  { column: 'name', max: PROJECT_LIMITS.shortText, numeric: false },
  { column: 'unit', max: 50, numeric: false },
  { column: 'value', max: 40, numeric: true },
  { column: 'target', max: 40, numeric: true },
  { column: 'note', max: 500, numeric: false },
];

/** The indicator values of the report: a table of rows to fill in, add and remove (a card per row on a phone). */
export function IndicatorsEditor({
  indicators,
  errors,
  onChange,
}: {
  indicators: IndicatorDraft[];
  errors: Record<string, string>;
  onChange: (update: (rows: IndicatorDraft[]) => IndicatorDraft[]) => void;
}) {
  const { t } = useI18n();
  const full = indicators.length >= PROJECT_LIMITS.indicatorsMax;
  const heading = (column: Column) => t(`projectReportsUi.indicator.${column}`);

  const add = () => {
    const row = emptyIndicator();
    onChange((rows) => [...rows, row]);
    // the new row's first input takes the focus once it is drawn
    window.setTimeout(
      () => document.getElementById(fieldDomId(`indicators.${indicators.length}.name`))?.focus(),
      0,
    );
  };

  return (
    <div className="pr-rows">
      {indicators.length === 0 ? (
        <p className="pr-muted">{t('projectReportsUi.indicator.none')}</p>
      ) : (
        <div className="pr-table-wrap">
          <table
            className="data-table data-table--stack pr-table pr-indicators"
            data-testid="report-indicators"
          >
            <thead>
              <tr>
                <th scope="col" className="pr-indicators__n">
                  #
                </th>
                {COLUMNS.map(({ column }) => (
                  <th key={column} scope="col" className={`pr-indicators__${column}`}>
                    {heading(column)}
                  </th>
                ))}
                <th scope="col" className="pr-indicators__actions">
                  <span className="visually-hidden">{t('projectReportsUi.indicator.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((row, index) => (
                <tr key={row.key} data-testid="indicator-row">
                  <th scope="row" className="pr-indicators__n" data-label="#">
                    {index + 1}
                    {row.indicatorCode ? (
                      <span className="pr-code">
                        {t('projectReportsUi.indicator.code', { code: row.indicatorCode })}
                      </span>
                    ) : null}
                  </th>
                  {COLUMNS.map(({ column, max, numeric }) => {
                    const key = `indicators.${index}.${column}`;
                    const id = fieldDomId(key);
                    const error = errors[key];
                    return (
                      <td key={column} data-label={heading(column)} className={`pr-indicators__${column}`}>
                        <div className="pr-cell-field" data-invalid={error ? 'true' : undefined}>
                          <input
                            id={id}
                            autoComplete="off"
                            inputMode={numeric ? 'decimal' : undefined}
                            maxLength={max}
                            value={row[column]}
                            onChange={(event) => {
                              const value = event.target.value;
                              onChange((rows) =>
                                rows.map((r) => (r.key === row.key ? { ...r, [column]: value } : r)),
                              );
                            }}
                            aria-label={t('projectReportsUi.indicator.fieldLabel', {
                              field: heading(column),
                              n: index + 1,
                            })}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={describedBy(error && `${id}-error`)}
                            data-testid={`indicator-${column}`}
                          />
                          <FieldError id={`${id}-error`} message={error} />
                        </div>
                      </td>
                    );
                  })}
                  <td className="pr-indicators__actions" data-label="">
                    <button
                      type="button"
                      className="pr-small-button pr-small-button--danger"
                      aria-label={t('projectReportsUi.indicator.removeLabel', { n: index + 1 })}
                      onClick={() => onChange((rows) => rows.filter((r) => r.key !== row.key))}
                      data-testid="indicator-remove"
                    >
                      {t('projectReportsUi.indicator.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="pr-rows__add">
        <button
          type="button"
          className="pr-small-button"
          onClick={add}
          disabled={full}
          data-testid="indicator-add"
        >
          + {t('projectReportsUi.indicator.add')}
        </button>
        {full ? (
          <span className="pr-muted">
            {t('projectReportsUi.indicator.max', { max: PROJECT_LIMITS.indicatorsMax })}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** The indicator values, read only. */
export function IndicatorsView({ report }: { report: ReportDetail }) {
  const { t, lang } = useI18n();
  if (report.indicators.length === 0) {
    return <p className="pr-muted">{t('projectReportsUi.indicator.none')}</p>;
  }
  const labels = {
    name: t('projectReportsUi.indicator.name'),
    unit: t('projectReportsUi.indicator.unit'),
    value: t('projectReportsUi.indicator.value'),
    target: t('projectReportsUi.indicator.target'),
    note: t('projectReportsUi.indicator.note'),
  };
  return (
    <div className="pr-table-wrap">
      <table className="data-table data-table--stack pr-table" data-testid="report-indicators">
        <thead>
          <tr>
            <th scope="col">{labels.name}</th>
            <th scope="col" className="numeric">
              {labels.value}
            </th>
            <th scope="col" className="numeric">
              {labels.target}
            </th>
            <th scope="col">{labels.unit}</th>
            <th scope="col">{labels.note}</th>
          </tr>
        </thead>
        <tbody>
          {report.indicators.map((row, index) => (
            <tr key={`${row.name}-${index}`} data-testid="indicator-row">
              <th scope="row" data-label={labels.name}>
                {row.name}
                {row.indicatorCode ? (
                  <span className="pr-code">
                    {t('projectReportsUi.indicator.code', { code: row.indicatorCode })}
                  </span>
                ) : null}
              </th>
              <td className="numeric" data-label={labels.value}>
                {formatNumber(row.value, lang, { maximumFractionDigits: 4 })}
              </td>
              <td className="numeric" data-label={labels.target}>
                {row.target === null ? '—' : formatNumber(row.target, lang, { maximumFractionDigits: 4 })}
              </td>
              <td data-label={labels.unit}>{row.unit || '—'}</td>
              <td data-label={labels.note} className="pr-pre">
                {row.note || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
