/**
 * The Actions cell of a list row: Edit and Delete, named after the row for screen readers.
 * Absent for a viewer (no handlers given): the API refuses them the writes anyway.
 */
import { Button, Group, Table } from '@mantine/core';

export function EditDeleteCell<R>(props: {
  readonly record: R;
  /** What the row is called ("Edit Acme Freight"). */
  readonly name: string;
  readonly onEdit?: ((record: R) => void) | undefined;
  readonly onDelete?: ((record: R) => void) | undefined;
}) {
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
