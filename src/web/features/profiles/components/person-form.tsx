/**
 * A driver or passenger profile: names, gender, date of birth, citizenship, FAST card number,
 * ACE ID and travel documents (commercial driver's licence, passport, …: the CBP travel
 * document codes, each with the country or state/province that issued it), and for a driver
 * the e-mail that filing alerts and the lead sheet go to (kept on the profile, never copied into
 * a trip). What is saved is parsed with the domain's person (or driver profile) schema; the
 * rule engine checks the rest on the trip.
 */
import { Grid, TextInput } from '@mantine/core';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { TRAVEL_DOCUMENT_TYPES } from '../../../../codes/simple-lists.js';
import { driverProfileSchema, personSchema } from '../../../../domain/crew.js';
import { BlankableSelect } from '../../../components/blankable-select';
import { CountryAndSubdivisionColumns, CountrySelect } from '../../../components/place-fields';
import { RecordForm } from '../../../components/record-form';
import { RepeatableRows } from '../../../components/repeatable-rows';
import { text, withoutBlanks } from '../../../lib/form-values';
import { useRecordForm } from '../../../lib/use-record-form';
import { profileApi, type ProfileInput, type ProfileRecord } from '../api/profiles';
import { PROFILE_WORDS } from './profile-kinds';

const documentChoices = TRAVEL_DOCUMENT_TYPES.map((row) => ({
  value: row.code,
  label: `${row.name} (${row.code})`,
}));

const documentValues = z.object({
  type: z.string(),
  number: z.string(),
  country: z.string(),
  stateProvince: z.string(),
});

const personValues = z
  .object({
    firstName: z.string(),
    middleName: z.string(),
    lastName: z.string().trim().min(1, 'Enter the last name as on the travel document.'),
    gender: z.string(),
    dateOfBirth: z.string(),
    citizenshipCountry: z.string(),
    fastCardNumber: z.string(),
    aceId: z.string(),
    email: z.string(),
    travelDocuments: z.array(documentValues),
  })
  .superRefine((values, context) => {
    const email = values.email.trim();
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      context.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Enter one e-mail address, name@example.com, or leave it empty.',
      });
    }
    const birth = values.dateOfBirth.trim();
    if (birth !== '') {
      const date = DateTime.fromFormat(birth, 'yyyy-MM-dd');
      if (!date.isValid || date > DateTime.now()) {
        context.addIssue({
          code: 'custom',
          path: ['dateOfBirth'],
          message: 'Enter the date of birth as year-month-day, e.g. 1980-04-12.',
        });
      }
    }
    values.travelDocuments.forEach((document, index) => {
      const given = Object.values(document).some((value) => value.trim() !== '');
      if (given && document.type === '') {
        context.addIssue({
          code: 'custom',
          path: ['travelDocuments', index, 'type'],
          message: 'Choose what kind of document it is, or remove it.',
        });
      }
      if (given && document.number.trim() === '') {
        context.addIssue({
          code: 'custom',
          path: ['travelDocuments', index, 'number'],
          message: 'Enter the document number, or remove it.',
        });
      }
    });
  });

type PersonValues = z.infer<typeof personValues>;
type Kind = 'driver' | 'passenger';
type PersonRecord = Extract<ProfileRecord, { kind: Kind }>;

const emptyDocument = { type: '', number: '', country: '', stateProvince: '' };

function valuesOf(record: PersonRecord | undefined): PersonValues {
  const person = record?.data;
  return {
    firstName: text(person?.firstName),
    middleName: text(person?.middleName),
    lastName: text(person?.lastName),
    gender: text(person?.gender),
    dateOfBirth: text(person?.dateOfBirth),
    citizenshipCountry: text(person?.citizenshipCountry),
    fastCardNumber: text(person?.fastCardNumber),
    aceId: text(person?.aceId),
    email: text(record?.kind === 'driver' ? record.data.email : undefined),
    travelDocuments: (person?.travelDocuments ?? []).map((document) => ({
      type: text(document.type),
      number: text(document.number),
      country: text(document.country),
      stateProvince: text(document.stateProvince),
    })),
  };
}

