import type { ReportDetail } from '@shared/contracts/projects';
import { bahtToSatang } from '@web/features/call-admin/baht';
import { FieldError, describedBy } from '@web/components/ui/form';
import { formatBaht } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { fieldDomId, type ExpenditureDraft } from '../report-form';

type Line = ReportDetail['expenditures'][number];

/** The satang a typed amount stands for, 0 while it is empty or not an amount. */
export function typedSatang(text: string): number {
  const satang = bahtToSatang(text);
  return typeof satang === 'number' ? satang : 0;
}

/** "งบบุคลากร · ค่าตอบแทนนักวิจัย": the category and the line's description. */
export function useLineName() {
  const { t } = useI18n();
  return (line: Pick<Line, 'category' | 'description'>) =>
    `${t(`proposals.form.budget.categories.${line.category}`)} · ${line.description}`;
}

function Remaining({ satang }: { satang: number }) {
  const { t, lang } = useI18n();
  return satang < 0 ? (
    <span className="pr-over">
      {t('projectReportsUi.expenditure.over', { amount: formatBaht(-satang, lang) })}
    </span>
  ) : (
    <>{formatBaht(satang, lang)}</>
  );
}

/**
 * Spending per budget line: approved, spent in earlier approved reports, spent in this period (typed in baht) and
 * what remains; a line overspent shows by how much. On a phone each line is a card.
 */
