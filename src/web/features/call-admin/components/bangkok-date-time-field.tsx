import { useId, useMemo, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, FieldError } from '@web/components/ui/form';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { bangkokToIso, type BangkokDateTime } from '../bangkok-time';

const MONTH_LOCALE = { th: 'th-TH', en: 'en-GB' } as const;

/**
 * A moment typed in Bangkok time: day, month, year in the Buddhist Era and a 24-hour time, in one fieldset, with
 * the moment read back in words ("1 ธ.ค. 2569 09:00") so the officer sees what the applicants will see.
 */
export function BangkokDateTimeField({
  legend,
  hint,
  error,
  value,
  fields,
  withSeconds,
  testId,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: BangkokDateTime;
  fields: Record<keyof BangkokDateTime, UseFormRegisterReturn>;
  withSeconds?: boolean;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const readBackId = `${id}-readback`;
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(MONTH_LOCALE[lang], { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 1))));
  }, [lang]);
  const iso = bangkokToIso(value);
  const invalid = error ? true : undefined;
  const described = describedBy(hint ? hintId : undefined, error ? errorId : undefined, readBackId);
  return (
    <fieldset
      className="ca-datetime"
      data-invalid={error ? 'true' : undefined}
      aria-describedby={described}
      data-testid={testId}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="ca-datetime__parts">
        <div className="field ca-datetime__day">
          <label htmlFor={`${id}-day`}>{t('calls.admin.dateTime.day')}</label>
          <select id={`${id}-day`} aria-invalid={invalid} {...fields.day}>
            <option value="">–</option>
            {Array.from({ length: 31 }, (_, i) => (
              <option key={i + 1} value={String(i + 1)}>
                {i + 1}
              </option>
            ))}
          </select>
        </div>
        <div className="field ca-datetime__month">
          <label htmlFor={`${id}-month`}>{t('calls.admin.dateTime.month')}</label>
          <select id={`${id}-month`} aria-invalid={invalid} {...fields.month}>
            <option value="">–</option>
            {months.map((name, i) => (
              <option key={name} value={String(i + 1)}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field ca-datetime__year">
          <label htmlFor={`${id}-year`}>{t('calls.admin.dateTime.yearBe')}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder="2569"
            aria-invalid={invalid}
            {...fields.yearBe}
          />
        </div>
        <div className="field ca-datetime__time">
          <label htmlFor={`${id}-time`}>{t('calls.admin.dateTime.time')}</label>
          <input
            id={`${id}-time`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            placeholder={withSeconds ? '23:59:59' : '09:00'}
            aria-invalid={invalid}
            {...fields.time}
          />
        </div>
      </div>
      <p id={readBackId} className="ca-datetime__readback" aria-live="polite">
        {iso ? t('calls.admin.dateTime.readBack', { when: formatDate(iso, lang, 'dateTimeSeconds') }) : null}
      </p>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
