/**
 * Quick Assign: a shipper, consignee or broker from the address book, found as the user
 * types (GET /parties/search) or with Search; Clear empties it; a party typed here can be
 * saved to the address book for next time.
 */
import {
  Autocomplete,
  Button,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PartyRecord, Shipment } from '../../../lib/api-types';
import { fieldId } from '../../../lib/field-id';
import type { Binder, Draft } from '../../../lib/use-draft';
import { useCreateParty, usePartySearch, type PartyKind } from '../api/shipment';
import { HINT_ABOVE } from '../../../components/hint-above';
import { CodeInput } from '../../../components/code-input';
import { sameParty } from './same-party';

const words: Record<PartyKind, string> = {
  shipper: 'Shipper',
  consignee: 'Consignee',
  broker: 'Broker',
};

function labelOf(record: PartyRecord): string {
  const address = record.party.address;
  const where = [address?.city, address?.stateProvince].filter(Boolean).join(', ');
  const code = record.kind === 'broker' ? record.party.filerCode : undefined;
  return [record.party.name ?? '(no name)', code, where].filter(Boolean).join(' — ');
}

export function QuickAssign(props: {
  readonly kind: PartyKind;
  readonly draft: Draft<Shipment>;
  readonly b: Binder;
  readonly readOnly: boolean;
}) {
  const { kind, draft, b, readOnly } = props;
  const at = `/${kind}`;
  const title = words[kind];
  const [text, setText] = useState('');
  const [typed] = useDebouncedValue(text, 200);
  const [searched, setSearched] = useState<string | undefined>(undefined);
  const suggestions = usePartySearch(kind, typed);
  const results = usePartySearch(kind, searched ?? '');
  const create = useCreateParty();
  const found = suggestions.data?.items ?? [];
  const assign = (record: PartyRecord) => {
    draft.set(at, record.party);
    setSearched(undefined);
    // The type-ahead writes the chosen label into the box after this; empty it once drawn,
    // ready for the next search (the party's own fields show what was assigned).
    requestAnimationFrame(() => {
      setText('');
    });
  };
  const current = draft.value[kind];
  // The address book's entries of that name: is this party one of them, as it stands?
  const [currentName] = useDebouncedValue(current?.name ?? '', 200);
  const namesakes = usePartySearch(kind, currentName);
  const inBook =
    current !== undefined &&
    (namesakes.data?.items ?? []).some((record) => sameParty(current, record.party));

  return (
    <Fieldset legend={title}>
      <Stack gap="xs">
        {!readOnly && (
          <Group align="end" gap="xs">
            <Autocomplete
              id={fieldId(at)}
              label={`Quick Assign ${title}`}
              inputWrapperOrder={HINT_ABOVE}
              description="Type a name, city or postal code from the address book"
              value={text}
              onChange={setText}
              // What the search takes (GET /parties/search, q up to 200 characters).
              maxLength={200}
              data={found.map(labelOf)}
              filter={({ options }) => options}
              onOptionSubmit={(label) => {
                const record = found.find((item) => labelOf(item) === label);
                if (record !== undefined) assign(record);
              }}
              {...b.issues(at)}
              w={320}
            />
            <Button
              variant="default"
              onClick={() => {
                setSearched(text);
              }}
            >
              Search
            </Button>
            <Button
              variant="default"
              onClick={() => {
                setText('');
                setSearched(undefined);
                draft.set(at, undefined);
              }}
            >
              Clear
            </Button>
          </Group>
        )}
        {searched !== undefined && (
          <Stack gap={4} aria-label={`${title} search results`} role="group">
            {results.isPending && <Text size="sm">Searching…</Text>}
            {results.isError && (
              <Text size="sm" c="red.9" role="alert">
                {results.error.message}
              </Text>
            )}
            {results.data?.items.length === 0 && (
              <Text size="sm">
                No {kind} in the address book matches “{searched}”. Type the {kind} below.
              </Text>
            )}
            {results.data?.items.map((record) => (
              <Button
                key={record.id}
                variant="subtle"
                justify="start"
                onClick={() => {
                  assign(record);
                }}
              >
                Use {labelOf(record)}
              </Button>
            ))}
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={`${title} name`} {...b.text(`${at}/name`)} readOnly={readOnly} />
          {kind === 'broker' && (
            <>
              <CodeInput
                label="Broker filer code"
                description="3 letters or digits"
                {...b.text(`${at}/filerCode`)}
                readOnly={readOnly}
              />
              <TextInput label="Broker e-mail" {...b.text(`${at}/email`)} readOnly={readOnly} />
            </>
          )}
          {kind !== 'broker' && (
            <>
              <TextInput
                label={`${title} street address`}
                {...b.text(`${at}/address/addressLine`)}
                readOnly={readOnly}
              />
              <TextInput
                label={`${title} city`}
                {...b.text(`${at}/address/city`)}
                readOnly={readOnly}
              />
              <CodeInput
                label={`${title} state or province`}
                description="e.g. ON, NY"
                {...b.text(`${at}/address/stateProvince`)}
                readOnly={readOnly}
              />
              <CodeInput
                label={`${title} postal code`}
                {...b.text(`${at}/address/postalCode`)}
                readOnly={readOnly}
              />
              <CodeInput
                label={`${title} country`}
                description="CA, US or MX"
                {...b.text(`${at}/address/country`)}
                readOnly={readOnly}
              />
            </>
          )}
        </SimpleGrid>
        {!readOnly && current?.name !== undefined && inBook && (
          <Text size="xs" c="dimmed">
            This {kind} is in the address book as it is.
          </Text>
        )}
        {!readOnly && current?.name !== undefined && !inBook && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              loading={create.isPending}
              onClick={() => {
                create.mutate(
                  kind === 'broker'
                    ? { kind, party: draft.value.broker ?? {} }
                    : { kind, party: current },
                  {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        title: 'Saved to the address book',
                        message: `${current.name ?? ''} can now be quick-assigned.`,
                      }),
                    onError: (error) =>
                      notifications.show({
                        color: 'red',
                        title: 'Not saved to the address book',
                        message: error.message,
                      }),
                  },
                );
              }}
            >
              Save this {kind} to the address book
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
