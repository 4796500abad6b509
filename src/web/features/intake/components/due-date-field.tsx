import { useId, useState } from 'react';
import { describedBy, FieldError } from '@web/components/ui/form';
import { bangkokDateOf, endOfBangkokDay } from '@web/features/call-admin/bangkok-time';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/**
 * A due date for a revision: a calendar date, due at the end of that Bangkok day (23:59:59), read back in the
 * Buddhist Era so that the officer sees what the applicant will see.
 */
export function DueDateField({
  value,
  onChange,
  error,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [today] = useState(() => bangkokDateOf(Date.now()));
  const iso = endOfBangkokDay(value);
  return (
    <div className="field form-field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{t('intake.actions.dueDate')}</label>
      <input
        id={id}
        type="date"
        min={today}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(`${id}-readback`, error ? `${id}-error` : undefined)}
        data-testid={testId}
      />
      <p id={`${id}-readback`} className="field__hint">
        {iso
          ? t('intake.actions.dueReadBack', { when: formatDate(iso, lang, 'dateTime') })
          : t('intake.actions.dueHint')}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
