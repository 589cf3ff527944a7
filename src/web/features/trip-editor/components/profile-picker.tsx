/**
 * Picks a saved profile (a truck, trailer, driver or passenger) to copy into the trip instead
 * of typing it again. It asks the server as the user types (unit number, plate, VIN, a name,
 * FAST card or document number), so a carrier's thousands of drivers are never all loaded.
 * The trip's parts decide what choosing one does (fill the truck, add a trailer or a person);
 * viewers are not given one.
 */
import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { HINT_ABOVE } from '../../../components/hint-above';
import type { ProfileRecord } from '../../../lib/api-types';
import { useProfileChoices } from '../api/trip';
import type { ProfileKind, ProfileOf } from '../profile-copy';

export function ProfilePicker<K extends ProfileKind>(props: {
  readonly kind: K;
  /** The profile in words: "truck", "driver". */
  readonly word: string;
  /** The picker's label: "Truck from profiles". */
  readonly label: string;
  /** What can be typed to find one. */
  readonly hint: string;
  /** The button that copies the chosen one in: "Add this driver". */
  readonly action: string;
  readonly onPick: (profile: ProfileOf<K>) => void;
  /** More buttons after the picker's own ("Type a new driver"). */
  readonly children?: ReactNode;
}) {
  const { kind, word, onPick } = props;
  const [typing, setTyping] = useState('');
  const [typed] = useDebouncedValue(typing, 200);
  const [picked, setPicked] = useState<ProfileOf<K> | null>(null);
  // Once one is chosen the box shows its name: that is no new search.
  const profiles = useProfileChoices(kind, typed === picked?.name ? '' : typed);
  const found = (profiles.data?.items ?? []).filter((profile): profile is ProfileOf<K> =>
    isKind(profile, kind),
  );
  const choices = [
    ...(picked === null || found.some((p) => p.id === picked.id) ? [] : [picked]),
    ...found,
  ].map((profile) => ({ value: profile.id, label: profile.name }));
  return (
    <Group align="end">
      <Select
        label={props.label}
        inputWrapperOrder={HINT_ABOVE}
        description={props.hint}
        placeholder={
          choices.length === 0 && typed.trim() === ''
            ? `No saved ${word}s`
            : `Choose a saved ${word}`
        }
        nothingFoundMessage={`No saved ${word} matches`}
        data={choices}
        value={picked?.id ?? null}
        onChange={(value) => {
          setPicked(found.find((item) => item.id === value) ?? null);
        }}
        searchable
        searchValue={typing}
        onSearchChange={setTyping}
        // The server already matched the words (in the name, plates or documents).
        filter={({ options }) => options}
        w={260}
      />
      <Button
        variant="default"
        disabled={picked === null}
        onClick={() => {
          if (picked === null) return;
          onPick(picked);
          setPicked(null);
          setTyping('');
        }}
      >
        {props.action}
      </Button>
      {props.children}
    </Group>
  );
}

function isKind<K extends ProfileKind>(profile: ProfileRecord, kind: K): profile is ProfileOf<K> {
  return profile.kind === kind;
}
