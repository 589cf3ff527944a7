/** The dialog an add or edit form opens in. */
import { Modal, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

export function RecordFormModal(props: {
  readonly title: string;
  readonly size: MantineSize;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  return (
    <Modal
      opened
      size={props.size}
      // A stray click beside the form must not throw away what was typed.
      closeOnClickOutside={false}
      onClose={props.onClose}
      title={props.title}
    >
      {props.children}
    </Modal>
  );
}
