/**
 * The trip editor (/trips/:id): the trip's own fields, saved with the version they were read
 * at (If-Match); its shipments in a virtualised list; and the rule engine's problems for the
 * whole trip, checked in a Web Worker as the user types, each linking to its field.
 */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Fieldset,
  Grid,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Issue, Session, TripDocument, TripRecord } from '../../../lib/api-types';
import { SaveError } from '../../../components/save-conflict';
import { api } from '../../../lib/api-client';
import { saveOverTheirs } from '../../../lib/save-over-theirs';
import { fieldId } from '../../../lib/field-id';
import { bind, useDraft } from '../../../lib/use-draft';
import { useFocusFromHash } from '../../../lib/use-focus-from-hash';
import { canEdit } from '../../auth/api/session';
import { TripFilingPanel } from '../../filing/components/trip-filing-panel';
import { TripPaperworkPanel } from '../../paperwork/components/trip-paperwork-panel';
import { IssueList, type IssueTarget } from '../../validation/components/issue-list';
import { useLiveValidation } from '../../validation/use-live-validation';
import { CsvUpload } from '../../csv-upload';
import { useSaveTrip, useTrip, useTripShipments } from '../api/trip';
import { TrailerFields, TruckFields } from '../components/conveyance-fields';
import { CrewFields } from '../components/crew-fields';
import { EtaInput } from '../components/eta-input';
import { IitFields } from '../components/iit-fields';
import { PortChooser } from '../../../components/port-chooser';
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
  const b = bind(draft, issues);
  useFocusFromHash(true);

  const submit = (onVersion: number) => {
    save.mutate(
      { document: draft.value, version: onVersion },
      {
        onSuccess: (result) => {
          setVersion(result.trip.version);
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

  const targetOf = (issue: Issue): IssueTarget => {
    const match = /^\/shipments\/(\d+)(.*)$/.exec(issue.path);
    if (match === null) return { pointer: issue.path };
    const record = records[Number(match[1])];
    return record === undefined
      ? { pointer: issue.path }
      : { to: `/shipments/${record.id}`, pointer: match[2] ?? '' };
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <form
          aria-label="Trip"
          onSubmit={(event) => {
            event.preventDefault();
            submit(version);
          }}
        >
          <Stack>
            <Fieldset legend="Trip" disabled={!editable}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Trip number"
                  description={`Your next number from the company sequence; starts with ${session.company.scac}`}
                  {...b.text('/tripNumber')}
                />
                <PortChooser
                  id={fieldId('/usPortOfArrival')}
                  value={draft.value.usPortOfArrival}
                  error={b.error('/usPortOfArrival')}
                  readOnly={!editable}
                  onChange={(code) => {
                    draft.set('/usPortOfArrival', code);
                  }}
                />
              </SimpleGrid>
              <EtaInput
                id={fieldId('/estimatedArrivalDateTime')}
                value={draft.value.estimatedArrivalDateTime}
                portCode={draft.value.usPortOfArrival}
                error={b.error('/estimatedArrivalDateTime')}
                readOnly={!editable}
                onChange={(eta) => {
                  draft.set('/estimatedArrivalDateTime', eta);
                }}
              />
            </Fieldset>
            <TruckFields draft={draft} b={b} readOnly={!editable} />
            <TrailerFields draft={draft} b={b} readOnly={!editable} />
            <CrewFields kind="drivers" draft={draft} b={b} readOnly={!editable} />
            <CrewFields kind="passengers" draft={draft} b={b} readOnly={!editable} />
            <IitFields draft={draft} b={b} readOnly={!editable} />
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
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Save trip
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack>
          <Paper component="section" withBorder p="md" aria-labelledby="trip-problems">
            <Title order={2} size="h4" id="trip-problems" mb="xs">
              Problems in this trip
            </Title>
            <IssueList issues={issues} title="Problems in this trip" targetOf={targetOf} />
            {shipmentPages.hasNextPage && (
              <Text size="sm" mt="xs">
                Checked with the {records.length} shipments loaded so far; scroll the shipments list
                to load and check the rest.
              </Text>
            )}
          </Paper>
          <Paper component="section" withBorder p="md" aria-labelledby="trip-shipments">
            <Title order={2} size="h4" id="trip-shipments" mb="xs">
              Shipments
            </Title>
            <TripShipments tripId={trip.id} canEdit={editable} />
          </Paper>
        </Stack>
      </Grid.Col>
    </Grid>
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
      {trip.isPending && (
        <Center>
          <Loader aria-label="Loading the trip" />
        </Center>
      )}
      {trip.isError && (
        <Alert color="red" role="alert" title="The trip could not be opened">
          {trip.error.message}
        </Alert>
      )}
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
