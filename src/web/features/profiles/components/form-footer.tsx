/** Cancel and Save at the foot of a profile form; Save names what it saves. */
import { Button, Group } from '@mantine/core';

export function FormFooter(props: { noun: string; pending: boolean; onCancel: () => void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={props.pending}>
        Save {props.noun}
      </Button>
    </Group>
  );
}
