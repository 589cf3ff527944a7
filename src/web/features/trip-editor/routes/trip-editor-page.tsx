/**
 * The trip editor (/trips/:id): the trip's own fields, saved with the version they were read
 * at (If-Match); its shipments in a virtualised list; and the rule engine's problems for the
 * whole trip, checked in a Web Worker as the user types, each linking to its field.
 */
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Issue, Session, TripDocument, TripRecord } from '../../../lib/api-types';
import { EditorColumns } from '../../../components/editor-columns';
import { useLeaveGuard } from '../../../components/leave-guard';
import { LoadState } from '../../../components/load-state';
import { SaveError } from '../../../components/save-conflict';
import { api } from '../../../lib/api-client';
import { saveOverTheirs } from '../../../lib/save-over-theirs';
import { inShipment } from '../../../../domain/json-pointer.js';
import { issuesAt } from '../../../lib/field-id';
import { useDraft } from '../../../lib/use-draft';
import { useFocusFromHash } from '../../../lib/use-focus-from-hash';
import { canEdit } from '../../auth/api/session';
import { TripFilingPanel } from '../../filing/components/trip-filing-panel';
import { TripPaperworkPanel } from '../../paperwork/components/trip-paperwork-panel';
import { IssueList, type IssueTarget } from '../../validation/components/issue-list';
import { ProblemsPanel } from '../../validation/components/problems-panel';
import { useLiveValidation } from '../../validation/use-live-validation';
import { CsvUpload } from '../../csv-upload';
import { useSaveTrip, useTrip, useTripShipments, useTripValidation } from '../api/trip';
import { TrailerFields, TruckFields } from '../components/conveyance-fields';
import { CrewFields } from '../components/crew-fields';
import { DeleteTrip } from '../components/delete-trip';
import { IitFields } from '../components/iit-fields';
import { TripFields } from '../components/trip-fields';
import { TripShipments } from '../components/trip-shipments';

/** The trip's own fields: the shipments are edited on their own pages. */
function ownFields(document: TripDocument): TripDocument {
  const { shipments: _shipments, ...own } = document;
  return own;
}

