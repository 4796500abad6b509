import { useState, type InputHTMLAttributes } from 'react';

/**
 * A number typed as text (baht, a percentage, a count): the text is kept as typed while it does not parse, and the
 * parent hears `onValue` only with a parsed value (null = empty) and `onValidity` whether the text parses.
 * A new value from outside (a proxy picked from the library) replaces the text.
 */
export function SrNumberInput<T>({
  value,
  format,
  parse,
  onValue,
  onValidity,
  ...rest
}: {
  value: T;
  format: (value: T) => string;
  /** The value of the text, or `undefined` when it does not parse. */
  parse: (text: string) => T | undefined;
  onValue: (value: T) => void;
  onValidity: (valid: boolean) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [text, setText] = useState(() => format(value));
  const [shown, setShown] = useState<T>(value);
  if (!Object.is(value, shown) && JSON.stringify(value) !== JSON.stringify(shown)) {
    setShown(value);
    setText(format(value));
  }
  const invalid = parse(text) === undefined;
  return (
    <input
      type="text"
      inputMode="decimal"
      {...rest}
      value={text}
      aria-invalid={invalid || rest['aria-invalid'] === true ? true : undefined}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const parsed = parse(next);
        onValidity(parsed !== undefined);
        if (parsed !== undefined) {
          setShown(parsed);
          onValue(parsed);
        }
      }}
    />
  );
}
