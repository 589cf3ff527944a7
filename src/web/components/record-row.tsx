/**
 * A saved record's row in a list table: its name as the row header, its cells, and an Actions
 * cell with Edit and Delete named after the row for screen readers. No Actions cell for a
 * viewer (no handlers given): the API refuses them the writes anyway.
 */
import { Button, Group, Table, Text } from '@mantine/core';
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
      {/* A long name (236 characters, 150 without a space) wraps anywhere within the column and
          stops after three lines, whole in its tooltip, instead of widening the table to 2000 px. */}
      <Table.Th scope="row" miw={160} maw={320}>
        <Text
          component="div"
          inherit
          lineClamp={3}
          title={props.name}
          style={{ overflowWrap: 'anywhere' }}
        >
          {props.name}
        </Text>
      </Table.Th>
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
