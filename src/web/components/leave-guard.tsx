/**
 * Never a lost edit: while a form holds changes that are not saved, leaving it asks first. A
 * link or the browser's Back inside the app opens "Leave without saving?" (React Router's
 * blocker); reloading or closing the tab gets the browser's own question (`beforeunload`).
 * Moving within the page (a problem's link to a field, `#f-…`) is not leaving, nor is what the
 * form does itself once saved (Save and Add Commodity) or asked to drop (Cancel).
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useBlocker, useLocation } from 'react-router';

export interface LeaveGuard {
  /** The dialog, to render anywhere in the form. */
  readonly dialog: ReactElement;
  /** The form's value as it was just saved: from now on, changes are counted from it. */
  readonly saved: (value: unknown) => void;
  /** Lets the next navigation through unasked: called just before the form navigates itself. */
  readonly leaveFreely: () => void;
}

/** A form's value as text to compare with what was saved; a field typed and emptied is unset. */
function asSavedText(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === '' ? undefined : field));
}

/**
 * `value`: what the form holds now, compared with its value at mount (what was read, or a new
 * form as offered) or as last `saved`; `what`: what the changes are to ("this trip");
 * `editable`: false for a viewer, who has nothing to lose.
 */
export function useLeaveGuard(value: unknown, what: string, editable: boolean): LeaveGuard {
  const [savedText, setSavedText] = useState(() => asSavedText(value));
  const unsaved = editable && asSavedText(value) !== savedText;
  const saved = useCallback((sent: unknown) => {
    setSavedText(asSavedText(sent));
  }, []);
  const free = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && !free.current && currentLocation.pathname !== nextLocation.pathname,
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
  const leaveFreely = useCallback(() => {
    free.current = true;
  }, []);
  // Once the form has moved on, it is guarded again (a page that stays mounted on a new address).
  const { key } = useLocation();
  useEffect(() => {
    free.current = false;
  }, [key]);

  const stay = (): void => {
    if (blocker.state === 'blocked') blocker.reset();
  };
  const dialog = (
    <Modal opened={blocker.state === 'blocked'} onClose={stay} title="Leave without saving?">
      <Stack>
        <Text size="sm">
          Your changes to {what} are not saved. Stay to save them, or leave and lose them.
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
  return { dialog, saved, leaveFreely };
}
