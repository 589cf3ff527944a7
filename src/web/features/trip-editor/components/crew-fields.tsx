/**
 * Drivers and passengers: picked from the saved profiles (copied in, `ProfilePicker`) or typed
 * here.
 */
import { Button, Fieldset, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { memo } from 'react';
import { TRAVEL_DOCUMENT_TYPES } from '../../../../codes/simple-lists.js';
import type { Issue, TripDocument } from '../../../lib/api-types';
import { fieldId } from '../../../lib/field-id';
import { removeAt } from '../../../lib/set-in';
import { bindPart, samePart, type SetAt } from '../../../lib/use-draft';
import { CodeInput } from '../../../components/code-input';
import { tripCopyOf } from '../profile-copy';
import { ProfilePicker } from './profile-picker';

const travelDocumentTypes = TRAVEL_DOCUMENT_TYPES.map((row) => ({
  value: row.code,
  label: `${row.name} (${row.code})`,
}));

const words = {
  drivers: { group: 'Drivers', one: 'Driver', word: 'driver', profile: 'driver' },
  passengers: { group: 'Passengers', one: 'Passenger', word: 'passenger', profile: 'passenger' },
} as const;

/** Memoised: typing elsewhere in the trip does not redraw the crew. */
export const CrewFields = memo(function CrewFields(props: {
  readonly kind: 'drivers' | 'passengers';
  readonly value: TripDocument['drivers'] | TripDocument['passengers'];
  /** The issues at or under `/drivers` or `/passengers`. */
  readonly issues: readonly Issue[] | undefined;
  readonly set: SetAt;
  readonly readOnly: boolean;
}) {
  const { kind, set, readOnly } = props;
  const say = words[kind];
  const people: NonNullable<TripDocument['passengers']> = props.value ?? [];
  const b = bindPart(`/${kind}`, people, props.issues, set);
  return (
    <Fieldset legend={say.group} id={fieldId(`/${kind}`)} tabIndex={-1}>
      {people.map((person, index) => {
        const at = `/${kind}/${String(index)}`;
        return (
          <Fieldset
            key={index}
            legend={`${say.one} ${String(index + 1)}`}
            variant="unstyled"
            mb="sm"
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="First name" {...b.text(`${at}/firstName`)} readOnly={readOnly} />
              <TextInput label="Last name" {...b.text(`${at}/lastName`)} readOnly={readOnly} />
              <TextInput
                label="FAST card number"
                description="14 digits"
                {...b.text(`${at}/fastCardNumber`)}
                readOnly={readOnly}
              />
              <TextInput
                type="date"
                label="Date of birth"
                {...b.text(`${at}/dateOfBirth`)}
                readOnly={readOnly}
              />
              <Select
                label="Gender"
                data={[
                  { value: 'M', label: 'Male (M)' },
                  { value: 'F', label: 'Female (F)' },
                ]}
                id={fieldId(`${at}/gender`)}
                value={person.gender ?? null}
                {...b.issues(`${at}/gender`)}
                readOnly={readOnly}
                clearable
                onChange={(value) => {
                  set(`${at}/gender`, value ?? undefined);
                }}
              />
              <CodeInput
                label="Citizenship"
                description="Country code, e.g. CA"
                {...b.text(`${at}/citizenshipCountry`)}
                readOnly={readOnly}
              />
            </SimpleGrid>
            {(person.travelDocuments ?? [{}]).map((_, docIndex) => {
              const doc = `${at}/travelDocuments/${String(docIndex)}`;
              return (
                // Two a row: a document type's name ("Commercial Driver's License (5K)") needs
                // half the width to be read whole.
                <SimpleGrid key={docIndex} cols={{ base: 1, sm: 2 }} mt="xs">
                  <Select
                    label={`Travel document ${String(docIndex + 1)}`}
                    description={
                      kind === 'drivers'
                        ? 'Without FAST card: the licence (5K) and one more'
                        : 'A passport or another travel document'
                    }
                    data={travelDocumentTypes}
                    searchable
                    clearable
                    id={fieldId(`${doc}/type`)}
                    value={person.travelDocuments?.[docIndex]?.type ?? null}
                    {...b.issues(`${doc}/type`)}
                    readOnly={readOnly}
                    onChange={(value) => {
                      set(`${doc}/type`, value ?? undefined);
                    }}
                  />
                  <TextInput
                    label="Document number"
                    {...b.text(`${doc}/number`)}
                    readOnly={readOnly}
                  />
                  <CodeInput
                    label="Issuing country"
                    {...b.text(`${doc}/country`)}
                    readOnly={readOnly}
                  />
                  <CodeInput
                    label="Issuing state or province"
                    description="For licences"
                    {...b.text(`${doc}/stateProvince`)}
                    readOnly={readOnly}
                  />
                </SimpleGrid>
              );
            })}
            {!readOnly && (
              <Group gap="xs" mt="xs">
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    set(`${at}/travelDocuments`, [...(person.travelDocuments ?? [{}]), {}]);
                  }}
                >
                  Add a travel document
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    set(`/${kind}`, removeAt(people, index));
                  }}
                >
                  Remove {say.word} {index + 1}
                </Button>
              </Group>
            )}
          </Fieldset>
        );
      })}
      {!readOnly && (
        <ProfilePicker
          kind={say.profile}
          word={say.word}
          label={`${say.one} from profiles`}
          hint="Type a name, FAST card or document number"
          action={`Add this ${say.word}`}
          onPick={(profile) => {
            set(`/${kind}`, [...people, tripCopyOf(profile)]);
          }}
        >
          <Button
            variant="default"
            onClick={() => {
              set(`/${kind}`, [...people, {}]);
            }}
          >
            Type a new {say.word}
          </Button>
        </ProfilePicker>
      )}
    </Fieldset>
  );
}, samePart);