function inputOf(kind: Kind, values: PersonValues): ProfileInput {
  const { email, ...person } = values;
  const data =
    kind === 'driver'
      ? driverProfileSchema.parse(withoutBlanks({ ...person, email }) ?? {})
      : personSchema.parse(withoutBlanks(person) ?? {});
  const name = [data.firstName, data.lastName].filter(Boolean).join(' ');
  return { kind, name, data };
}

export function PersonForm(props: {
  kind: Kind;
  editing: PersonRecord | undefined;
  onDone: (saved: ProfileRecord) => void;
  onCancel: () => void;
}) {
  const { form, ...frame } = useRecordForm({
    initialValues: valuesOf(props.editing),
    schema: personValues,
    api: profileApi,
    editing: props.editing,
    inputOf: (submitted: PersonValues) => inputOf(props.kind, submitted),
    onDone: props.onDone,
  });
  const values = form.getValues();
  const noun = PROFILE_WORDS[props.kind].one;

  return (
    <RecordForm noun={noun} {...frame} onCancel={props.onCancel}>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="First name" data-autofocus {...form.getInputProps('firstName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Middle name" {...form.getInputProps('middleName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label="Last name" required {...form.getInputProps('lastName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            label="Date of birth"
            description="Year-month-day"
            placeholder="1980-04-12"
            {...form.getInputProps('dateOfBirth')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <BlankableSelect
            label="Gender"
            data={[
              { value: 'M', label: 'Male (M)' },
              { value: 'F', label: 'Female (F)' },
            ]}
            clearable
            searchable
            value={values.gender}
            onChange={(value) => {
              form.setFieldValue('gender', value);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <CountrySelect
            label="Citizenship"
            value={values.citizenshipCountry}
            onChange={(country) => {
              form.setFieldValue('citizenshipCountry', country);
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="FAST card number"
            description="14 digits, from the FAST card"
            inputMode="numeric"
            {...form.getInputProps('fastCardNumber')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="ACE ID" {...form.getInputProps('aceId')} />
        </Grid.Col>
        {props.kind === 'driver' && (
          <Grid.Col span={12}>
            <TextInput
              label="E-mail"
              description="Filing alerts (when the Alerts settings say so) and the lead sheet go here."
              type="email"
              autoComplete="off"
              {...form.getInputProps('email')}
            />
          </Grid.Col>
        )}
      </Grid>
      <RepeatableRows
        legend="Travel documents"
        rows={values.travelDocuments}
        renderRow={(document, index) => (
          <>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <BlankableSelect
                label={`Document ${index + 1} type`}
                data={documentChoices}
                searchable
                placeholder="Type to find a document"
                value={document.type}
                onChange={(value) => {
                  form.setFieldValue(`travelDocuments.${index}.type`, value);
                }}
                error={form.errors[`travelDocuments.${index}.type`]}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={`Document ${index + 1} number`}
                {...form.getInputProps(`travelDocuments.${index}.number`)}
              />
            </Grid.Col>
            <CountryAndSubdivisionColumns
              span={{ base: 12, sm: 5 }}
              countryLabel={`Document ${index + 1} issuing country`}
              subdivisionLabel={`Document ${index + 1} issuing state or province`}
              country={document.country}
              subdivision={document.stateProvince}
              onCountryChange={(country) => {
                form.setFieldValue(`travelDocuments.${index}.country`, country);
              }}
              onSubdivisionChange={(code) => {
                form.setFieldValue(`travelDocuments.${index}.stateProvince`, code);
              }}
            />
          </>
        )}
        removeLabel={(index) => `Remove document ${index + 1}`}
        onRemove={(index) => {
          form.removeListItem('travelDocuments', index);
        }}
        emptyText="No travel document yet."
        addLabel="Add a travel document"
        onAdd={() => {
          form.insertListItem('travelDocuments', { ...emptyDocument });
        }}
      />
    </RecordForm>
  );
}
