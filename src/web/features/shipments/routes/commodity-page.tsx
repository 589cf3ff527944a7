/**
 * Add Commodity (/shipments/:id/commodities/new) and edit one (/…/commodities/2): the goods
 * line of a shipment with the ACE eManifest required-field legend, checked by the rule engine
 * as the user types; saved into the shipment (If-Match), then back to the shipment.
 */
import {
  Anchor,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PACKAGING_UNITS } from '../../../../codes/simple-lists.js';
import { WEIGHT_UNITS } from '../../../../codes/trade-codes.js';
import type { Commodity, Session, ShipmentRecord, TripRecord } from '../../../lib/api-types';
import { api } from '../../../lib/api-client';
import { saveOverTheirs } from '../../../lib/save-over-theirs';
import { fieldId, issuesUnder } from '../../../lib/field-id';
import { EditorColumns } from '../../../components/editor-columns';
import { LoadState } from '../../../components/load-state';
import { NumberField } from '../../../components/number-field';
import { SaveError } from '../../../components/save-conflict';
import { bind, useDraft } from '../../../lib/use-draft';
import { useLeaveGuard } from '../../../components/leave-guard';
import { canEdit } from '../../auth/api/session';
import { useTrip } from '../../trip-editor/api/trip';
import { ProblemsPanel } from '../../validation/components/problems-panel';
import { useLiveValidation } from '../../validation/use-live-validation';
import { useDescriptionSuggestions, useSaveShipment, useShipment } from '../api/shipment';
import { labelWith, RequiredLegend } from '../components/required-legend';
import { useShipmentValidationDocument } from '../use-shipment-validation';
import { CodeInput } from '../../../components/code-input';

const DESCRIPTION_MAX = 45; // ACE's limit for a commodity description (COMMODITY_DESCRIPTION_TOO_LONG).

