/**
 * The address book: shippers, consignees and customs brokers a dispatcher picks on shipments.
 * Search is the server's (the start of words in the name, city or postal code); without
 * words the book is paged by name. Viewers see the book without the add, edit and delete
 * buttons (the API refuses them the writes anyway).
 */
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ConfirmRecordDelete } from '../../../components/confirm-record-delete';
import { CursorPager } from '../../../components/cursor-pager';
import { LoadState } from '../../../components/load-state';
import { RecordFormModal } from '../../../components/record-form-modal';
import type { Session } from '../../../lib/api-types';
import { useCursorPages } from '../../../lib/use-cursor-pages';
import { useRecordEditing } from '../../../lib/use-record-editing';
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
import { HINT_ABOVE } from '../../../components/hint-above';

const noFilters: PartyFilters = { kind: '', text: '' };

function DeleteParty({ record, onClose }: { record: PartyRecord; onClose: () => void }) {
  const name = record.party.name ?? 'this entry';
  const noun = KIND_WORDS[record.kind].one;
  return (
    <ConfirmRecordDelete
      api={partyApi}
      record={record}
      name={name}
      noun={noun}
      deletedMessage={`${name} is no longer in the address book.`}
      onClose={onClose}
    >
      {name} leaves the address book and quick assign. Trips and shipments that already name this{' '}
      {noun} keep their own copy.
    </ConfirmRecordDelete>
  );
}

export function AddressBookPage({ session }: { session: Session }) {
  const editor = canEdit(session);
  const [draft, setDraft] = useState<PartyFilters>(noFilters);
  const [filters, setFilters] = useState<PartyFilters>(noFilters);
  const pages = useCursorPages();
  const rows = useRecordEditing<PartyRecord>();
  const { editing, deleting } = rows;
  const query = useParties(filters, pages.cursor);
  const apply = (next: PartyFilters) => {
    setFilters(next);
    pages.first();
  };
  const searching = filters.text.trim() !== '';
  const page = query.data;

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Address book
        </Title>
        {editor && <Button onClick={rows.add}>Add to address book</Button>}
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
                inputWrapperOrder={HINT_ABOVE}
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
          <LoadState
            error={query.error}
            pending={query.isPending}
            failedTitle="The address book could not be loaded"
            loadingLabel="Loading the address book"
          />
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
              onEdit={editor ? rows.edit : undefined}
              onDelete={editor ? rows.askDelete : undefined}
            />
          )}
          {searching ? (
            <Text size="sm" c="dimmed" aria-live="polite">
              {page?.items.length === PARTY_SEARCH_RESULTS
                ? `The first ${PARTY_SEARCH_RESULTS} matches; type more to narrow them down.`
                : `${page?.items.length ?? 0} found${query.isFetching ? ' (loading…)' : ''}`}
            </Text>
          ) : (
            <CursorPager pages={pages} nextCursor={page?.nextCursor} fetching={query.isFetching} />
          )}
        </Stack>
      </Paper>
      {editing !== undefined && (
        <RecordFormModal
          size="lg"
          onClose={rows.closeForm}
          title={
            editing.record === undefined
              ? 'Add to the address book'
              : `Edit ${editing.record.party.name ?? KIND_WORDS[editing.record.kind].one}`
          }
        >
          <PartyForm
            editing={editing.record}
            defaultKind={filters.kind === '' ? 'shipper' : filters.kind}
            onCancel={rows.closeForm}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                title: 'Saved',
                message: `${saved.party.name ?? 'The entry'} is in the address book.`,
              });
              rows.closeForm();
            }}
          />
        </RecordFormModal>
      )}
      {deleting !== undefined && <DeleteParty record={deleting} onClose={rows.closeDelete} />}
    </Stack>
  );
}
