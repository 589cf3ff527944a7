/**
 * "Delete X?" with what deleting means, before anything is deleted. A refusal is shown in the
 * same dialog, in words; the record stays until the user confirms again.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Refusal } from '../lib/write-refusal';
import { DeleteRefusal } from './record-form-alerts';

export function ConfirmDelete(props: {
  title: string;
  noun: string;
  children: ReactNode;
  pending: boolean;
  error: unknown;
  refusal: Refusal | undefined;
  /** When the user saw what they delete (DeleteRefusal's `seen`); the list's by default. */
  seen?: string | undefined;
  /** The confirming button's word ("Remove"); "Delete" by default. */
  confirmLabel?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={props.onClose} title={props.title}>
      <Stack>
        {props.error !== null && props.error !== undefined && (
          <DeleteRefusal error={props.error} noun={props.noun} seen={props.seen} />
        )}
        <Text size="sm">{props.children}</Text>
        <Group justify="flex-end">
          {props.refusal === 'deleted-by-someone-else' ? (
            <Button variant="default" onClick={props.onClose}>
              Close
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={props.onClose}>
                Keep it
              </Button>
              <Button color="red" loading={props.pending} onClick={props.onConfirm}>
                {props.refusal === 'changed-by-someone-else'
                  ? `${props.confirmLabel ?? 'Delete'} anyway`
                  : (props.confirmLabel ?? 'Delete')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
