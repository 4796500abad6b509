import { useMemo } from 'react';
import type { FieldErrors, FieldValues, Resolver, UseFormRegisterReturn } from 'react-hook-form';
import { TextAreaField, TextField } from '@web/components/ui/form';
import { useI18n, type MessageKey } from '@web/lib/i18n';

/**
 * A react-hook-form resolver from one of the call-admin form validators: its message keys become translated field
 * errors, and the values pass through unchanged when they are valid.
 */
export function useValidationResolver<V extends FieldValues>(
  validate: (values: V) => { ok: true } | { ok: false; errors: Partial<Record<string, MessageKey>> },
): Resolver<V> {
  const { t } = useI18n();
  return useMemo<Resolver<V>>(
    () => async (values) => {
      const validation = validate(values);
      if (validation.ok) {
        return { values, errors: {} };
      }
      const found: Record<string, { type: string; message: string }> = {};
      for (const [name, key] of Object.entries(validation.errors)) {
        if (key !== undefined) {
          found[name] = { type: 'validate', message: t(key) };
        }
      }
      return { values: {}, errors: found as FieldErrors<V> };
    },
    [t, validate],
  );
}

interface LanguageField {
  label: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}

/** The same text in Thai then English: two inputs (or text areas, with `rows`) with the same length limit. */
export function ThaiEnglishFields({
  th,
  en,
  maxLength,
  rows,
}: {
  th: LanguageField;
  en: LanguageField;
  maxLength: number;
  rows?: number;
}) {
  return (
    <>
      {(
        [
          ['th', th],
          ['en', en],
        ] as const
      ).map(([lang, field]) =>
        rows === undefined ? (
          <TextField
            key={lang}
            label={field.label}
            lang={lang}
            maxLength={maxLength}
            error={field.error}
            registration={field.registration}
          />
        ) : (
          <TextAreaField
            key={lang}
            label={field.label}
            lang={lang}
            rows={rows}
            maxLength={maxLength}
            error={field.error}
            registration={field.registration}
          />
        ),
      )}
    </>
  );
}
