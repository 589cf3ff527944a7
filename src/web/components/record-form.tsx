/**
 * The frame of a form that saves a versioned record (address-book entry, profile): a refused
 * save in words above the fields, Cancel and "Save <noun>" below them.
 */
import { Button, Group, Stack } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { SaveRefusal } from './record-form-alerts';

export function RecordForm(props: {
  readonly noun: string;
  /** The last save's failure; null when there is none. */
  readonly saveError: unknown;
  readonly pending: boolean;
  readonly onSubmit: ComponentProps<'form'>['onSubmit'];
  readonly onCancel: () => void;
  readonly children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={props.onSubmit}>
      <Stack>
        {props.saveError !== null && <SaveRefusal error={props.saveError} noun={props.noun} />}
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={props.pending}>
            Save {props.noun}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