const packagingUnits = PACKAGING_UNITS.map((row) => ({
  value: row.code,
  label: `${row.name} (${row.code})`,
}));
const weightUnits = Object.entries(WEIGHT_UNITS).map(([code, name]) => ({
  value: code,
  label: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} (${code})`,
}));

/** The truck and each trailer of the trip, as "TYPE|number" choices. */
function equipmentOf(trip: TripRecord | undefined) {
  const choices: { value: string; label: string }[] = [];
  const truck = trip?.document.truck?.number;
  if (truck !== undefined) choices.push({ value: `TRUCK|${truck}`, label: `Truck ${truck}` });
  for (const trailer of trip?.document.trailers ?? []) {
    if (trailer.number !== undefined) {
      choices.push({ value: `TRAILER|${trailer.number}`, label: `Trailer ${trailer.number}` });
    }
  }
  return choices;
}

/** A new line is loaded on the trailer when the trip has one, else on the truck. */
function defaultLoadedOn(trip: TripRecord | undefined): Commodity['loadedOn'] {
  const trailer = trip?.document.trailers?.find((item) => item.number !== undefined);
  if (trailer?.number !== undefined) return { type: 'TRAILER', number: trailer.number };
  const truck = trip?.document.truck?.number;
  return truck === undefined ? undefined : { type: 'TRUCK', number: truck };
}

function CommodityForm(props: {
  readonly record: ShipmentRecord;
  readonly trip: TripRecord | undefined;
  readonly index: number;
  readonly session: Session;
}) {
  const { record, trip, index, session } = props;
  const editable = canEdit(session);
  const navigate = useNavigate();
  const existing = useMemo(() => record.shipment.commodities ?? [], [record.shipment]);
  const draft = useDraft<Commodity>(
    () => existing[index] ?? { loadedOn: defaultLoadedOn(trip), weightUnit: 'L' },
  );
  const [marks, setMarks] = useState((draft.value.marksAndNumbers ?? []).join('\n'));
  const leaving = useLeaveGuard(draft.value, 'this commodity', editable);
  const shipment = useMemo(() => {
    const commodities = [...existing];
    commodities[index] = draft.value;
    return { ...record.shipment, commodities };
  }, [existing, index, draft.value, record.shipment]);
  const document = useShipmentValidationDocument(shipment, record.tripId, trip);
  const allIssues = useLiveValidation(document, session.company.scac);
  const issues = useMemo(
    () => issuesUnder(allIssues, `/shipments/0/commodities/${String(index)}`),
    [allIssues, index],
  );
  const b = bind(draft, issues);
  const save = useSaveShipment();
  const hazmat = draft.value.hazmat !== undefined;
  const description = draft.value.description ?? '';
  const loadedOn = draft.value.loadedOn;
  const [typed] = useDebouncedValue(description, 250);
  const suggestions = useDescriptionSuggestions(editable ? typed : '').data?.items ?? [];
  const back = `/shipments/${record.id}`;
  /** This line written into the shipment as `base` holds it (the one read, or a newer one). */
  const saveOn = (base: ShipmentRecord) => {
    const commodities = [...(base.shipment.commodities ?? [])];
    if (index < existing.length) commodities[index] = draft.value;
    else commodities.push(draft.value);
    save.mutate(
      {
        shipment: { ...base.shipment, commodities },
        tripId: base.tripId,
        existing: { id: base.id, version: base.version, tripId: base.tripId },
      },
      {
        onSuccess: () => {
          leaving.leaveFreely();
          void navigate(back);
        },
      },
    );
  };

  return (
    <EditorColumns
      formLabel="Commodity"
      onSubmit={() => {
        saveOn(record);
      }}
      side={
        <ProblemsPanel id="commodity-problems" title="Problems in this commodity" issues={issues} />
      }
    >
      {leaving.dialog}
      <RequiredLegend />
      <Fieldset legend="Commodity" disabled={!editable}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            id={fieldId('/loadedOn')}
            label="Loaded On"
            description="The truck or the trailer that carries these goods"
            data={equipmentOf(trip)}
            value={
              loadedOn?.type === undefined ? null : `${loadedOn.type}|${loadedOn.number ?? ''}`
            }
            {...b.issues('/loadedOn', '/loadedOn/number')}
            clearable
            onChange={(value) => {
              if (value === null) {
                draft.set('/loadedOn', undefined);
                return;
              }
              const [type, number] = value.split('|');
              draft.set('/loadedOn', { type, number });
            }}
          />
          <Autocomplete
            id={fieldId('/description')}
            label={labelWith('Description', 'required')}
            description={`${String(description.length)} of ${String(DESCRIPTION_MAX)} characters; earlier descriptions are offered as you type`}
            maxLength={DESCRIPTION_MAX}
            value={description}
            {...b.issues('/description')}
            data={suggestions
              .map((item) => item.description)
              .filter((item) => item !== description)}
            filter={({ options }) => options}
            onChange={(value) => {
              draft.set('/description', value);
            }}
            onOptionSubmit={(value) => {
              // An earlier line's units come with its description.
              const earlier = suggestions.find((item) => item.description === value);
              draft.set('/description', value);
              if (earlier?.packagingUnit !== undefined) {
                draft.set('/packagingUnit', earlier.packagingUnit);
              }
              if (earlier?.weightUnit !== undefined) {
                draft.set('/weightUnit', earlier.weightUnit);
              }
            }}
          />
          <NumberField
            label={labelWith('Quantity', 'required')}
            name="Quantity"
            whole
            {...b.number('/quantity')}
          />
          <Select
            id={fieldId('/packagingUnit')}
            label={labelWith('Packaging unit', 'required')}
            data={packagingUnits}
            searchable
            value={draft.value.packagingUnit ?? null}
            {...b.issues('/packagingUnit')}
            onChange={(value) => {
              draft.set('/packagingUnit', value ?? undefined);
            }}
          />
          <NumberField
            label={labelWith('Weight', 'required')}
            name="Weight"
            {...b.number('/weight')}
          />
          <Select
            id={fieldId('/weightUnit')}
            label={labelWith('Weight unit', 'required')}
            data={weightUnits}
            value={draft.value.weightUnit ?? null}
            {...b.issues('/weightUnit')}
            onChange={(value) => {
              draft.set('/weightUnit', value ?? undefined);
            }}
          />
          <NumberField
            label={labelWith('Value (US$)', 'section321OrInBond')}
            name="Value"
            decimals={2}
            {...b.number('/value')}
          />
          <CodeInput
            label={labelWith('Country of Origin', 'section321')}
            description="Country code, e.g. CA, CN"
            {...b.text('/countryOfOrigin')}
          />
          <TextInput
            label="HTS"
            description="6 to 10 digits; needed for in-bond shipments"
            {...b.text('/harmonizedCode')}
          />
          <Textarea
            id={fieldId('/marksAndNumbers')}
            label="Marks & Numbers"
            description="One per line"
            value={marks}
            autosize
            minRows={2}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setMarks(text);
              const lines = text
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean);
              draft.set('/marksAndNumbers', lines.length === 0 ? undefined : lines);
            }}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset
        legend="Hazardous Material"
        disabled={!editable}
        id={fieldId('/hazmat')}
        tabIndex={-1}
      >
        <Checkbox
          label="These goods are hazardous material"
          checked={hazmat}
          onChange={(event) => {
            draft.set('/hazmat', event.currentTarget.checked ? {} : undefined);
          }}
        />
        {hazmat && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <TextInput
              label={labelWith('UN Number', 'hazmat')}
              description="4 digits (49 CFR 172.101)"
              {...b.text('/hazmat/unNumber')}
            />
            <TextInput
              label={labelWith('Emergency Contact Name', 'hazmat')}
              {...b.text('/hazmat/emergencyContact/name')}
            />
            <TextInput
              label={labelWith('Contact Number', 'hazmat')}
              {...b.text('/hazmat/emergencyContact/phone')}
            />
            <TextInput
              label={labelWith('Contact Email', 'hazmat')}
              {...b.text('/hazmat/emergencyContact/email')}
            />
          </SimpleGrid>
        )}
      </Fieldset>
      {save.isError && (
        <SaveError
          error={save.error}
          what="shipment"
          busy={save.isPending}
          onOverwrite={() => {
            // Someone else changed the shipment: this line goes into their version.
            saveOverTheirs(
              () => api<ShipmentRecord>('GET', `/shipments/${record.id}`),
              'The commodity was not saved',
              saveOn,
            );
          }}
        />
      )}
      {editable && (
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save and Back to ACE eManifest
          </Button>
          <Button variant="default" component={Link} to={back} onClick={leaving.leaveFreely}>
            Cancel
          </Button>
        </Group>
      )}
    </EditorColumns>
  );
}

export function CommodityPage({ session }: { readonly session: Session }) {
  const { id, index } = useParams();
  const shipment = useShipment(id);
  const trip = useTrip(shipment.data?.tripId ?? undefined);
  const record = shipment.data;
  const position =
    index === 'new' || index === undefined
      ? (record?.shipment.commodities?.length ?? 0)
      : Number(index);
  const tripReady = record?.tripId === null || trip.data !== undefined;
  return (
    <Stack>
      <Anchor component={Link} to={`/shipments/${id ?? ''}`}>
        ← Back to the shipment
      </Anchor>
      <Title order={1} size="h2">
        {index === 'new' ? 'Add Commodity for ACE Shipment' : 'Commodity of ACE Shipment'}
        {record !== undefined && (
          <Text span c="dimmed" size="md" ml="sm">
            {record.shipment.shipmentControlNumber}
          </Text>
        )}
      </Title>
      <LoadState
        centered
        pending={shipment.isPending || (record !== undefined && !tripReady && !trip.isError)}
        error={shipment.error ?? trip.error}
        loadingLabel="Loading the shipment"
        failedTitle="The shipment could not be opened"
      />
      {record !== undefined && tripReady && Number.isInteger(position) && (
        <CommodityForm
          key={`${record.id}-${String(position)}`}
          record={record}
          trip={trip.data}
          index={position}
          session={session}
        />
      )}
    </Stack>
  );
}
