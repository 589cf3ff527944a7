/**
 * Profiles: the trucks, trailers, drivers and passengers a dispatcher picks for trips, one tab
 * each (/profiles/trucks, …). A trip gets a copy of a profile when it is picked, so editing or
 * deleting one here never changes a trip already made. Search is the server's and the list is
 * paged by name, like the address book. Viewers see the lists without the add, edit and delete
 * buttons.
 */
import { Button, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ConfirmRecordDelete } from '../../../components/confirm-record-delete';
import { CursorPager } from '../../../components/cursor-pager';
import { LoadState } from '../../../components/load-state';
import { RecordFormModal } from '../../../components/record-form-modal';
import type { Session } from '../../../lib/api-types';
import { useCursorPages } from '../../../lib/use-cursor-pages';
import { useRecordEditing } from '../../../lib/use-record-editing';
import { canEdit } from '../../auth/api/session';
import { profileApi, useProfiles, type ProfileKind, type ProfileRecord } from '../api/profiles';
import { ConveyanceForm } from '../components/conveyance-form';
import { PersonForm } from '../components/person-form';
import { kindOfPath, PROFILE_KINDS, PROFILE_WORDS } from '../components/profile-kinds';
import { ProfilesTable } from '../components/profiles-table';
import { HINT_ABOVE } from '../../../components/hint-above';

function ProfileForm(props: {
  kind: ProfileKind;
  editing: ProfileRecord | undefined;
  onDone: (saved: ProfileRecord) => void;
  onCancel: () => void;
}) {
  const { kind, editing } = props;
  if (kind === 'truck' || kind === 'trailer') {
    const record = editing?.kind === 'truck' || editing?.kind === 'trailer' ? editing : undefined;
    return <ConveyanceForm {...props} kind={kind} editing={record} />;
  }
  const record = editing?.kind === 'driver' || editing?.kind === 'passenger' ? editing : undefined;
  return <PersonForm {...props} kind={kind} editing={record} />;
}

function DeleteProfile({ record, onClose }: { record: ProfileRecord; onClose: () => void }) {
  const noun = PROFILE_WORDS[record.kind].one;
  const name = record.name === '' ? `this ${noun}` : record.name;
  return (
    <ConfirmRecordDelete
      api={profileApi}
      record={record}
      name={name}
      noun={noun}
      deletedMessage={`${name} is no longer among the ${PROFILE_WORDS[record.kind].many.toLowerCase()}.`}
      onClose={onClose}
    >
      {name} leaves the profiles. Trips that already carry this {noun} keep their own copy.
    </ConfirmRecordDelete>
  );
}

function KindPanel({ kind, session }: { kind: ProfileKind; session: Session }) {
  const editor = canEdit(session);
  const words = PROFILE_WORDS[kind];
  const [search, setSearch] = useState('');
  // Asked as the user types, once a pause shows the word is done (like quick assign).
  const [typed] = useDebouncedValue(search, 250);
  const pages = useCursorPages();
  const query = useProfiles(kind, typed, pages.cursor);
  const rows = useRecordEditing<ProfileRecord>();
  const { editing, deleting } = rows;
  const shown = query.data?.items;

  return (
    <Stack pt="md">
      <Group justify="space-between" align="end" wrap="wrap">
        <TextInput
          label={`Search ${words.many.toLowerCase()}`}
          inputWrapperOrder={HINT_ABOVE}
          description={
            kind === 'truck' || kind === 'trailer'
              ? 'Name, unit number, VIN or plate'
              : 'Name, document or FAST card number'
          }
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pages.first();
          }}
          w={320}
        />
        {editor && <Button onClick={rows.add}>Add a {words.one}</Button>}
      </Group>
      <LoadState
        error={query.error}
        pending={query.isPending}
        failedTitle={`The ${words.many.toLowerCase()} could not be loaded`}
        loadingLabel={`Loading ${words.many.toLowerCase()}`}
      />
      {shown !== undefined && shown.length === 0 && (
        <Text>
          {typed.trim() === ''
            ? `No ${words.one} saved yet.`
            : `No ${words.one} matches. Clear the search to see them all.`}
        </Text>
      )}
      {shown !== undefined && shown.length > 0 && (
        <ProfilesTable
          kind={kind}
          label={words.many}
          profiles={shown}
          onEdit={editor ? rows.edit : undefined}
          onDelete={editor ? rows.askDelete : undefined}
        />
      )}
      <CursorPager pages={pages} nextCursor={query.data?.nextCursor} fetching={query.isFetching} />
      {editing !== undefined && (
        <RecordFormModal
          size="xl"
          onClose={rows.closeForm}
          title={
            editing.record === undefined
              ? `Add a ${words.one}`
              : `Edit ${editing.record.name === '' ? words.one : editing.record.name}`
          }
        >
          <ProfileForm
            kind={kind}
            editing={editing.record}
            onCancel={rows.closeForm}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                title: 'Saved',
                message: `${saved.name === '' ? `The ${words.one}` : saved.name} is saved.`,
              });
              rows.closeForm();
            }}
          />
        </RecordFormModal>
      )}
      {deleting !== undefined && <DeleteProfile record={deleting} onClose={rows.closeDelete} />}
    </Stack>
  );
}

export function ProfilesPage({ session }: { session: Session }) {
  const params = useParams();
  const navigate = useNavigate();
  const kind = kindOfPath(params['kind']);
  if (kind === undefined) return <Navigate to="/profiles/trucks" replace />;

  return (
    <Stack>
      <Title order={1} size="h2">
        Profiles
      </Title>
      <Paper component="section" withBorder p="md" aria-label="Saved profiles">
        <Tabs
          value={kind}
          // Only the open tab's list is fetched and rendered.
          keepMounted={false}
          onChange={(value) => {
            const next = PROFILE_KINDS.find((each) => each === value);
            if (next !== undefined) void navigate(`/profiles/${PROFILE_WORDS[next].path}`);
          }}
        >
          <Tabs.List>
            {PROFILE_KINDS.map((each) => (
              <Tabs.Tab key={each} value={each}>
                {PROFILE_WORDS[each].many}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {PROFILE_KINDS.map((each) => (
            <Tabs.Panel key={each} value={each}>
              <KindPanel kind={each} session={session} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Paper>
    </Stack>
  );
}
