/**
 * "Filing with CBP" on the trip editor: Sync with CBP (dispatchers and admins), a re-key
 * confirmed when the trip number or ETA date changed after CBP accepted the trip, Cancel filing,
 * and for everyone the status of the trip and its shipments, the history with CBP's reasons
 * explained, and the raw interchanges. docs/edi.md, Sync with CBP.
 */
import { Alert, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { STATUSES_AT_BORDER, statusWords } from '../../../../domain/at-border.js';
import { ApiError } from '../../../lib/api-client';
import type { Session } from '../../../lib/api-types';
import { canEdit } from '../../auth/api/session';
import { useFiling, useSync, type SyncRequest, type SyncResult } from '../api/filing';
import { inFlight } from '../in-flight';
import { movedOn, standingOf } from '../standing';
import { FilingHistory, InterchangeList } from './filing-history';
import { FilingStatusTable } from './filing-status';
import { SyncError } from './sync-error';
import { instantText } from '../../../lib/port-time';

const REKEY = 'FILING_REKEY_UNCONFIRMED';

function isRekeyRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.issues.some((issue) => issue.code === REKEY);
}

function queued(result: SyncResult): string {
  const count = result.transmissions.length;
  return count === 1
    ? 'One message is on its way to CBP.'
    : `${String(count)} messages are on their way to CBP.`;
}

