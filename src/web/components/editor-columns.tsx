/**
 * An editor page's two columns: the form (two thirds on a wide screen) and what stands beside
 * it (its problems), one above the other on a narrow one.
 */
import { Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export function EditorColumns(props: {
  /** The form's name ("Shipment"). */
  readonly formLabel: string;
  readonly onSubmit: () => void;
  /** The form's fieldsets and buttons. */
  readonly children: ReactNode;
  readonly side: ReactNode;
}) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form
          aria-label={props.formLabel}
          onSubmit={(event) => {
            event.preventDefault();
            props.onSubmit();
          }}
        >
          <Stack>{props.children}</Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>{props.side}</Grid.Col>
    </Grid>
  );
}
