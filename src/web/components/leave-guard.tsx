/**
 * Never a lost edit: while a form holds changes that are not saved, leaving it asks first. A
 * link or the browser's Back inside the app opens "Leave without saving?" (React Router's
 * blocker); reloading or closing the tab gets the browser's own question (`beforeunload`).
 * Moving within the page (a problem's link to a field, `#f-…`) is not leaving.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

export function LeaveGuard(props: {
  /** Whether the form holds changes that are not saved. */
  readonly unsaved: boolean;
  /** What the changes are to: "this trip". */
  readonly what: string;
}) {
  const { unsaved } = props;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!unsaved) return undefined;
    const ask = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => {
      window.removeEventListener('beforeunload', ask);
    };
  }, [unsaved]);

  const stay = (): void => {
    if (blocker.state === 'blocked') blocker.reset();
  };
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={stay} title="Leave without saving?">
      <Stack>
        <Text size="sm">
          Your changes to {props.what} are not saved. Stay to save them, or leave and lose them.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay on this page
          </Button>
          <Button
            color="red"
            onClick={() => {
              if (blocker.state === 'blocked') blocker.proceed();
            }}
          >
            Leave without saving
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
