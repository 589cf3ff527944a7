/**
 * "Paperwork" on the trip editor: the lead sheet (standard or detailed, the driver's name left
 * off if wanted) and the QR windshield placard for everyone; e-mailing the lead sheet to the
 * driver (the address filled in from the driver's profile) and driver's-page links for
 * dispatchers and admins. docs/paperwork.md.
 */
import {
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import type { Session } from '../../../lib/api-types';
import { canEdit } from '../../auth/api/session';
import {
  leadSheetUrl,
  placardUrl,
  useDriverEmails,
  useEmailLeadSheet,
  type LeadSheetOptions,
} from '../api/trip-paperwork';
import { DriverLinks } from './driver-links';

function emailFailure(error: Error): string {
  if (error instanceof ApiError && error.status === 409) {
    return `E-mail is not set up on this service, so nothing was sent. ${error.message} Print the lead sheet or send a driver's page link instead.`;
  }
  return error.message;
}

function EmailLeadSheet(props: { readonly tripId: string; readonly options: LeadSheetOptions }) {
  // undefined until the dispatcher types: the first driver's e-mail from the driver profile
  // the driver matches (by FAST card, else by name), when there is one.
  const [typed, setTo] = useState<string | undefined>(undefined);
  const drivers = useDriverEmails(props.tripId);
  const to = typed ?? drivers.data?.items[0]?.email ?? '';
  const email = useEmailLeadSheet(props.tripId);
  return (
    <form
      aria-label="E-mail the lead sheet"
      onSubmit={(event) => {
        event.preventDefault();
        email.mutate({ ...props.options, to: to.trim() });
      }}
    >
      <Stack gap="xs">
        <Group align="end">
          <TextInput
            type="email"
            label="Driver's e-mail address"
            value={to}
            onChange={(event) => {
              setTo(event.currentTarget.value);
            }}
            w={260}
          />
          <Button
            type="submit"
            variant="outline"
            loading={email.isPending}
            disabled={to.trim() === ''}
          >
            E-mail lead sheet to the driver
          </Button>
        </Group>
        {email.isError && (
          <Text size="sm" c="red.9" role="alert">
            {emailFailure(email.error)}
          </Text>
        )}
        {email.isSuccess && (
          <Text size="sm" role="status">
            The lead sheet was sent to {email.data.to}.
          </Text>
        )}
      </Stack>
    </form>
  );
}

function PaperworkPanel(props: { readonly tripId: string; readonly session: Session }) {
  const { tripId } = props;
  const [variant, setVariant] = useState<LeadSheetOptions['variant']>('standard');
  const [withoutDriver, setWithoutDriver] = useState(false);
  const options: LeadSheetOptions = { variant, driverName: !withoutDriver };
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="trip-paperwork">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trip-paperwork">
          Paperwork
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="lead-sheet-variant">
            Lead sheet
          </Text>
          <SegmentedControl
            aria-labelledby="lead-sheet-variant"
            value={variant}
            onChange={(value) => {
              setVariant(value === 'detailed' ? 'detailed' : 'standard');
            }}
            data={[
              { value: 'standard', label: 'Standard' },
              { value: 'detailed', label: 'Detailed' },
            ]}
          />
        </Stack>
        <Checkbox
          label="Leave the driver's name off"
          checked={withoutDriver}
          onChange={(event) => {
            setWithoutDriver(event.currentTarget.checked);
          }}
        />
        <Group>
          <Button
            component="a"
            href={leadSheetUrl(tripId, options)}
            target="_blank"
            rel="noopener"
            variant="outline"
          >
            Print the lead sheet
          </Button>
          <Button
            component="a"
            href={placardUrl(tripId)}
            target="_blank"
            rel="noopener"
            variant="outline"
          >
            Print the QR windshield placard
          </Button>
        </Group>
        {canEdit(props.session) && (
          <>
            <EmailLeadSheet tripId={tripId} options={options} />
            <DriverLinks tripId={tripId} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The trip editor's paperwork panel; nothing until the page knows its trip. */
export function TripPaperworkPanel(props: {
  readonly tripId: string | undefined;
  readonly session: Session;
}) {
  return props.tripId === undefined ? null : (
    <PaperworkPanel tripId={props.tripId} session={props.session} />
  );
}
