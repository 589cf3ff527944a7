/** "Attached to Trip Number": a draft trip found by its number; blank leaves it unassociated. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useDraftTrips } from '../api/shipment';

export function TripChoice(props: {
  readonly id: string;
  readonly tripId: string | null;
  readonly tripNumber: string | undefined;
  readonly onChange: (tripId: string | null) => void;
  readonly readOnly: boolean;
}) {
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search, 200);
  const trips = useDraftTrips(text);
  const options = (trips.data?.items ?? []).map((trip) => ({
    value: trip.id,
    label: trip.tripNumber,
  }));
  if (props.tripId !== null && !options.some((option) => option.value === props.tripId)) {
    options.unshift({ value: props.tripId, label: props.tripNumber ?? props.tripId });
  }
  return (
    <Select
      id={props.id}
      label="Attached to Trip Number"
      description="Leave blank to keep the shipment unassociated"
      placeholder="Unassociated"
      data={options}
      value={props.tripId}
      onChange={props.onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      readOnly={props.readOnly}
      nothingFoundMessage="No draft trip with that number"
    />
  );
}
