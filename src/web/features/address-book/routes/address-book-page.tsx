/**
 * The address book: shippers, consignees and customs brokers a dispatcher picks on shipments.
 * Search is the server's (the start of words in the name, city or postal code); without
 * words the book is paged by name. Viewers see the book without the add, edit and delete
 * buttons (the API refuses them the writes anyway).
 */
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmDelete } from '../../../components/confirm-delete';
import type { Session } from '../../../lib/api-types';
import { useRecordDelete } from '../../../lib/record-writes';
import { canEdit } from '../../auth/api/session';
import {
  partyApi,
  useParties,
  PARTY_SEARCH_RESULTS,
  type PartyFilters,
  type PartyRecord,
} from '../api/parties';
import { PartiesTable } from '../components/parties-table';
import { PartyForm } from '../components/party-form';
import { KIND_WORDS } from '../components/party-kinds';

const noFilters: PartyFilters = { kind: '', text: '' };

type Editing = { readonly record: PartyRecord | undefined } | undefined;

function DeleteParty({ record, onClose }: { record: PartyRecord; onClose: () => void }) {
  const remove = useRecordDelete(partyApi);
  const name = record.party.name ?? 'this entry';
  const noun = KIND_WORDS[record.kind].one;
  return (
    <ConfirmDelete
      title={`Delete ${name}?`}
      noun={noun}
      pending={remove.pending}
      error={remove.error}
      refusal={remove.refusal}
      onClose={onClose}
      onConfirm={() => {
        remove.remove(record, () => {
          notifications.show({
            color: 'green',
            title: 'Deleted',
            message: `${name} is no longer in the address book.`,
          });
          onClose();
        });
      }}
    >
      {name} leaves the address book and quick assign. Trips and shipments that already name this{' '}
      {noun} keep their own copy.
    </ConfirmDelete>
  );
}

export function AddressBookPage({ session }: { session: Session }) {
  const editor = canEdit(session);
  const [draft, setDraft] = useState<PartyFilters>(noFilters);
  const [filters, setFilters] = useState<PartyFilters>(noFilters);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [editing, setEditing] = useState<Editing>(undefined);
  const [deleting, setDeleting] = useState<PartyRecord | undefined>(undefined);
  const query = useParties(filters, cursors[cursors.length - 1]);
  const apply = (next: PartyFilters) => {
    setFilters(next);
    setCursors([undefined]);
  };
  const searching = filters.text.trim() !== '';
  const page = query.data;

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Address book
        </Title>
        {editor && (
          <Button
            onClick={() => {
              setEditing({ record: undefined });
            }}
          >
            Add to address book
          </Button>
        )}
      </Group>
      <Paper component="section" withBorder p="md" aria-label="Shippers, consignees and brokers">
        <Stack>
          <form
            role="search"
            aria-label="Search the address book"
            onSubmit={(event) => {
              event.preventDefault();
              apply(draft);
            }}
          >
            <Group align="end" gap="sm" wrap="wrap">
              <TextInput
                label="Search"
                description="Start of a word of the name, city or postal code"
                value={draft.text}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setDraft((current) => ({ ...current, text: value }));
                }}
                w={300}
              />
              <Select
                label="Show"
                data={[
                  { value: '', label: 'Everyone' },
                  { value: 'shipper', label: 'Shippers' },
                  { value: 'consignee', label: 'Consignees' },
                  { value: 'broker', label: 'Customs brokers' },
                ]}
                value={draft.kind}
                allowDeselect={false}
                onChange={(value) => {
                  const next = { ...draft, kind: value ?? '' };
                  setDraft(next);
                  apply(next);
                }}
                w={200}
              />
              <Button type="submit">Search</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(noFilters);
                  apply(noFilters);
                }}
              >
                Clear
              </Button>
            </Group>
          </form>
          {query.isError && (
            <Alert color="red" role="alert" title="The address book could not be loaded">
              {query.error.message}
            </Alert>
          )}
          {page === undefined && query.isPending && (
            <Loader aria-label="Loading the address book" />
          )}
          {page !== undefined && page.items.length === 0 && (
            <Text>
              {searching
                ? 'Nobody in the address book matches. Try the start of another word, or clear the search.'
                : 'The address book is empty.'}
            </Text>
          )}
          {page !== undefined && page.items.length > 0 && (
            <PartiesTable
              parties={page.items}
              onEdit={
                editor
                  ? (record) => {
                      setEditing({ record });
                    }
                  : undefined
              }
              onDelete={editor ? setDeleting : undefined}
            />
          )}
          {searching ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              {page?.items.length === PARTY_SEARCH_RESULTS
                ? `The first ${PARTY_SEARCH_RESULTS} matches; type more to narrow them down.`
                : `${page?.items.length ?? 0} found${query.isFetching ? ' (loading…)' : ''}`}
            </Text>
          ) : (
            <Group justify="space-between">
              <Button
                variant="default"
                disabled={cursors.length < 2}
                onClick={() => {
                  setCursors((list) => list.slice(0, -1));
                }}
              >
                Previous page
              </Button>
              <Text size="sm" c="dimmed" aria-live="polite">
                Page {cursors.length}
                {query.isFetching ? ' (loading…)' : ''}
              </Text>
              <Button
                variant="default"
                disabled={page?.nextCursor == null}
                onClick={() => {
                  const next = page?.nextCursor;
                  if (next != null) setCursors((list) => [...list, next]);
                }}
              >
                Next page
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {editing !== undefined && (
        <Modal
          opened
          size="lg"
          // A stray click beside the form must not throw away what was typed.
          closeOnClickOutside={false}
          onClose={() => {
            setEditing(undefined);
          }}
          title={
            editing.record === undefined
              ? 'Add to the address book'
              : `Edit ${editing.record.party.name ?? KIND_WORDS[editing.record.kind].one}`
          }
        >
          <PartyForm
            editing={editing.record}
            defaultKind={filters.kind === '' ? 'shipper' : filters.kind}
            onCancel={() => {
              setEditing(undefined);
            }}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                title: 'Saved',
                message: `${saved.party.name ?? 'The entry'} is in the address book.`,
              });
              setEditing(undefined);
            }}
          />
        </Modal>
      )}
      {deleting !== undefined && (
        <DeleteParty
          record={deleting}
          onClose={() => {
            setDeleting(undefined);
          }}
        />
      )}
    </Stack>
  );
}
