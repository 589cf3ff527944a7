/**
 * Add or edit a shipper, consignee or broker. Checked before sending with the same checks the
 * rule engine makes on a trip (e-mail, postal code by country, filer code: src/rules), and the
 * result parsed with the domain's own party and broker schemas, so what is saved is what a trip
 * accepts. A refusal keeps the form open with everything typed.
 */
import { Grid, Select, TextInput } from '@mantine/core';
import { z } from 'zod';
import { isNorthAmerican } from '../../../../codes/countries.js';
import { brokerSchema, partySchema } from '../../../../domain/party.js';
import {
  isEmailShaped,
  isPostalCodeShaped,
  postalCodeExample,
} from '../../../../rules/parties/contact-formats.js';
import { FILER_CODE } from '../../../../rules/shipments/broker.rule.js';
import { CountryAndSubdivisionColumns } from '../../../components/place-fields';
import { RecordForm } from '../../../components/record-form';
import { text, withoutBlanks } from '../../../lib/form-values';
import { useRecordForm } from '../../../lib/use-record-form';
import { partyApi, type PartyInput, type PartyKind, type PartyRecord } from '../api/parties';
import { KIND_WORDS } from './party-kinds';
import { CodeInput } from '../../../components/code-input';
import { MAX_PARTY_NAME_LENGTH } from '../../../../rules/parties/check-party.js';

const addressValues = z.object({
  addressLine: z.string(),
  city: z.string(),
  stateProvince: z.string(),
  postalCode: z.string(),
  country: z.string(),
});

const partyValues = z
  .object({
    kind: z.enum(['shipper', 'consignee', 'broker']),
    name: z.string().trim().min(1, 'Enter the name as it appears on the paperwork.'),
    filerCode: z.string(),
    email: z.string(),
    phone: z.string(),
    address: addressValues,
  })
  .superRefine((values, context) => {
    const email = values.email.trim();
    if (email !== '' && !isEmailShaped(email)) {
      context.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Enter an e-mail address like name@example.com, or leave it empty.',
      });
    }
    const filerCode = values.filerCode.trim();
    if (values.kind === 'broker' && filerCode !== '' && !FILER_CODE.test(filerCode)) {
      context.addIssue({
        code: 'custom',
        path: ['filerCode'],
        message: 'A filer code is 3 capital letters or digits, e.g. N7B.',
      });
    }
    const { country, postalCode } = values.address;
    if (postalCode.trim() !== '' && isNorthAmerican(country)) {
      if (!isPostalCodeShaped(country, postalCode)) {
        context.addIssue({
          code: 'custom',
          path: ['address', 'postalCode'],
          message: `That is not a postal code of ${country}; it looks like ${postalCodeExample(country)}.`,
        });
      }
    }
  });

type PartyValues = z.infer<typeof partyValues>;

function valuesOf(record: PartyRecord | undefined, kind: PartyKind): PartyValues {
  const party = record?.party;
  const address = party?.address;
  return {
    kind: record?.kind ?? kind,
    name: text(party?.name),
    filerCode: record?.kind === 'broker' ? text(record.party.filerCode) : '',
    email: text(party?.email),
    phone: text(party?.phone),
    address: {
      addressLine: text(address?.addressLine),
      city: text(address?.city),
      stateProvince: text(address?.stateProvince),
      postalCode: text(address?.postalCode),
      country: text(address?.country),
    },
  };
}

/** The API's input, checked by the domain's schema for the kind (a broker has a filer code). */
function inputOf(values: PartyValues): PartyInput {
  const { kind, filerCode, ...rest } = values;
  if (kind === 'broker') {
    return { kind, party: brokerSchema.parse(withoutBlanks({ ...rest, filerCode }) ?? {}) };
  }
  return { kind, party: partySchema.parse(withoutBlanks(rest) ?? {}) };
}

export function PartyForm(props: {
  editing: PartyRecord | undefined;
  defaultKind: PartyKind;
  onDone: (saved: PartyRecord) => void;
  onCancel: () => void;
}) {
  const { form, ...frame } = useRecordForm({
    initialValues: valuesOf(props.editing, props.defaultKind),
    schema: partyValues,
    api: partyApi,
    editing: props.editing,
    inputOf,
    onDone: props.onDone,
  });
  const values = form.getValues();
  const noun = KIND_WORDS[values.kind].one;

  return (
    <RecordForm noun={noun} {...frame} onCancel={props.onCancel}>
      <Select
        label="Kind"
        data={[
          { value: 'shipper', label: 'Shipper' },
          { value: 'consignee', label: 'Consignee' },
          { value: 'broker', label: 'Customs broker' },
        ]}
        allowDeselect={false}
        disabled={props.editing !== undefined}
        description={props.editing === undefined ? undefined : 'The kind stays as it was saved.'}
        {...form.getInputProps('kind')}
      />
      <TextInput
        label="Name"
        required
        // Keyboard users start typing where the entry starts (the dialog moves focus here).
        data-autofocus
        autoComplete="organization"
        {...form.getInputProps('name')}
        // CBP's manifest holds 60 characters of a name (the rule engine's PARTY_NAME_LONG warns in
        // a trip); the address book says so as it is typed, as a warning: it still saves.
        description={`${String(values.name.trim().length)} of ${String(MAX_PARTY_NAME_LENGTH)} characters CBP receives`}
        success={
          values.name.trim().length > MAX_PARTY_NAME_LENGTH
            ? `Warning: longer than ${String(MAX_PARTY_NAME_LENGTH)} characters; CBP receives the first ${String(MAX_PARTY_NAME_LENGTH)}.`
            : undefined
        }
      />
      {values.kind === 'broker' && (
        <CodeInput
          label="Filer code"
          description="The broker's 3-character CBP filer code"
          maxLength={3}
          {...form.getInputProps('filerCode')}
        />
      )}
      <TextInput
        label="Address"
        autoComplete="street-address"
        {...form.getInputProps('address.addressLine')}
      />
      <Grid>
        <CountryAndSubdivisionColumns
          span={{ base: 12, sm: 6 }}
          countryLabel="Country"
          subdivisionLabel="State or province"
          country={values.address.country}
          subdivision={values.address.stateProvince}
          onCountryChange={(country) => {
            form.setFieldValue('address.country', country);
          }}
          onSubdivisionChange={(code) => {
            form.setFieldValue('address.stateProvince', code);
          }}
          countryError={form.errors['address.country']}
          subdivisionError={form.errors['address.stateProvince']}
        />
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="City" {...form.getInputProps('address.city')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <CodeInput
            label="Postal code"
            autoComplete="postal-code"
            {...form.getInputProps('address.postalCode')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
        </Grid.Col>
      </Grid>
    </RecordForm>
  );
}
