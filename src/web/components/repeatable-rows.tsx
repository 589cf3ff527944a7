/**
 * A fieldset of rows the user adds and removes (licence plates, travel documents): each row's
 * fields, its Remove button, a line when there is none, and an Add button.
 */
import { Button, Fieldset, Grid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function RepeatableRows<T>(props: {
  readonly legend: string;
  readonly rows: readonly T[];
  /** The row's grid columns; the Remove button takes the last one. */
  readonly renderRow: (row: T, index: number) => ReactNode;
  readonly removeLabel: (index: number) => string;
  readonly onRemove: (index: number) => void;
  readonly emptyText: string;
  readonly addLabel: string;
  readonly onAdd: () => void;
}) {
  return (
    <Fieldset legend={props.legend}>
      <Stack>
        {props.rows.map((row, index) => (
          // Rows have no identity of their own; the row's place is its key.
          <Grid key={index} align="end">
            {props.renderRow(row, index)}
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Button
                variant="default"
                aria-label={props.removeLabel(index)}
                onClick={() => {
                  props.onRemove(index);
                }}
              >
                Remove
              </Button>
            </Grid.Col>
          </Grid>
        ))}
        {props.rows.length === 0 && <Text size="sm">{props.emptyText}</Text>}
        <Button variant="default" onClick={props.onAdd}>
          {props.addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}
