/**
 * The truck and its trailers: unit numbers, VIN, plates, equipment types and seals, filled from
 * the saved truck and trailer profiles (`ProfilePicker`, as the crew) or typed.
 */
import { Button, Fieldset, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { memo } from 'react';
import { EQUIPMENT_TYPES } from '../../../../codes/simple-lists.js';
import { NumberField } from '../../../components/number-field';
import type { Issue, TripDocument } from '../../../lib/api-types';
import { fieldId } from '../../../lib/field-id';
import { removeAt } from '../../../lib/set-in';
import { bindPart, samePart, type Binder, type SetAt } from '../../../lib/use-draft';
import { tripCopyOf } from '../profile-copy';
import { ProfilePicker } from './profile-picker';
import { SealsInput } from './seals-input';
import { CodeInput } from '../../../components/code-input';

const equipmentTypes = EQUIPMENT_TYPES.map((row) => ({
  value: row.code,
  label: `${row.name} (${row.code})`,
}));

function PlateFields(props: {
  readonly b: Binder;
  readonly at: string;
  readonly readOnly: boolean;
  readonly which: 'first' | 'second';
}) {
  const { b, at, readOnly } = props;
  const plate = props.which === 'first' ? 'Plate' : 'Second plate';
  return (
    <>
      <TextInput label={`${plate} number`} {...b.text(`${at}/number`)} readOnly={readOnly} />
      <CodeInput
        label={`${plate} state or province`}
        description="e.g. ON, MI, NL"
        {...b.text(`${at}/stateProvince`)}
        readOnly={readOnly}
      />
      <CodeInput
        label={`${plate} country`}
        description="CA, US or MX"
        {...b.text(`${at}/country`)}
        readOnly={readOnly}
      />
    </>
  );
}

/**
 * A truck or trailer carries one licence plate or two (a tractor plated in two jurisdictions);
 * CBP takes at most two (CBP ACE eManifest: Highway Carrier Requirements; the rule engine says
 * so of a third sent through the API).
 */
function PlatesFields(props: {
  readonly b: Binder;
  /** The truck's or trailer's pointer. */
  readonly at: string;
  readonly plates: readonly unknown[];
  readonly readOnly: boolean;
}) {
  const { b, at, readOnly } = props;
  return (
    <>
      <PlateFields b={b} at={`${at}/licensePlates/0`} readOnly={readOnly} which="first" />
      {props.plates.length > 1 && (
        <PlateFields b={b} at={`${at}/licensePlates/1`} readOnly={readOnly} which="second" />
      )}
    </>
  );
}

function SecondPlateButton(props: {
  readonly set: SetAt;
  readonly at: string;
  readonly plates: readonly object[];
  /** Whose plate, for the button's name: "the truck", "trailer 1". */
  readonly owner: string;
}) {
  const { set, at, plates, owner } = props;
  if (plates.length > 1) {
    return (
      <Button
        variant="default"
        onClick={() => {
          set(`${at}/licensePlates`, removeAt(plates, 1));
        }}
      >
        Remove the second plate of {owner}
      </Button>
    );
  }
  return (
    <Button
      variant="default"
      onClick={() => {
        set(`${at}/licensePlates`, [plates[0] ?? {}, {}]);
      }}
    >
      Add a second plate to {owner}
    </Button>
  );
}

/** Memoised, as the other parts of the trip: typing elsewhere in the trip does not redraw it. */
export const TruckFields = memo(function TruckFields(props: {
  readonly value: TripDocument['truck'];
  /** The issues at or under `/truck`. */
  readonly issues: readonly Issue[] | undefined;
  readonly set: SetAt;
  readonly readOnly: boolean;
}) {
  const { value: truck, set, readOnly } = props;
  const b = bindPart('/truck', truck, props.issues, set);
  const truckPlates = truck?.licensePlates ?? [];
  return (
    <Fieldset legend="Truck" id={fieldId('/truck')} tabIndex={-1}>
      {!readOnly && (
        // First: the saved truck fills the fields below (all of them, as the API's copy does),
        // which the dispatcher then edits for this trip (the seals).
        <ProfilePicker
          kind="truck"
          word="truck"
          label="Truck from profiles"
          hint="Type a unit number, plate or VIN"
          action="Fill in this truck"
          onPick={(profile) => {
            set('/truck', tripCopyOf(profile));
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt={readOnly ? undefined : 'sm'}>
        <TextInput label="Truck number" {...b.text('/truck/number')} readOnly={readOnly} />
        <TextInput label="VIN" {...b.text('/truck/vinNumber')} readOnly={readOnly} />
        <SealsInput
          id={fieldId('/truck/sealNumbers')}
          label="Truck seal numbers"
          value={truck?.sealNumbers}
          onChange={(seals) => {
            set('/truck/sealNumbers', seals);
          }}
          readOnly={readOnly}
        />
        <PlatesFields b={b} at="/truck" plates={truckPlates} readOnly={readOnly} />
      </SimpleGrid>
      {!readOnly && (
        <Group mt="xs">
          <SecondPlateButton set={set} at="/truck" plates={truckPlates} owner="the truck" />
        </Group>
      )}
      {/* Needed when a commodity of the trip is hazmat (CBP ACE eManifest: Highway Carrier
          Requirements); the rule engine says so when it is missing. */}
      <Fieldset
        legend="Insurance (hazmat trips)"
        variant="unstyled"
        mt="sm"
        id={fieldId('/truck/insurancePolicy')}
        tabIndex={-1}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput
            label="Insurance company"
            {...b.text('/truck/insurancePolicy/insuranceCompanyName')}
            readOnly={readOnly}
          />
          <TextInput
            label="Policy number"
            {...b.text('/truck/insurancePolicy/policyNumber')}
            readOnly={readOnly}
          />
          <TextInput
            type="date"
            label="Policy issued"
            {...b.text('/truck/insurancePolicy/issuedDate')}
            readOnly={readOnly}
          />
          <NumberField
            label="Policy amount (US$)"
            name="Policy amount"
            decimals={2}
            {...b.number('/truck/insurancePolicy/policyAmount')}
            readOnly={readOnly}
          />
        </SimpleGrid>
      </Fieldset>
    </Fieldset>
  );
}, samePart);

export const TrailerFields = memo(function TrailerFields(props: {
  readonly value: TripDocument['trailers'];
  /** The issues at or under `/trailers`. */
  readonly issues: readonly Issue[] | undefined;
  readonly set: SetAt;
  readonly readOnly: boolean;
}) {
  const { set, readOnly } = props;
  const trailers = props.value ?? [];
  const b = bindPart('/trailers', trailers, props.issues, set);
  return (
    <Fieldset legend="Trailers" id={fieldId('/trailers')} tabIndex={-1}>
      {trailers.map((trailer, index) => {
        const at = `/trailers/${String(index)}`;
        return (
          <Fieldset key={index} legend={`Trailer ${String(index + 1)}`} variant="unstyled" mb="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Trailer number" {...b.text(`${at}/number`)} readOnly={readOnly} />
              <Select
                label="Equipment type"
                data={equipmentTypes}
                searchable
                id={fieldId(`${at}/type`)}
                value={trailer.type ?? null}
                {...b.issues(`${at}/type`)}
                readOnly={readOnly}
                onChange={(value) => {
                  set(`${at}/type`, value ?? undefined);
                }}
              />
              <SealsInput
                id={fieldId(`${at}/sealNumbers`)}
                label="Trailer seal numbers"
                value={trailer.sealNumbers}
                onChange={(seals) => {
                  set(`${at}/sealNumbers`, seals);
                }}
                readOnly={readOnly}
              />
              <PlatesFields
                b={b}
                at={at}
                plates={trailer.licensePlates ?? []}
                readOnly={readOnly}
              />
            </SimpleGrid>
            {!readOnly && (
              <Group mt="xs">
                <SecondPlateButton
                  set={set}
                  at={at}
                  plates={trailer.licensePlates ?? []}
                  owner={`trailer ${String(index + 1)}`}
                />
                <Button
                  variant="default"
                  onClick={() => {
                    set('/trailers', removeAt(trailers, index));
                  }}
                >
                  Remove trailer {index + 1}
                </Button>
              </Group>
            )}
          </Fieldset>
        );
      })}
      {!readOnly && (
        <ProfilePicker
          kind="trailer"
          word="trailer"
          label="Trailer from profiles"
          hint="Type a unit number or plate"
          action="Add this trailer"
          onPick={(profile) => {
            // A trailer added but not typed in yet ("Add trailer") is the one filled.
            const blank = trailers.findIndex((trailer) => Object.keys(trailer).length === 0);
            const at = blank === -1 ? trailers.length : blank;
            set(`/trailers/${String(at)}`, tripCopyOf(profile));
          }}
        >
          <Button
            variant="default"
            onClick={() => {
              set('/trailers', [...trailers, {}]);
            }}
          >
            Add trailer
          </Button>
        </ProfilePicker>
      )}
    </Fieldset>
  );
}, samePart);
