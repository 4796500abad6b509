import { useState, type InputHTMLAttributes } from 'react';
import { describedBy, FieldError } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';
import { formatBahtInput, parseBahtInput, parseNumberInput } from './money';

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode'>;

interface ParsedInputProps<T> extends NativeInput {
  id: string;
  value: T;
  /** The value an empty field stands for (null for an unanswered question, 0 for a budget amount). */
  emptyValue: T;
  onValue: (value: T) => void;
  parse: (text: string) => T | null | undefined;
  format: (value: T) => string;
  invalidMessage: string;
  decimal: boolean;
  suffix?: string;
}

/**
 * A text input for a number: the person's text stays as typed while it changes (so "12." or "1,5" are not
 * rewritten under their fingers); the value is passed up only when the text is a valid number, and the text is
 * tidied when the field is left. Text that is not a number shows a message and changes nothing.
 */
function ParsedInput<T>({
  id,
  value,
  emptyValue,
  onValue,
  parse,
  format,
  invalidMessage,
  decimal,
  suffix,
  onBlur,
  ...input
}: ParsedInputProps<T>) {
  const [text, setText] = useState(() => (value === emptyValue ? '' : format(value)));
  const [seen, setSeen] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const errorId = `${id}-invalid`;

  /** The value of a text, or null when the text is not a number at all. */
  const read = (raw: string): { value: T } | null => {
    const parsed = parse(raw);
    if (parsed === null) {
      return null;
    }
    return { value: parsed === undefined ? emptyValue : parsed };
  };

  // A change from outside (another version taken, a row removed): show it.
  if (value !== seen) {
    setSeen(value);
    if (read(text)?.value !== value) {
      setText(value === emptyValue || value === null ? '' : format(value));
      setInvalid(false);
    }
  }

  return (
    <>
      <span className="fr-affix">
        <input
          {...input}
          id={id}
          type="text"
          inputMode={decimal ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={text}
          aria-invalid={invalid || input['aria-invalid'] === true ? true : undefined}
          aria-describedby={describedBy(input['aria-describedby'], invalid && errorId)}
          onChange={(event) => {
            const raw = event.target.value;
            setText(raw);
            const next = read(raw);
            if (!next) {
              setInvalid(true);
              return;
            }
            setInvalid(false);
            if (next.value !== value) {
              setSeen(next.value);
              onValue(next.value);
            }
          }}
          onBlur={(event) => {
            const next = read(text);
            if (next && next.value !== emptyValue) {
              setText(format(next.value));
            }
            onBlur?.(event);
          }}
        />
        {suffix ? (
          <span className="fr-affix__suffix" aria-hidden="true">
            {suffix}
          </span>
        ) : null}
      </span>
      <FieldError id={errorId} message={invalid ? invalidMessage : undefined} />
    </>
  );
}

/** An amount of money typed in baht (two decimals) and held as integer satang. */
export function MoneyInput({
  emptyValue = null,
  value,
  onValue,
  ...rest
}: NativeInput & {
  id: string;
  value: number | null;
  onValue: (satang: number | null) => void;
  emptyValue?: number | null;
}) {
  const { t } = useI18n();
  return (
    <ParsedInput<number | null>
      {...rest}
      value={value}
      emptyValue={emptyValue}
      onValue={onValue}
      parse={parseBahtInput}
      format={formatBahtInput}
      invalidMessage={t('proposals.form.moneyInvalid')}
      decimal
      suffix={t('proposals.form.baht')}
    />
  );
}

/** A number (whole or decimal), with an optional unit after it. */
export function NumberInput({
  value,
  onValue,
  integer,
  unit,
  ...rest
}: NativeInput & {
  id: string;
  value: number | null;
  onValue: (value: number | null) => void;
  integer?: boolean | undefined;
  unit?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <ParsedInput<number | null>
      {...rest}
      value={value}
      emptyValue={null}
      onValue={onValue}
      parse={parseNumberInput}
      format={(n) => (n === null ? '' : String(n))}
      invalidMessage={t('proposals.form.numberInvalid')}
      decimal={!integer}
      {...(unit ? { suffix: unit } : {})}
    />
  );
}

/** Characters as the validator counts them (code points, so Thai combining marks count like letters). */
export function characterCount(text: string): number {
  return [...text].length;
}
