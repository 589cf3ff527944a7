/**
 * A truck or trailer profile: unit number, licence plates (number, country, state/province),
 * and for a truck its VIN, DOT number and transponder; for a trailer its CBP equipment type.
 * The VIN is checked with the rule engine's own VIN shape check (src/rules); what is saved is
 * parsed with the domain's truck and trailer schemas.
 */
import { Grid, TextInput } from '@mantine/core';
import { z } from 'zod';
import { EQUIPMENT_TYPES } from '../../../../codes/simple-lists.js';
import { truckSchema } from '../../../../domain/conveyance.js';
import { trailerSchema } from '../../../../domain/equipment.js';
import { vinShapeProblem, VIN_LENGTH } from '../../../../rules/conveyance/vin.js';
import { BlankableSelect } from '../../../components/blankable-select';
import { CountryAndSubdivisionColumns } from '../../../components/place-fields';
import { RecordForm } from '../../../components/record-form';
import { RepeatableRows } from '../../../components/repeatable-rows';
import { text, withoutBlanks } from '../../../lib/form-values';
import { useRecordForm } from '../../../lib/use-record-form';
import { profileApi, type ProfileInput, type ProfileRecord } from '../api/profiles';
import { PROFILE_WORDS } from './profile-kinds';

const equipmentChoices = EQUIPMENT_TYPES.map((row) => ({
  value: row.code,
  label: `${row.name} (${row.code})`,
}));

const plateValues = z.object({
  number: z.string(),
  country: z.string(),
  stateProvince: z.string(),
});

const conveyanceValues = z
  .object({
    name: z.string(),
    number: z.string(),
    type: z.string(),
    vinNumber: z.string(),
    dotNumber: z.string(),
    transponderNumber: z.string(),
    licensePlates: z.array(plateValues),
  })
  .superRefine((values, context) => {
    if (values.name.trim() === '' && values.number.trim() === '') {
      context.addIssue({
        code: 'custom',
        path: ['number'],
        message: 'Enter the unit number (or a name for the lists) so you can find it again.',
      });
    }
    const vin = values.vinNumber.trim().toUpperCase();
    const problem = vin === '' ? undefined : vinShapeProblem(vin);
    if (problem !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['vinNumber'],
        message:
          problem.kind === 'length'
            ? `A VIN has ${VIN_LENGTH} characters; this one has ${problem.length}.`
            : problem.kind === 'forbidden-letter'
              ? `A VIN never contains the letter ${problem.letter} (it reads as 1 or 0).`
              : 'A VIN has letters and digits only.',
      });
    }
    values.licensePlates.forEach((plate, index) => {
      const given = plate.number.trim() !== '';
      if (!given && (plate.country !== '' || plate.stateProvince !== '')) {
        context.addIssue({
          code: 'custom',
          path: ['licensePlates', index, 'number'],
          message: 'Enter the plate number, or remove this plate.',
        });
      }
      if (given && plate.country === '') {
        context.addIssue({
          code: 'custom',
          path: ['licensePlates', index, 'country'],
          message: 'Choose the country that issued the plate.',
        });
      }
    });
  });

type ConveyanceValues = z.infer<typeof conveyanceValues>;
type Kind = 'truck' | 'trailer';
type ConveyanceRecord = Extract<ProfileRecord, { kind: Kind }>;

const emptyPlate = { number: '', country: '', stateProvince: '' };

function valuesOf(record: ConveyanceRecord | undefined): ConveyanceValues {
  const data = record?.data;
  const truck = record?.kind === 'truck' ? record.data : undefined;
  const plates = data?.licensePlates ?? [];
  return {
    name: text(record?.name),
    number: text(data?.number),
    type: text(data?.type),
    vinNumber: text(truck?.vinNumber),
    dotNumber: text(truck?.dotNumber),
    transponderNumber: text(truck?.transponderNumber),
    licensePlates: (plates.length === 0 ? [{}] : plates).map((plate) => ({
      number: text(plate.number),
      country: text(plate.country),
      stateProvince: text(plate.stateProvince),
    })),
  };
}

