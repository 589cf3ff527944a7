/**
 * Profiles: the trucks, trailers, drivers and passengers a dispatcher picks for trips, one tab
 * each (/profiles/trucks, …). A trip gets a copy of a profile when it is picked, so editing or
 * deleting one here never changes a trip already made. Viewers see the lists without the add,
 * edit and delete buttons.
 */
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ConfirmDelete } from '../../../components/confirm-delete';
import type { Session } from '../../../lib/api-types';
import { useRecordDelete } from '../../../lib/record-writes';
import { canEdit } from '../../auth/api/session';
import { profileApi, useProfiles, type ProfileKind, type ProfileRecord } from '../api/profiles';
import { ConveyanceForm } from '../components/conveyance-form';
import { PersonForm } from '../components/person-form';
import { kindOfPath, PROFILE_KINDS, PROFILE_WORDS } from '../components/profile-kinds';
import { ProfilesTable } from '../components/profiles-table';

type Editing = { readonly record: ProfileRecord | undefined } | undefined;

/** Every word of the search somewhere in the profile's name or data (any case). */
function matches(record: ProfileRecord, search: string): boolean {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${record.name} ${JSON.stringify(record.data)}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

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
  const remove = useRecordDelete(profileApi);
  const noun = PROFILE_WORDS[record.kind].one;
  const name = record.name === '' ? `this ${noun}` : record.name;
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
            message: `${name} is no longer among the ${PROFILE_WORDS[record.kind].many.toLowerCase()}.`,
          });
          onClose();
        });
      }}
    >
      {name} leaves the profiles. Trips that already carry this {noun} keep their own copy.
    </ConfirmDelete>
  );
}

function KindPanel({ kind, session }: { kind: ProfileKind; session: Session }) {
  const editor = canEdit(session);
  const words = PROFILE_WORDS[kind];
  const query = useProfiles(kind);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(undefined);
  const [deleting, setDeleting] = useState<ProfileRecord | undefined>(undefined);
  const shown = query.data?.items.filter((record) => matches(record, search));

  return (
    <Stack pt="md">
      <Group justify="space-between" align="end" wrap="wrap">
        <TextInput
          label={`Search ${words.many.toLowerCase()}`}
          description={
            kind === 'truck' || kind === 'trailer'
              ? 'Name, unit number, VIN or plate'
              : 'Name, document or FAST card number'
          }
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
          }}
          w={320}
        />
        {editor && (
          <Button
            onClick={() => {
              setEditing({ record: undefined });
            }}
          >
            Add a {words.one}
          </Button>
        )}
      </Group>
      {query.isError && (
        <Alert
          color="red"
          role="alert"
          title={`The ${words.many.toLowerCase()} could not be loaded`}
        >
          {query.error.message}
        </Alert>
      )}
      {query.isPending && <Loader aria-label={`Loading ${words.many.toLowerCase()}`} />}
      {shown !== undefined && shown.length === 0 && (
        <Text>
          {search.trim() === ''
            ? `No ${words.one} saved yet.`
            : `No ${words.one} matches. Clear the search to see them all.`}
        </Text>
      )}
      {shown !== undefined && shown.length > 0 && (
        <ProfilesTable
          kind={kind}
          label={words.many}
          profiles={shown}
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
      {editing !== undefined && (
        <Modal
          opened
          size="xl"
          // A stray click beside the form must not throw away what was typed.
          closeOnClickOutside={false}
          onClose={() => {
            setEditing(undefined);
          }}
          title={
            editing.record === undefined
              ? `Add a ${words.one}`
              : `Edit ${editing.record.name === '' ? words.one : editing.record.name}`
          }
        >
          <ProfileForm
            kind={kind}
            editing={editing.record}
            onCancel={() => {
              setEditing(undefined);
            }}
            onDone={(saved) => {
              notifications.show({
                color: 'green',
                title: 'Saved',
                message: `${saved.name === '' ? `The ${words.one}` : saved.name} is saved.`,
              });
              setEditing(undefined);
            }}
          />
        </Modal>
      )}
      {deleting !== undefined && (
        <DeleteProfile
          record={deleting}
          onClose={() => {
            setDeleting(undefined);
          }}
        />
      )}
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
