import type { ReactNode } from 'react';
import { FieldError } from '@web/components/ui/form';
import { DueDateField } from './due-date-field';

/**
 * The officer's written reason (or revision comment) and, when returning for revision, the due date: the block the
 * single-proposal actions and the bulk actions share. Typing in a field clears that field's error (`onEdit`).
 */
export function ReasonFields({
  id,
  label,
  rows,
  maxLength,
  reason,
  onReasonChange,
  due,
  onDueChange,
  withDue,
  errors,
  onEdit,
  testIds,
}: {
  /** The textarea's id; its error is `${id}-error`. */
  id: string;
  label: ReactNode;
  rows: number;
  maxLength: number;
  reason: string;
  onReasonChange: (value: string) => void;
  due: string;
  onDueChange: (value: string) => void;
  withDue: boolean;
  errors: { reason?: string | undefined; due?: string | undefined };
  onEdit: (field: 'reason' | 'due') => void;
  testIds: { reason: string; due: string };
}) {
  return (
    <>
      <div className="field form-field form-textarea" data-invalid={errors.reason ? 'true' : undefined}>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          rows={rows}
          maxLength={maxLength}
          value={reason}
          onChange={(event) => {
            onReasonChange(event.target.value);
            onEdit('reason');
          }}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${id}-error` : undefined}
          data-testid={testIds.reason}
        />
        <FieldError id={`${id}-error`} message={errors.reason} />
      </div>
      {withDue ? (
        <DueDateField
          value={due}
          onChange={(value) => {
            onDueChange(value);
            onEdit('due');
          }}
          error={errors.due}
          testId={testIds.due}
        />
      ) : null}
    </>
  );
}