function inputOf(kind: Kind, values: ConveyanceValues, before: ConveyanceRecord | undefined) {
  const { name, vinNumber, dotNumber, transponderNumber, ...shared } = values;
  const listName = name.trim() === '' ? values.number.trim() : name.trim();
  // Fields this form does not show (seals, insurance) stay as they were saved.
  // Only those: a field the form shows and the user emptied is left out.
  const kept =
    withoutBlanks({
      sealNumbers: before?.data.sealNumbers,
      insurancePolicy: before?.kind === 'truck' ? before.data.insurancePolicy : undefined,
    }) ?? {};
  if (kind === 'truck') {
    const data = truckSchema.parse({
      ...kept,
      ...(withoutBlanks({
        ...shared,
        vinNumber: vinNumber.toUpperCase(),
        dotNumber,
        transponderNumber,
      }) ?? {}),
    });
    return { kind, name: listName, data } satisfies ProfileInput;
  }
  const data = trailerSchema.parse({ ...kept, ...(withoutBlanks(shared) ?? {}) });
  return { kind, name: listName, data } satisfies ProfileInput;
}

export function ConveyanceForm(props: {
  kind: Kind;
  editing: ConveyanceRecord | undefined;
  onDone: (saved: ProfileRecord) => void;
  onCancel: () => void;
}) {
  const { form, ...frame } = useRecordForm({
    initialValues: valuesOf(props.editing),
    schema: conveyanceValues,
    api: profileApi,
    editing: props.editing,
    inputOf: (submitted: ConveyanceValues) => inputOf(props.kind, submitted, props.editing),
    onDone: props.onDone,
  });
  const values = form.getValues();
  const noun = PROFILE_WORDS[props.kind].one;
  const truck = props.kind === 'truck';

  return (
    <RecordForm noun={noun} {...frame} onCancel={props.onCancel}>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Unit number"
            data-autofocus
            description={`Your own number for the ${noun}`}
            {...form.getInputProps('number')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Name in lists"
            description="Left empty, the unit number is used"
            {...form.getInputProps('name')}
          />
        </Grid.Col>
        {truck ? (
          <>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="VIN"
                description="17 letters and digits"
                maxLength={17}
                {...form.getInputProps('vinNumber')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Truck type" {...form.getInputProps('type')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="DOT number" {...form.getInputProps('dotNumber')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Transponder number"
                description="The CBP user-fee decal or transponder"
                {...form.getInputProps('transponderNumber')}
              />
            </Grid.Col>
          </>
        ) : (
          <Grid.Col span={12}>
            <BlankableSelect
              label="Equipment type"
              description="The CBP equipment type code"
              placeholder="Type to find a type"
              data={equipmentChoices}
              searchable
              clearable
              value={values.type}
              onChange={(value) => {
                form.setFieldValue('type', value);
              }}
              error={form.errors['type']}
            />
          </Grid.Col>
        )}
      </Grid>
      <RepeatableRows
        legend="Licence plates"
        rows={values.licensePlates}
        renderRow={(plate, index) => (
          <>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={`Plate ${index + 1} number`}
                {...form.getInputProps(`licensePlates.${index}.number`)}
              />
            </Grid.Col>
            <CountryAndSubdivisionColumns
              span={{ base: 12, sm: 3 }}
              countryLabel={`Plate ${index + 1} country`}
              subdivisionLabel={`Plate ${index + 1} state or province`}
              country={plate.country}
              subdivision={plate.stateProvince}
              onCountryChange={(country) => {
                form.setFieldValue(`licensePlates.${index}.country`, country);
              }}
              onSubdivisionChange={(code) => {
                form.setFieldValue(`licensePlates.${index}.stateProvince`, code);
              }}
              countryError={form.errors[`licensePlates.${index}.country`]}
            />
          </>
        )}
        removeLabel={(index) => `Remove plate ${index + 1}`}
        onRemove={(index) => {
          form.removeListItem('licensePlates', index);
        }}
        emptyText="No plate."
        addLabel="Add a plate"
        onAdd={() => {
          form.insertListItem('licensePlates', { ...emptyPlate });
        }}
      />
    </RecordForm>
  );
}
