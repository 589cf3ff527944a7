/**
 * Every number field of the app: the text stays as typed and a mistake is said under the field
 * ("Quantity is a whole number, e.g. 20; "2.5" is not."). Mantine's NumberInput dropped the
 * characters it did not take as they were typed (a quantity's `2.5` became 25 or 2, a value's
 * `1e3` became 13) and clamped to its min on blur, silently filing another number.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { numberText, readNumberText } from '../lib/number-text';

export interface NumberFieldProps extends Omit<
  TextInputProps,
  'value' | 'onChange' | 'error' | 'type'
> {
  readonly value: number | undefined;
  /** The number typed; undefined while the field is empty or its text holds none. */
  readonly onChange: (value: number | undefined) => void;
  /** The rule engine's or the server's problems at the field; a mistake in the text goes first. */
  readonly error?: ReactNode;
  /** The field in words for its messages; the label when it is plain text. */
  readonly name?: string;
  /** Counts take whole numbers only. */
  readonly whole?: boolean;
  /** At most this many decimal places (2 for dollars and cents). */
  readonly decimals?: number;
}

export function NumberField(props: NumberFieldProps) {
  const { value, onChange, error, name, whole, decimals, ...input } = props;
  const rules = {
    name: name ?? (typeof props.label === 'string' ? props.label : 'This field'),
    whole,
    decimals,
  };
  const [text, setText] = useState(() => numberText(value));
  const [shown, setShown] = useState(value);
  // A value set from outside (another version loaded, the form cleared) replaces the text; the
  // number the text itself gave does not.
  if (!Object.is(shown, value)) {
    setShown(value);
    if (!Object.is(readNumberText(text, rules).value, value)) setText(numberText(value));
  }
  const mistake = readNumberText(text, rules).error;
  return (
    <TextInput
      {...input}
      inputMode={whole === true ? 'numeric' : 'decimal'}
      value={text}
      error={mistake ?? error}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        onChange(readNumberText(typed, rules).value);
      }}
    />
  );
}
