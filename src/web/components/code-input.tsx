/**
 * A text box for a code CBP reads in capitals: ISO country and state/province codes, postal
 * codes, filer, FIRMS and port codes, the trip-number prefix, the sender ID. What is typed is
 * upper-cased as it is typed, so `ca`, `cn` or `h2x1y4` are taken as CA, CN and H2X1Y4 instead
 * of being refused as "not an ISO 3166-1 alpha-2 code" or "not a postal code of CA".
 * The change handler sees the upper-cased value through the event as usual, so it binds to a
 * draft (`b.text`) and to a Mantine form (`form.getInputProps`) alike; the caret stays put.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import type { ChangeEvent } from 'react';

export function upperCaseAsTyped(event: ChangeEvent<HTMLInputElement>): void {
  const input = event.currentTarget;
  const upper = input.value.toUpperCase();
  if (upper === input.value) return;
  const { selectionStart, selectionEnd } = input;
  input.value = upper;
  input.setSelectionRange(selectionStart, selectionEnd);
}

export function CodeInput(props: TextInputProps) {
  const { onChange, ...rest } = props;
  return (
    <TextInput
      autoCapitalize="characters"
      spellCheck={false}
      {...rest}
      onChange={(event) => {
        upperCaseAsTyped(event);
        onChange?.(event);
      }}
    />
  );
}
