/**
 * "Delete X?" for a versioned record (address-book entry, profile): the delete of the version
 * the list showed (useRecordDelete), and a "Deleted" notice once it is gone.
 */
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useRecordDelete, type RecordApi, type Versioned } from '../lib/record-writes';
import { ConfirmDelete } from './confirm-delete';

export function ConfirmRecordDelete<I, R extends Versioned>(props: {
  readonly api: RecordApi<I, R>;
  readonly record: R;
  /** What the record is called in the title and the notice. */
  readonly name: string;
  readonly noun: string;
  /** The notice once it is deleted. */
  readonly deletedMessage: string;
  readonly onClose: () => void;
  /** What deleting means. */
  readonly children: ReactNode;
}) {
  const remove = useRecordDelete(props.api);
  return (
    <ConfirmDelete
      title={`Delete ${props.name}?`}
      noun={props.noun}
      pending={remove.pending}
      error={remove.error}
      refusal={remove.refusal}
      onClose={props.onClose}
      onConfirm={() => {
        remove.remove(props.record, () => {
          notifications.show({ color: 'green', title: 'Deleted', message: props.deletedMessage });
          props.onClose();
        });
      }}
    >
      {props.children}
    </ConfirmDelete>
  );
}
