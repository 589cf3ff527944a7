/**
 * Search and filters of the trips list. Applied on submit (Enter or Search), not per
 * keystroke: each search is one server query over every page, and nothing typed is lost
 * while it runs.
 */
import { Button, Group, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { allPorts } from '../../../../codes/ports.js';
import { noTripFilters, type TripFilters, type TripStatusFilter } from '../api/trips';
import { HINT_ABOVE } from '../../../components/hint-above';

/** The trip's own status: what is left to file before noon is the drafts. */
const statusChoices: { value: Exclude<TripStatusFilter, ''>; label: string }[] = [
  { value: 'draft', label: 'Draft (not filed yet)' },
  { value: 'filed', label: 'Filed' },
  { value: 'cancelled', label: 'Cancelled' },
];

const isStatus = (value: string | null): value is Exclude<TripStatusFilter, ''> =>
  statusChoices.some((choice) => choice.value === value);

const portChoices = allPorts().map((port) => ({
  value: port.code,
  label: `${port.name}, ${port.state} (${port.code})`,
}));

export function TripFiltersForm(props: { onApply: (filters: TripFilters) => void }) {
  const [draft, setDraft] = useState<TripFilters>(noTripFilters);
  const set = (change: Partial<TripFilters>) => {
    setDraft((current) => ({ ...current, ...change }));
  };

  return (
    <form
      role="search"
      aria-label="Search trips"
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply(draft);
      }}
    >
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label="Search"
          inputWrapperOrder={HINT_ABOVE}
          description="Trip number, SCN, driver or truck plate"
          value={draft.text}
          onChange={(event) => {
            set({ text: event.currentTarget.value });
          }}
          w={220}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={statusChoices}
          value={draft.status === '' ? null : draft.status}
          onChange={(value) => {
            set({ status: isStatus(value) ? value : '' });
          }}
          clearable
          w={170}
        />
        <Select
          label="Port of arrival"
          placeholder="Any port"
          data={portChoices}
          value={draft.port === '' ? null : draft.port}
          onChange={(value) => {
            set({ port: value ?? '' });
          }}
          searchable
          clearable
          w={220}
        />
        <DateInput
          label="Arriving from"
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          value={draft.arrivalFrom === '' ? null : draft.arrivalFrom}
          onChange={(value) => {
            set({ arrivalFrom: value ?? '' });
          }}
          clearable
          w={150}
        />
        <DateInput
          label="Arriving to"
          placeholder="YYYY-MM-DD"
          valueFormat="YYYY-MM-DD"
          value={draft.arrivalTo === '' ? null : draft.arrivalTo}
          onChange={(value) => {
            set({ arrivalTo: value ?? '' });
          }}
          clearable
          w={150}
        />
        <Button type="submit">Search</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(noTripFilters);
            props.onApply(noTripFilters);
          }}
        >
          Clear
        </Button>
      </Group>
    </form>
  );
}
