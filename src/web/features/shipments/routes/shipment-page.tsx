/**
 * Start New ACE Shipment (/shipments/new, ?trip=ID to start it on a trip) and the same page
 * for a saved shipment (/shipments/:id): type, SCN, province of loading, the trip it is on,
 * quick-assigned parties and its commodities, checked by the rule engine as the user types; a
 * saved informal shipment's papers to download. A saved shipment can be deleted, and a
 * commodity removed from it (the shipment saved without it, with the version read).
 */
import {
  Anchor,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Commodity, Session, Shipment, ShipmentRecord } from '../../../lib/api-types';
import { api } from '../../../lib/api-client';
import { saveOverTheirs } from '../../../lib/save-over-theirs';
import { fieldId, focusField, issuesUnder } from '../../../lib/field-id';
import { ConfirmDelete } from '../../../components/confirm-delete';
import { EditorColumns } from '../../../components/editor-columns';
import { LoadState } from '../../../components/load-state';
import { SaveError } from '../../../components/save-conflict';
import { bind, useDraft } from '../../../lib/use-draft';
import { useLeaveGuard } from '../../../components/leave-guard';
import { useFocusFromHash } from '../../../lib/use-focus-from-hash';
import { canEdit } from '../../auth/api/session';
import { useTrip } from '../../trip-editor/api/trip';
import { ShipmentPapersButton } from '../../paperwork/components/shipment-papers-button';
import { ProblemsPanel } from '../../validation/components/problems-panel';
import { useLiveValidation } from '../../validation/use-live-validation';
import { useSaveShipment, useShipment, useSuggestedScn } from '../api/shipment';
import { DeleteShipment } from '../components/delete-shipment';
import { InBondFields } from '../components/in-bond-fields';
import { QuickAssign } from '../components/quick-assign';
import { Section321Notice, section321Refusal } from '../components/section-321-notice';
import { provinceChoices, shipmentTypeChoices } from '../components/shipment-choices';
import { TripChoice } from '../components/trip-choice';
import { useShipmentValidationDocument } from '../use-shipment-validation';

const BLANK: Shipment = { type: 'PAPS' };

/** "commodity 2 (Maple syrup)": a line as the questions and notices about it name it. */
function commodityName(commodity: Commodity | undefined, index: number): string {
  const description = commodity?.description?.trim() ?? '';
  return `commodity ${String(index + 1)}${description === '' ? '' : ` (${description})`}`;
}

