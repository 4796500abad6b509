import { useEffect, useRef } from 'react';
import type { Question } from '@shared/contracts/forms';
import { budgetTotalSatang } from '@shared/forms/validate';
import { describedBy, FieldError } from '@web/components/ui/form';
import { formatBaht, formatDate } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { useRenderer } from './context';
import { GroupFrame, type FrameProps } from './frames';
import { MoneyInput } from './inputs';
import { domIdOf, issueText, issuesAt } from './issues';

export type TableQuestionType = Extract<
  Question,
  { type: 'team_table' | 'budget_table' | 'milestones_table' }
>;

type CellKind = 'text' | 'email' | 'money' | 'date' | 'category';

export interface TableColumn {
  key: string;
  label: MessageKey;
  kind: CellKind;
}

/** The columns of each table question, in order. */
export const TABLE_COLUMNS: Record<TableQuestionType['type'], readonly TableColumn[]> = {
  team_table: [
    { key: 'name', label: 'proposals.form.team.name', kind: 'text' },
    { key: 'role', label: 'proposals.form.team.role', kind: 'text' },
    { key: 'organisation', label: 'proposals.form.team.organisation', kind: 'text' },
    { key: 'email', label: 'proposals.form.team.email', kind: 'email' },
  ],
  budget_table: [
    { key: 'category', label: 'proposals.form.budget.category', kind: 'category' },
    { key: 'description', label: 'proposals.form.budget.description', kind: 'text' },
    { key: 'amountSatang', label: 'proposals.form.budget.amount', kind: 'money' },
  ],
  milestones_table: [
    { key: 'title', label: 'proposals.form.milestones.title', kind: 'text' },
    { key: 'dueDate', label: 'proposals.form.milestones.dueDate', kind: 'date' },
    { key: 'deliverable', label: 'proposals.form.milestones.deliverable', kind: 'text' },
  ],
};

function newRow(question: TableQuestionType): Record<string, unknown> {
  switch (question.type) {
    case 'team_table':
      return { name: '', role: '', organisation: '', email: '' };
    case 'budget_table':
      return { category: question.categories[0] ?? 'other', description: '', amountSatang: 0 };
    case 'milestones_table':
      return { title: '', dueDate: '', deliverable: '' };
    default: {
      const exhaustive: never = question;
      return exhaustive;
    }
  }
}

export function tableRows(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value)
    ? value.map((row) => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {}))
    : [];
}