function TripForm(props: {
  readonly trip: TripRecord;
  readonly session: Session;
  /** Drops the form and shows the trip as saved now. */
  readonly onReload: () => void;
}) {
  const { trip, session } = props;
  const editable = canEdit(session);
  const draft = useDraft(() => ownFields(trip.document));
  const [version, setVersion] = useState(trip.version);
  const save = useSaveTrip(trip.id);
  const shipmentPages = useTripShipments(trip.id);
  const records = useMemo(
    () => shipmentPages.data?.pages.flatMap((page) => page.items) ?? [],
    [shipmentPages.data],
  );
  const whole = useMemo(
    () => ({ ...draft.value, shipments: records.map((record) => record.shipment) }),
    [draft.value, records],
  );
  const issues = useLiveValidation(
    shipmentPages.isSuccess ? whole : undefined,
    session.company.scac,
  );
  // Each part of the form gets its own issues: a key typed in one part redraws that part only.
  const parts = useMemo(
    () => ({
      own: issuesAt(issues, '/tripNumber', '/usPortOfArrival', '/estimatedArrivalDateTime'),
      truck: issuesAt(issues, '/truck'),
      trailers: issuesAt(issues, '/trailers'),
      drivers: issuesAt(issues, '/drivers'),
      passengers: issuesAt(issues, '/passengers'),
      instruments: issuesAt(issues, '/instrumentsOfInternationalTraffic'),
    }),
    [issues],
  );
  const { value } = draft;
  // What every part of the form is given besides its value and issues; `set` keeps its identity.
  const common = { set: draft.set, readOnly: !editable };
  useFocusFromHash(true);
  const leaving = useLeaveGuard(draft.value, 'this trip', editable);

  const submit = (onVersion: number) => {
    const sent = draft.value;
    save.mutate(
      { document: sent, version: onVersion },
      {
        onSuccess: (result) => {
          setVersion(result.trip.version);
          leaving.saved(sent);
          notifications.show({
            color: 'green',
            title: 'Trip saved',
            message: `Trip ${result.trip.tripNumber} is saved.`,
          });
        },
      },
    );
  };
  // Keep mine: saved on top of the version someone else saved.
  const overwrite = () => {
    saveOverTheirs(
      () => api<TripRecord>('GET', `/trips/${trip.id}`),
      'The trip was not saved',
      (latest) => {
        setVersion(latest.version);
        submit(latest.version);
      },
    );
  };

  const targetOf = useCallback(
    (issue: Issue): IssueTarget => {
      const at = inShipment(issue.path);
      const record = at === undefined ? undefined : records[at.index];
      return record === undefined || at === undefined
        ? { pointer: issue.path }
        : { to: `/shipments/${record.id}`, pointer: at.rest };
    },
    [records],
  );
  // The problems name each shipment by its SCN (edited on its own page: as loaded).
  const scnAt = useCallback(
    (index: number) => records[index]?.shipment.shipmentControlNumber,
    [records],
  );
  const loadedSoFar = shipmentPages.hasNextPage ? records.length : undefined;
  // The shipments not loaded yet are checked on the server, as saved, until they are loaded.
  const saved = useTripValidation(trip.id, loadedSoFar !== undefined);
  const notLoaded = useMemo(() => {
    if (loadedSoFar === undefined || saved.data === undefined) return undefined;
    const { issues: all, shipmentIds } = saved.data;
    const loaded = new Set(records.map((record) => record.id));
    return all.filter((issue) => {
      const at = inShipment(issue.path);
      const id = at === undefined ? undefined : shipmentIds[String(at.index)];
      return id !== undefined && !loaded.has(id);
    });
  }, [loadedSoFar, saved.data, records]);
  const savedTargetOf = useCallback(
    (issue: Issue): IssueTarget => {
      const at = inShipment(issue.path);
      const id = at === undefined ? undefined : saved.data?.shipmentIds[String(at.index)];
      return id === undefined || at === undefined
        ? { pointer: issue.path }
        : { to: `/shipments/${id}`, pointer: at.rest };
    },
    [saved.data],
  );
  // The same element while the problems and the shipments loaded stay the same: typing in
  // the trip's fields does not redraw the column beside the form.
  const side = useMemo(
    () => (
      <Stack>
        <ProblemsPanel
          id="trip-problems"
          title="Problems in this trip"
          issues={issues}
          targetOf={targetOf}
          scnAt={scnAt}
          clean={
            loadedSoFar === undefined
              ? undefined
              : '✓ No problems in the trip and the shipments loaded so far.'
          }
        >
          {loadedSoFar !== undefined && (
            <>
              <Text size="sm" mt="xs">
                Checked as you type: the trip and the {loadedSoFar} shipments loaded so far.
              </Text>
              <Title order={3} size="h5" mt="sm" id="trip-problems-not-loaded" mb={4}>
                In the shipments not loaded yet, as saved
              </Title>
              {saved.isError ? (
                <Text size="sm" c="red.9" role="alert">
                  The server could not check them: {saved.error.message}
                </Text>
              ) : notLoaded === undefined ? (
                <Text size="sm" c="dimmed">
                  Checking on the server…
                </Text>
              ) : notLoaded.length === 0 ? (
                <Text size="sm" role="status">
                  No problems in them.
                </Text>
              ) : (
                <IssueList
                  issues={notLoaded}
                  title="Problems in the shipments not loaded yet"
                  targetOf={savedTargetOf}
                />
              )}
            </>
          )}
        </ProblemsPanel>
        <Paper component="section" withBorder p="md" aria-labelledby="trip-shipments">
          <Title order={2} size="h4" id="trip-shipments" mb="xs">
            Shipments
          </Title>
          <TripShipments tripId={trip.id} canEdit={editable} />
        </Paper>
      </Stack>
    ),
    [
      issues,
      targetOf,
      scnAt,
      loadedSoFar,
      saved.isError,
      saved.error,
      notLoaded,
      savedTargetOf,
      trip.id,
      editable,
    ],
  );

  return (
    <EditorColumns
      formLabel="Trip"
      onSubmit={() => {
        submit(version);
      }}
      side={side}
    >
      {leaving.dialog}
      <TripFields
        tripNumber={value.tripNumber}
        port={value.usPortOfArrival}
        eta={value.estimatedArrivalDateTime}
        issues={parts.own}
        {...common}
        scac={session.company.scac}
      />
      <TruckFields value={value.truck} issues={parts.truck} {...common} />
      <TrailerFields value={value.trailers} issues={parts.trailers} {...common} />
      <CrewFields kind="drivers" value={value.drivers} issues={parts.drivers} {...common} />
      <CrewFields
        kind="passengers"
        value={value.passengers}
        issues={parts.passengers}
        {...common}
      />
      <IitFields
        value={value.instrumentsOfInternationalTraffic}
        issues={parts.instruments}
        {...common}
      />
      {save.isError && (
        <SaveError
          error={save.error}
          what="trip"
          busy={save.isPending}
          onOverwrite={overwrite}
          onReload={props.onReload}
          compare={{
            key: `trip ${trip.id}`,
            mine: draft.value,
            theirs: () =>
              api<TripRecord>('GET', `/trips/${trip.id}`).then((latest) =>
                ownFields(latest.document),
              ),
          }}
        />
      )}
      {editable && (
        <Group justify="space-between">
          <Button type="submit" loading={save.isPending}>
            Save trip
          </Button>
          <DeleteTrip
            tripId={trip.id}
            tripNumber={trip.tripNumber}
            version={version}
            beforeLeaving={leaving.leaveFreely}
          />
        </Group>
      )}
    </EditorColumns>
  );
}

export function TripEditorPage({ session }: { readonly session: Session }) {
  const { id } = useParams();
  const trip = useTrip(id);
  // Bumped to drop the form's input and start again from the trip as saved now.
  const [generation, setGeneration] = useState(0);
  const reload = () => {
    void trip.refetch().then(() => {
      setGeneration((count) => count + 1);
    });
  };
  return (
    <Stack>
      <Anchor component={Link} to="/">
        ← Back to trips
      </Anchor>
      <Title order={1} size="h2">
        {trip.data === undefined ? 'Trip' : `Trip ${trip.data.tripNumber}`}
        {trip.data !== undefined && (
          <Text span c="dimmed" size="md" ml="sm">
            {trip.data.status}
          </Text>
        )}
      </Title>
      <LoadState
        centered
        pending={trip.isPending}
        error={trip.error}
        loadingLabel="Loading the trip"
        failedTitle="The trip could not be opened"
      />
      {trip.data !== undefined && (
        <TripForm
          key={`${trip.data.id}-${String(generation)}`}
          trip={trip.data}
          session={session}
          onReload={reload}
        />
      )}
      {trip.data !== undefined && <CsvUpload session={session} tripId={trip.data.id} />}
      <TripFilingPanel tripId={trip.data?.id} session={session} />
      <TripPaperworkPanel tripId={trip.data?.id} session={session} />
    </Stack>
  );
}
