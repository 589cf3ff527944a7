/**
 * A saved record's row in a list table: its name as the row header, its cells, and an Actions
 * cell with Edit and Delete named after the row for screen readers. No Actions cell for a
 * viewer (no handlers given): the API refuses them the writes anyway.
 */
import { Button, Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface RowProps<R> {
  readonly record: R;
  /** What the row is called ("Edit Acme Freight"). */
  readonly name: string;
  readonly onEdit?: ((record: R) => void) | undefined;
  readonly onDelete?: ((record: R) => void) | undefined;
}

export function RecordRow<R>(props: RowProps<R> & { readonly children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{props.name}</Table.Th>
      {props.children}
      <EditDeleteCell {...props} />
    </Table.Tr>
  );
}

function EditDeleteCell<R>(props: RowProps<R>) {
  const { record, onEdit, onDelete } = props;
  if (onEdit === undefined || onDelete === undefined) return null;
  return (
    <Table.Td>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant="default"
          aria-label={`Edit ${props.name}`}
          onClick={() => {
            onEdit(record);
          }}
        >
          Edit
        </Button>
        <Button
          size="xs"
          variant="default"
          aria-label={`Delete ${props.name}`}
          onClick={() => {
            onDelete(record);
          }}
        >
          Delete
        </Button>
      </Group>
    </Table.Td>
  );
}