function RekeyDialog(props: {
  readonly pending: boolean;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}) {
  return (
    <Modal opened onClose={props.onClose} title="Re-key the trip at CBP?">
      <Stack>
        <Text size="sm">
          The trip number or the ETA date changed after CBP accepted the trip. CBP knows a trip by
          its number and arrival date, so it cannot simply be corrected: we cancel the trip and its
          shipments at CBP and file them again under the new key, in that order.
        </Text>
        <Text size="sm">Until CBP accepts the new filing, the trip is not on file.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it as filed
          </Button>
          <Button loading={props.pending} onClick={props.onConfirm}>
            Cancel and re-file
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CancelDialog(props: {
  readonly pending: boolean;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}) {
  return (
    <Modal opened onClose={props.onClose} title="Cancel the filing at CBP?">
      <Stack>
        <Text size="sm">
          Everything CBP accepted of this trip (the trip and its shipments) is withdrawn. The trip
          stays here as it is and can be filed again with Sync with CBP.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep the filing
          </Button>
          <Button color="red" loading={props.pending} onClick={props.onConfirm}>
            Cancel filing
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const timeOfDay = (iso: string) => instantText(iso, { timeOfDay: true });

/** Whether `iso` has passed; turns true by itself when it does (a timer, not a re-render). */
function useIsPast(iso: string): boolean {
  const [past, setPast] = useState(false);
  useEffect(() => {
    const timer = setTimeout(
      () => {
        setPast(true);
      },
      Math.max(0, Date.parse(iso) - Date.now()),
    );
    return () => {
      clearTimeout(timer);
    };
  }, [iso]);
  return past;
}

/**
 * CBP has not even acknowledged the last sync (no 997): from 30 minutes after sending, the
 * interchanges are taken as lost and may be sent again (docs/edi.md, when CBP does not answer).
 */
function NotAcknowledged(props: {
  readonly from: string;
  readonly editable: boolean;
  readonly pending: boolean;
  readonly onResend: () => void;
}) {
  const due = useIsPast(props.from);
  return (
    <Alert color="yellow" title="CBP has not acknowledged the last sync" role="status">
      <Text size="sm">
        CBP acknowledges what it receives within seconds. Nothing came back for what was sent last:
        it may have been lost on the way.{' '}
        {due
          ? 'It can be sent again now.'
          : `If nothing comes by ${timeOfDay(props.from)}, it can be sent again.`}
      </Text>
      {props.editable && (
        <Button
          mt="xs"
          variant="outline"
          disabled={!due}
          loading={props.pending}
          onClick={props.onResend}
        >
          Send again
        </Button>
      )}
    </Alert>
  );
}

function FilingPanel(props: { readonly tripId: string; readonly session: Session }) {
  const { tripId } = props;
  const editable = canEdit(props.session);
  const filing = useFiling(tripId);
  const sync = useSync(tripId);
  const [dialog, setDialog] = useState<'rekey' | 'cancel' | undefined>();

  // One sync at a time: a double click reaches here twice before the button shows it is busy,
  // and the second request would only be refused (FILING_IN_PROGRESS) beside the first.
  const sending = useRef(false);
  const send = (request: SyncRequest) => {
    if (sending.current) return;
    sending.current = true;
    sync.mutate(request, {
      onSuccess: (result) => {
        setDialog(undefined);
        const nothing = result.transmissions.length === 0;
        notifications.show({
          color: 'green',
          title: nothing
            ? 'Nothing to send'
            : request.cancel === true
              ? 'Cancel sent'
              : request.resend === true
                ? 'Sent to CBP again'
                : 'Sent to CBP',
          message: nothing ? 'CBP already has this trip as it is.' : queued(result),
        });
      },
      onError: (error) => {
        if (isRekeyRefusal(error)) setDialog('rekey');
        else setDialog(undefined);
      },
      onSettled: () => {
        sending.current = false;
      },
    });
  };

  const view = filing.data;
  const filed =
    view !== undefined && view.trip.status !== 'draft' && view.trip.status !== 'cancelled';
  // Arrived, released or held: CBP takes no cancel any more (FILING_TRIP_AT_BORDER).
  const atBorder = view !== undefined && STATUSES_AT_BORDER.has(view.trip.status);
  // A refusal answered a sync before the status moved on; once it has, it no longer holds.
  // The first status read is no move (Sync may be clicked before it arrives): standing.ts.
  const { reset } = sync;
  const standing = standingOf(view);
  const shown = useRef(standing);
  useEffect(() => {
    const before = shown.current;
    if (standing !== undefined) shown.current = standing;
    if (movedOn(before, standing)) reset();
  }, [standing, reset]);
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="trip-filing">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trip-filing">
          Filing with CBP
        </Title>
        {filing.isPending && <Loader size="sm" aria-label="Loading the filing status" />}
        {filing.isError && (
          <Alert color="red" role="alert" title="The filing status could not be read">
            {filing.error.message}
          </Alert>
        )}
        {view !== undefined && <FilingStatusTable tripId={tripId} view={view} />}
        {inFlight(view) && (
          <Text size="sm" role="status">
            Waiting for CBP; this refreshes by itself.
          </Text>
        )}
        {view?.resendFrom != null && (
          <NotAcknowledged
            key={view.resendFrom}
            from={view.resendFrom}
            editable={editable}
            pending={sync.isPending && dialog === undefined}
            onResend={() => {
              send({ resend: true });
            }}
          />
        )}
        {sync.isError && !isRekeyRefusal(sync.error) && <SyncError error={sync.error} />}
        {editable && (
          <Group>
            <Button
              loading={sync.isPending && dialog === undefined}
              onClick={() => {
                send({});
              }}
            >
              Sync with CBP
            </Button>
            {filed && !atBorder && (
              <Button
                variant="outline"
                color="red"
                onClick={() => {
                  sync.reset();
                  setDialog('cancel');
                }}
              >
                Cancel filing
              </Button>
            )}
            {atBorder && (
              <Text size="sm" c="dimmed">
                CBP reported the trip {statusWords(view.trip.status)}: its filing can no longer be
                cancelled.
              </Text>
            )}
          </Group>
        )}
        {view !== undefined && <FilingHistory tripId={tripId} view={view} />}
        {view !== undefined && <InterchangeList tripId={tripId} view={view} />}
      </Stack>
      {dialog === 'rekey' && (
        <RekeyDialog
          pending={sync.isPending}
          onConfirm={() => {
            send({ rekey: true });
          }}
          onClose={() => {
            setDialog(undefined);
            sync.reset();
          }}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          pending={sync.isPending}
          onConfirm={() => {
            send({ cancel: true });
          }}
          onClose={() => {
            setDialog(undefined);
          }}
        />
      )}
    </Paper>
  );
}

/** The trip editor's filing panel; nothing until the page knows its trip. */
export function TripFilingPanel(props: {
  readonly tripId: string | undefined;
  readonly session: Session;
}) {
  return props.tripId === undefined ? null : (
    <FilingPanel tripId={props.tripId} session={props.session} />
  );
}