export function ExpendituresEditor({
  report,
  expenditures,
  errors,
  onChange,
}: {
  report: ReportDetail;
  expenditures: ExpenditureDraft[];
  errors: Record<string, string>;
  onChange: (budgetLineId: string, part: Partial<ExpenditureDraft>) => void;
}) {
  const { t, lang } = useI18n();
  const lineName = useLineName();
  if (report.expenditures.length === 0) {
    return <p className="pr-muted">{t('projectReportsUi.expenditure.none')}</p>;
  }
  const totals = { approved: 0, before: 0, now: 0 };
  for (const line of report.expenditures) {
    const draft = expenditures.find((e) => e.budgetLineId === line.budgetLineId);
    totals.approved += line.approvedSatang;
    totals.before += line.spentBeforeSatang;
    totals.now += draft ? typedSatang(draft.spent) : 0;
  }
  const labels = {
    line: t('projectReportsUi.expenditure.line'),
    approved: t('projectReportsUi.expenditure.approved'),
    before: t('projectReportsUi.expenditure.spentBefore'),
    now: t('projectReportsUi.expenditure.spentNow'),
    remaining: t('projectReportsUi.expenditure.remaining'),
    note: t('projectReportsUi.expenditure.note'),
  };
  return (
    <div className="pr-table-wrap">
      <table className="data-table data-table--stack pr-table pr-spend" data-testid="report-expenditures">
        <thead>
          <tr>
            <th scope="col">{labels.line}</th>
            <th scope="col" className="numeric">
              {labels.approved}
            </th>
            <th scope="col" className="numeric">
              {labels.before}
            </th>
            <th scope="col" className="pr-spend__now">
              {labels.now}
            </th>
            <th scope="col" className="numeric">
              {labels.remaining}
            </th>
            <th scope="col" className="pr-spend__note">
              {labels.note}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.expenditures.map((line) => {
            const draft = expenditures.find((e) => e.budgetLineId === line.budgetLineId);
            if (!draft) {
              return null;
            }
            const name = lineName(line);
            const key = `expenditures.${line.budgetLineId}`;
            const spentKey = `${key}.spentSatang`;
            const spentId = fieldDomId(spentKey);
            const spentError = errors[spentKey] ?? errors[key];
            const noteId = fieldDomId(`${key}.note`);
            const noteError = errors[`${key}.note`];
            const remaining = line.approvedSatang - line.spentBeforeSatang - typedSatang(draft.spent);
            return (
              <tr key={line.budgetLineId} data-testid="expenditure-line">
                <th scope="row" data-label={labels.line} className="pr-spend__line">
                  {name}
                </th>
                <td className="numeric" data-label={labels.approved}>
                  {formatBaht(line.approvedSatang, lang)}
                </td>
                <td className="numeric" data-label={labels.before}>
                  {formatBaht(line.spentBeforeSatang, lang)}
                </td>
                <td data-label={labels.now} className="pr-spend__now">
                  <div className="pr-cell-field" data-invalid={spentError ? 'true' : undefined}>
                    <input
                      id={spentId}
                      className="pr-money"
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="0"
                      value={draft.spent}
                      onChange={(event) => onChange(line.budgetLineId, { spent: event.target.value })}
                      aria-label={t('projectReportsUi.expenditure.spentLabel', { line: name })}
                      aria-invalid={spentError ? true : undefined}
                      aria-describedby={describedBy(spentError && `${spentId}-error`)}
                      data-testid="expenditure-spent"
                    />
                    <FieldError id={`${spentId}-error`} message={spentError} />
                  </div>
                </td>
                <td className="numeric" data-label={labels.remaining} data-testid="expenditure-remaining">
                  <Remaining satang={remaining} />
                </td>
                <td data-label={labels.note} className="pr-spend__note">
                  <div className="pr-cell-field" data-invalid={noteError ? 'true' : undefined}>
                    <input
                      id={noteId}
                      autoComplete="off"
                      maxLength={500}
                      value={draft.note}
                      onChange={(event) => onChange(line.budgetLineId, { note: event.target.value })}
                      aria-label={t('projectReportsUi.expenditure.noteLabel', { line: name })}
                      aria-invalid={noteError ? true : undefined}
                      aria-describedby={describedBy(noteError && `${noteId}-error`)}
                    />
                    <FieldError id={`${noteId}-error`} message={noteError} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr className="pr-table__total">
            <th scope="row" data-label={labels.line}>
              {t('projectReportsUi.expenditure.total')}
            </th>
            <td className="numeric" data-label={labels.approved}>
              {formatBaht(totals.approved, lang)}
            </td>
            <td className="numeric" data-label={labels.before}>
              {formatBaht(totals.before, lang)}
            </td>
            <td className="numeric" data-label={labels.now} data-testid="expenditure-total-now">
              {formatBaht(totals.now, lang)}
            </td>
            <td className="numeric" data-label={labels.remaining}>
              <Remaining satang={totals.approved - totals.before - totals.now} />
            </td>
            <td className="pr-table__blank" aria-hidden="true" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The same table, read only. */
export function ExpendituresView({ report }: { report: ReportDetail }) {
  const { t, lang } = useI18n();
  const lineName = useLineName();
  if (report.expenditures.length === 0) {
    return <p className="pr-muted">{t('projectReportsUi.expenditure.none')}</p>;
  }
  const totals = { approved: 0, before: 0, now: 0 };
  for (const line of report.expenditures) {
    totals.approved += line.approvedSatang;
    totals.before += line.spentBeforeSatang;
    totals.now += line.spentSatang;
  }
  const labels = {
    line: t('projectReportsUi.expenditure.line'),
    approved: t('projectReportsUi.expenditure.approved'),
    before: t('projectReportsUi.expenditure.spentBefore'),
    now: t('projectReportsUi.expenditure.spentNowShort'),
    remaining: t('projectReportsUi.expenditure.remaining'),
    note: t('projectReportsUi.expenditure.note'),
  };
  return (
    <div className="pr-table-wrap">
      <table className="data-table data-table--stack pr-table pr-spend" data-testid="report-expenditures">
        <thead>
          <tr>
            <th scope="col">{labels.line}</th>
            <th scope="col" className="numeric">
              {labels.approved}
            </th>
            <th scope="col" className="numeric">
              {labels.before}
            </th>
            <th scope="col" className="numeric">
              {labels.now}
            </th>
            <th scope="col" className="numeric">
              {labels.remaining}
            </th>
            <th scope="col" className="pr-spend__note">
              {labels.note}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.expenditures.map((line) => (
            <tr key={line.budgetLineId} data-testid="expenditure-line">
              <th scope="row" data-label={labels.line} className="pr-spend__line">
                {lineName(line)}
              </th>
              <td className="numeric" data-label={labels.approved}>
                {formatBaht(line.approvedSatang, lang)}
              </td>
              <td className="numeric" data-label={labels.before}>
                {formatBaht(line.spentBeforeSatang, lang)}
              </td>
              <td className="numeric" data-label={labels.now}>
                {formatBaht(line.spentSatang, lang)}
              </td>
              <td className="numeric" data-label={labels.remaining}>
                <Remaining satang={line.approvedSatang - line.spentBeforeSatang - line.spentSatang} />
              </td>
              <td data-label={labels.note} className="pr-pre">
                {line.note || '—'}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="pr-table__total">
            <th scope="row" data-label={labels.line}>
              {t('projectReportsUi.expenditure.total')}
            </th>
            <td className="numeric" data-label={labels.approved}>
              {formatBaht(totals.approved, lang)}
            </td>
            <td className="numeric" data-label={labels.before}>
              {formatBaht(totals.before, lang)}
            </td>
            <td className="numeric" data-label={labels.now}>
              {formatBaht(totals.now, lang)}
            </td>
            <td className="numeric" data-label={labels.remaining}>
              <Remaining satang={totals.approved - totals.before - totals.now} />
            </td>
            <td className="pr-table__blank" aria-hidden="true" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
