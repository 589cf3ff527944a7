/** The Edit and Delete buttons of a list row, named after the row for screen readers. */
import { Button, Group } from '@mantine/core';

export function EditDeleteButtons(props: {
  /** What the row is called ("Edit Acme Freight"). */
  readonly name: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" aria-label={`Edit ${props.name}`} onClick={props.onEdit}>
        Edit
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={`Delete ${props.name}`}
        onClick={props.onDelete}
      >
        Delete
      </Button>
    </Group>
  );
}