/** A team, budget or milestones table: rows added and removed, each cell labelled with its column and row. */
export function TableQuestion({
  question,
  frame,
  value,
}: {
  question: TableQuestionType;
  frame: FrameProps;
  value: unknown;
}) {
  const { t, lang } = useI18n();
  const { form, answers, prefix, issues, update, grant } = useRenderer();
  const rows = tableRows(value);
  const columns = TABLE_COLUMNS[question.type];
  const field = `answers.${question.id}`;
  const addRef = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    const row = focusRow.current;
    if (row === null) {
      return;
    }
    focusRow.current = null;
    const first = columns[0];
    const target =
      row >= 0 && first ? document.getElementById(domIdOf(prefix, `${field}.${row}.${first.key}`)) : null;
    (target ?? addRef.current)?.focus();
  }, [rows.length, columns, field, prefix]);

  const setCell = (index: number, key: string, cell: unknown) =>
    update(question.id, (previous) =>
      tableRows(previous).map((row, i) => (i === index ? { ...row, [key]: cell } : row)),
    );

  const addRow = () => {
    focusRow.current = rows.length;
    update(question.id, (previous) => [...tableRows(previous), newRow(question)]);
  };

  const removeRow = (index: number) => {
    focusRow.current = -1;
    update(question.id, (previous) => tableRows(previous).filter((_, i) => i !== index));
  };

  const isBudget = question.type === 'budget_table';
  const tableTotal = isBudget
    ? rows.reduce((sum, row) => sum + (typeof row.amountSatang === 'number' ? row.amountSatang : 0), 0)
    : 0;
  const formTotal = isBudget ? budgetTotalSatang(form, answers) : 0;
  let grantMessage: { tone: 'ok' | 'problem'; text: string } | null = null;
  if (isBudget && grant && rows.length > 0) {
    const max = formatBaht(grant.maxSatang, lang);
    const min = formatBaht(grant.minSatang, lang);
    if (formTotal > grant.maxSatang) {
      grantMessage = {
        tone: 'problem',
        text: t('proposals.form.budget.overMax', {
          max,
          over: formatBaht(formTotal - grant.maxSatang, lang),
        }),
      };
    } else if (formTotal < grant.minSatang) {
      grantMessage = { tone: 'problem', text: t('proposals.form.budget.underMin', { min }) };
    } else {
      grantMessage = { tone: 'ok', text: t('proposals.form.budget.withinRange') };
    }
  }

  const renderCell = (column: TableColumn, row: Record<string, unknown>, index: number) => {
    const cellField = `${field}.${index}.${column.key}`;
    const cellId = domIdOf(prefix, cellField);
    const cellIssues = issuesAt(issues, cellField);
    const errorId = `${cellId}-error`;
    const tie = {
      id: cellId,
      'aria-label': `${t(column.label)} ${t('proposals.form.table.row', { n: index + 1 })}`,
      'aria-invalid': cellIssues.length > 0 ? (true as const) : undefined,
      'aria-describedby': describedBy(cellIssues.length > 0 && errorId),
    };
    const raw = row[column.key];
    let control;
    switch (column.kind) {
      case 'text':
      case 'email':
        control = (
          <input
            {...tie}
            type={column.kind === 'email' ? 'email' : 'text'}
            value={typeof raw === 'string' ? raw : ''}
            onChange={(e) => setCell(index, column.key, e.target.value)}
          />
        );
        break;
      case 'date':
        control = (
          <>
            <input
              {...tie}
              type="date"
              className="fr-date"
              value={typeof raw === 'string' ? raw : ''}
              onChange={(e) => setCell(index, column.key, e.target.value)}
            />
            {typeof raw === 'string' && raw ? (
              <span className="fr-table__date">{formatDate(raw, lang, 'medium')}</span>
            ) : null}
          </>
        );
        break;
      case 'money':
        control = (
          <MoneyInput
            {...tie}
            value={typeof raw === 'number' ? raw : 0}
            emptyValue={0}
            onValue={(satang) => setCell(index, column.key, satang ?? 0)}
          />
        );
        break;
      case 'category': {
        const categories = question.type === 'budget_table' ? question.categories : [];
        control = (
          <select
            {...tie}
            value={typeof raw === 'string' ? raw : ''}
            onChange={(e) => setCell(index, column.key, e.target.value)}
          >
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`proposals.form.budget.categories.${c}`)}
              </option>
            ))}
          </select>
        );
        break;
      }
      default: {
        const exhaustive: never = column.kind;
        return exhaustive;
      }
    }
    return (
      <td
        key={column.key}
        data-label={t(column.label)}
        className={`fr-table__cell fr-table__cell--${column.kind}`}
      >
        {control}
        <FieldError id={errorId} message={cellIssues[0] ? issueText(cellIssues[0], t, lang) : undefined} />
      </td>
    );
  };

  return (
    <GroupFrame
      {...frame}
      meta={
        grantMessage ? (
          <p
            className={
              grantMessage.tone === 'ok' ? 'fr-budget-check' : 'fr-budget-check fr-budget-check--problem'
            }
            role="status"
          >
            {grantMessage.text}
            {grant ? (
              <span className="fr-budget-check__range">
                {t('proposals.form.budget.grantRange', {
                  min: formatBaht(grant.minSatang, lang),
                  max: formatBaht(grant.maxSatang, lang),
                })}
              </span>
            ) : null}
          </p>
        ) : null
      }
    >
      {rows.length === 0 ? (
        <p className="fr-table__empty">{t('proposals.form.table.empty')}</p>
      ) : (
        <div className="fr-table-wrap">
          <table className={`fr-table fr-table--${question.type}`}>
            <thead>
              <tr>
                <th scope="col" className="fr-table__num">
                  #
                </th>
                {columns.map((column) => (
                  <th scope="col" key={column.key}>
                    {t(column.label)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('proposals.form.table.removeRow')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} id={domIdOf(prefix, `${field}.${index}`)}>
                  <th
                    scope="row"
                    className="fr-table__num"
                    data-label={t('proposals.form.table.row', { n: index + 1 })}
                  >
                    <span>{index + 1}</span>
                  </th>
                  {columns.map((column) => renderCell(column, row, index))}
                  <td className="fr-table__actions">
                    <button
                      type="button"
                      className="fr-small-button fr-small-button--danger"
                      aria-label={t('proposals.form.table.removeRowLabel', { n: index + 1 })}
                      onClick={() => removeRow(index)}
                    >
                      {t('proposals.form.table.removeRow')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            {isBudget ? (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={columns.length}>
                    {t('proposals.form.budget.total')}
                  </th>
                  <td className="fr-table__total" data-testid={`budget-total-${question.id}`}>
                    {formatBaht(tableTotal, lang)}
                  </td>
                  <td />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      )}
      <div className="fr-table__add">
        <button
          ref={addRef}
          type="button"
          className="fr-small-button"
          onClick={addRow}
          disabled={rows.length >= question.maxRows}
        >
          + {t('proposals.form.table.addRow')}
        </button>
        <span className="fr-table__count">
          {t('proposals.form.table.rows', { count: rows.length, max: question.maxRows })}
        </span>
      </div>
    </GroupFrame>
  );
}
