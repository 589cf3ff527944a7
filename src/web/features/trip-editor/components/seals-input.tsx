/** Seal numbers typed as one line, separated by commas or spaces; kept as the user types it. */
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { wordsOf } from '../../../lib/set-in';

export function SealsInput(props: {
  readonly id: string;
  readonly label: string;
  readonly value: readonly string[] | undefined;
  readonly onChange: (seals: string[] | undefined) => void;
  readonly error?: string | undefined;
  readonly readOnly?: boolean;
}) {
  const [text, setText] = useState((props.value ?? []).join(', '));
  return (
    <TextInput
      id={props.id}
      label={props.label}
      description="Separate several seals with commas"
      value={text}
      error={props.error}
      readOnly={props.readOnly}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        props.onChange(wordsOf(next));
      }}
    />
  );
}