function ShipmentForm(props: {
  readonly record: ShipmentRecord | undefined;
  readonly initialTripId: string | null;
  readonly session: Session;
  /** Drops the form and shows the shipment as saved now. */
  readonly onReload?: () => void;
}) {
  const { record, session } = props;
  const editable = canEdit(session);
  const scac = session.company.scac;
  const navigate = useNavigate();
  const draft = useDraft<Shipment>(() => record?.shipment ?? BLANK);
  const [tripId, setTripId] = useState<string | null>(record?.tripId ?? props.initialTripId);
  // The trip it is attached to is part of what is saved.
  const leaving = useLeaveGuard({ shipment: draft.value, tripId }, 'this shipment', editable);
  // The version and trip the server holds, as last read or saved: what a save changes.
  const [base, setBase] = useState(
    record === undefined ? undefined : { version: record.version, tripId: record.tripId },
  );
  const trip = useTrip(tripId ?? undefined);
  const suggested = useSuggestedScn(record === undefined).data?.shipmentControlNumber;
  // A new shipment's blank SCN is the suggested one on save: checked as such, not as missing.
  const checked = useMemo(
    () =>
      (draft.value.shipmentControlNumber ?? '') === '' && suggested !== undefined
        ? { ...draft.value, shipmentControlNumber: suggested }
        : draft.value,
    [draft.value, suggested],
  );
  const document = useShipmentValidationDocument(checked, tripId, trip.data);
  const allIssues = useLiveValidation(document, scac);
  const issues = useMemo(() => issuesUnder(allIssues, '/shipments/0'), [allIssues]);
  const b = bind(draft, issues);
  const save = useSaveShipment();
  useFocusFromHash(true);
  const refusal = section321Refusal(issues);
  const commodities = draft.value.commodities ?? [];
  // The commodity whose removal is being asked about.
  const [removing, setRemoving] = useState<number | undefined>(undefined);

  const submit = (
    then: 'stay' | 'commodity',
    on = base,
    shipment: Shipment = draft.value,
    message = 'is saved.',
  ) => {
    const sent = { shipment, tripId };
    save.mutate(
      {
        shipment: sent.shipment,
        tripId: sent.tripId,
        existing: record === undefined || on === undefined ? undefined : { id: record.id, ...on },
      },
      {
        onSuccess: (result) => {
          setBase({ version: result.shipment.version, tripId: result.shipment.tripId });
          const saved = result.shipment;
          notifications.show({
            color: 'green',
            title: 'Shipment saved',
            message: `Shipment ${saved.shipment.shipmentControlNumber ?? ''} ${message}`,
          });
          leaving.saved(sent);
          if (then === 'commodity') {
            leaving.leaveFreely();
            void navigate(`/shipments/${saved.id}/commodities/new`);
          } else if (record === undefined) {
            leaving.leaveFreely();
            void navigate(`/shipments/${saved.id}`, { replace: true });
          }
        },
      },
    );
  };

  /** Takes the line off the draft and saves the shipment without it, as Save would. */
  const removeCommodity = (index: number) => {
    const rest = commodities.filter((_, at) => at !== index);
    const without = rest.length === 0 ? undefined : rest;
    draft.set('/commodities', without);
    setRemoving(undefined);
    submit(
      'stay',
      base,
      { ...draft.value, commodities: without },
      `is saved without ${commodityName(commodities[index], index)}.`,
    );
  };

  return (
    <EditorColumns
      formLabel="Shipment"
      onSubmit={() => {
        submit('stay');
      }}
      side={
        <ProblemsPanel id="shipment-problems" title="Problems in this shipment" issues={issues} />
      }
    >
      {leaving.dialog}
      {refusal !== undefined && (
        <Section321Notice
          refusal={refusal}
          canEdit={editable}
          onConvert={() => {
            draft.set('/type', 'PAPS');
            // After the change is drawn: the broker is the next thing to fill in.
            requestAnimationFrame(() => {
              focusField('/broker');
            });
          }}
        />
      )}
      {record !== undefined && (
        <ShipmentPapersButton record={record} draftType={draft.value.type} />
      )}
      <Fieldset legend="Shipment" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            id={fieldId('/type')}
            label="Shipment Type"
            data={shipmentTypeChoices}
            value={draft.value.type ?? null}
            {...b.issues('/type')}
            allowDeselect={false}
            onChange={(value) => {
              draft.set('/type', value ?? undefined);
            }}
          />
          <TextInput
            label="Shipment Control Number"
            description={
              record === undefined
                ? `Starts with your SCAC, ${scac}. Leave it blank to get the next number of your sequence${suggested === undefined ? '' : `, ${suggested}`}, when you save.`
                : `Starts with your SCAC, ${scac}.`
            }
            placeholder={suggested ?? `${scac} + next number`}
            leftSection={
              <Text size="xs" fw={600} aria-hidden>
                SCN
              </Text>
            }
            {...b.text('/shipmentControlNumber')}
          />
          <Select
            id={fieldId('/provinceOfLoading')}
            label="Province of Loading"
            description="Where the carrier took the goods on"
            data={provinceChoices}
            value={draft.value.provinceOfLoading ?? null}
            {...b.issues('/provinceOfLoading')}
            searchable
            clearable
            onChange={(value) => {
              draft.set('/provinceOfLoading', value ?? undefined);
            }}
          />
          <TripChoice
            id={fieldId('/trip')}
            tripId={tripId}
            tripNumber={trip.data?.tripNumber}
            onChange={setTripId}
            readOnly={!editable}
          />
        </SimpleGrid>
      </Fieldset>
      {(draft.value.type === 'IN_BOND' || draft.value.inBond !== undefined) && (
        <InBondFields draft={draft} b={b} readOnly={!editable} />
      )}
      <QuickAssign kind="shipper" draft={draft} b={b} readOnly={!editable} />
      <QuickAssign kind="consignee" draft={draft} b={b} readOnly={!editable} />
      <QuickAssign kind="broker" draft={draft} b={b} readOnly={!editable} />
      <Fieldset legend="Commodities" id={fieldId('/commodities')} tabIndex={-1}>
        {commodities.length === 0 ? (
          <Text size="sm">No commodity yet.</Text>
        ) : (
          <Table aria-label="Commodities">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Description</Table.Th>
                <Table.Th>Quantity</Table.Th>
                <Table.Th>Weight</Table.Th>
                <Table.Th>Value (US$)</Table.Th>
                {editable && record !== undefined && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {commodities.map((commodity, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    {record === undefined ? (
                      (commodity.description ?? '(no description)')
                    ) : (
                      <Anchor
                        component={Link}
                        to={`/shipments/${record.id}/commodities/${String(index)}`}
                        id={fieldId(`/commodities/${String(index)}`)}
                      >
                        {commodity.description ?? '(no description)'}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {commodity.quantity ?? '—'} {commodity.packagingUnit ?? ''}
                  </Table.Td>
                  <Table.Td>
                    {commodity.weight ?? '—'} {commodity.weightUnit ?? ''}
                  </Table.Td>
                  <Table.Td>{commodity.value ?? '—'}</Table.Td>
                  {editable && record !== undefined && (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${commodityName(commodity, index)}`}
                        onClick={() => {
                          setRemoving(index);
                        }}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Fieldset>
      {removing !== undefined && (
        <ConfirmDelete
          title={`Remove ${commodityName(commodities[removing], removing)}?`}
          noun="commodity"
          confirmLabel="Remove"
          pending={save.isPending}
          error={undefined}
          refusal={undefined}
          onClose={() => {
            setRemoving(undefined);
          }}
          onConfirm={() => {
            removeCommodity(removing);
          }}
        >
          The line is taken off the shipment and the shipment is saved without it (with any other
          change on this page). The other lines keep their order.
        </ConfirmDelete>
      )}
      {save.isError && (
        <SaveError
          error={save.error}
          what="shipment"
          busy={save.isPending}
          onOverwrite={
            record === undefined
              ? undefined
              : () => {
                  saveOverTheirs(
                    () => api<ShipmentRecord>('GET', `/shipments/${record.id}`),
                    'The shipment was not saved',
                    (latest) => {
                      const now = { version: latest.version, tripId: latest.tripId };
                      setBase(now);
                      submit('stay', now);
                    },
                  );
                }
          }
          onReload={props.onReload}
          compare={
            record === undefined
              ? undefined
              : {
                  key: `shipment ${record.id}`,
                  mine: draft.value,
                  theirs: () =>
                    api<ShipmentRecord>('GET', `/shipments/${record.id}`).then(
                      (latest) => latest.shipment,
                    ),
                }
          }
        />
      )}
      {editable && (
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
          <Button
            variant="outline"
            loading={save.isPending}
            onClick={() => {
              submit('commodity');
            }}
          >
            Save and Add Commodity
          </Button>
          <Button
            variant="default"
            onClick={() => {
              // Cancel drops the changes: nothing to ask.
              leaving.leaveFreely();
              void navigate(tripId === null ? '/' : `/trips/${tripId}`);
            }}
          >
            Cancel
          </Button>
          <Button
            variant="default"
            onClick={() => {
              draft.replace({
                ...BLANK,
                shipmentControlNumber: record?.shipment.shipmentControlNumber,
              });
            }}
          >
            Clear
          </Button>
          {record !== undefined && base !== undefined && (
            <DeleteShipment
              shipmentId={record.id}
              scn={record.shipment.shipmentControlNumber ?? ''}
              version={base.version}
              tripId={base.tripId}
              beforeLeaving={leaving.leaveFreely}
            />
          )}
        </Group>
      )}
    </EditorColumns>
  );
}

export function ShipmentPage({ session }: { readonly session: Session }) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const shipment = useShipment(id);
  const [generation, setGeneration] = useState(0);
  const reload = () => {
    void shipment.refetch().then(() => {
      setGeneration((count) => count + 1);
    });
  };
  const heading =
    id === undefined
      ? 'Start New ACE Shipment'
      : `Shipment ${shipment.data?.shipment.shipmentControlNumber ?? ''}`;
  const tripId = id === undefined ? search.get('trip') : (shipment.data?.tripId ?? null);
  return (
    <Stack>
      <Anchor component={Link} to={tripId === null ? '/' : `/trips/${tripId}`}>
        {tripId === null ? '← Back to trips' : '← Back to the trip'}
      </Anchor>
      <Title order={1} size="h2">
        {heading}
      </Title>
      <LoadState
        centered
        pending={id !== undefined && shipment.isPending}
        error={shipment.error}
        loadingLabel="Loading the shipment"
        failedTitle="The shipment could not be opened"
      />
      {id === undefined && (
        <ShipmentForm record={undefined} initialTripId={tripId} session={session} />
      )}
      {shipment.data !== undefined && (
        <ShipmentForm
          key={`${shipment.data.id}-${String(generation)}`}
          record={shipment.data}
          initialTripId={shipment.data.tripId}
          session={session}
          onReload={reload}
        />
      )}
    </Stack>
  );
}
