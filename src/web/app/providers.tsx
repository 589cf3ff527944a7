/** Theme, server-state cache, notifications and the session-expired dialog, once for the app. */
import {
  Alert,
  Autocomplete,
  createTheme,
  Input,
  MantineProvider,
  Modal,
  Notification,
  Select,
  type CSSVariablesResolver,
} from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { autocompleteKeys, selectKeys } from '../components/pick-list-keys';
import { SessionExpiredDialog } from '../features/auth/components/session-expired-dialog';
import { ApiError } from '../lib/api-client';

const theme = createTheme({
  primaryColor: 'blue',
  // Shade 6 puts white button text at 3.5:1; shade 8 passes WCAG AA (4.5:1).
  primaryShade: 8,
  // Keyboard users always see where they are (WCAG 2.4.7); mouse clicks do not ring buttons.
  focusRing: 'auto',
  // A user who asks the system for less motion gets none from Mantine's transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  defaultRadius: 'sm',
  components: {
    Notification: Notification.extend({
      // Mantine's close button has no accessible name of its own.
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss this message' } },
      // Its gray-6 description under a title is below 4.5:1 on white.
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
    // A light alert's title is in its colour's shade 6 or 8, under 4.5:1 on the alert's own
    // tint (WCAG 1.4.3). Shade 9 is enough for red but not for yellow (2.8:1) or green (4.1:1),
    // so every colour's shade 9 is darkened by 30 % black: yellow becomes amber at 5.3:1.
    Alert: Alert.extend({
      vars: (_theme, props) =>
        props.variant === undefined || props.variant === 'light'
          ? {
              root: {
                '--alert-color': `color-mix(in srgb, var(--mantine-color-${props.color ?? 'blue'}-9) 70%, black)`,
              },
            }
          : { root: {} },
    }),
    // A field's hint ("e.g. ON, NY") goes under its box, so the boxes of a row of fields line up
    // whether or not each has a hint; fields beside buttons keep it above (hint-above.ts).
    InputWrapper: Input.Wrapper.extend({
      defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] },
    }),
    // Every pick-list: typing highlights the first match, Enter or Tab chooses it, and Enter in
    // an open list never submits the form (pick-list-keys.ts). Choosing the option already chosen
    // keeps it (Mantine's default blanks it: "Buff" + Enter on Buffalo emptied the port); a
    // field that may be blank has its clear button.
    Select: Select.extend({
      defaultProps: {
        selectFirstOptionOnChange: true,
        allowDeselect: false,
        onKeyDownCapture: selectKeys,
      },
    }),
    Autocomplete: Autocomplete.extend({ defaultProps: { onKeyDownCapture: autocompleteKeys } }),
    // Nor has the dialogs' close button (WCAG 4.1.2).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

// Mantine's dimmed grey is 3.3:1 on white; WCAG 1.4.3 asks 4.5:1 for text, so one step darker.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // The same for the problems shown under fields (red 6 is 3.3:1; red 9 passes).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Mantine's "success" slot under a field carries the rule engine's warnings
    // (src/web/lib/field-id.ts, FieldIssues): amber, not red, and no aria-invalid. Orange 9
    // darkened by 30 % black, as the alerts' titles, is over 4.5:1 on white.
    '--mantine-color-success': 'color-mix(in srgb, var(--mantine-color-orange-9) 70%, black)',
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network blip or a 5xx may.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <DatesProvider settings={{ firstDayOfWeek: 0 }}>
        <QueryClientProvider client={queryClient}>
          {/* Bottom right: a message never covers the header (company, sign-out) or the actions. */}
          <Notifications position="bottom-right" />
          <SessionExpiredDialog />
          {children}
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
