/**
 * The trip's shipments: virtualised (only visible rows are in the DOM) and loaded from the
 * server as the list scrolls (100 first, then 500 a page), so a 10,000-shipment trip opens at once.
 */
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { memo, useCallback, useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import { VirtualShipmentList } from '../../../components/virtual-shipment-list';
import { useTripShipments } from '../api/trip';

/** Memoised: typing in the trip's fields re-renders the form, not this list. */
export const TripShipments = memo(function TripShipments(props: {
  readonly tripId: string;
  readonly canEdit: boolean;
}) {
  const [find, setFind] = useState('');
  const [text] = useDebouncedValue(find, 300);
  const query = useTripShipments(props.tripId, text);
  // Once per page loaded, not per scroll frame: a big trip's list holds 10,000 records.
  const shipments = useMemo(
    () => query.data?.pages.flatMap((page) => page.items) ?? [],
    [query.data],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {shipments.length} shipment{shipments.length === 1 ? '' : 's'} loaded
          {hasNextPage ? ' (more as you scroll)' : ''}
        </Text>
        {props.canEdit && (
          <Button component={Link} to={`/shipments/new?trip=${props.tripId}`} size="xs">
            Start New ACE Shipment on this trip
          </Button>
        )}
      </Group>
      <TextInput
        label="Find a shipment"
        description="Part of an SCN, shipper or consignee name"
        value={find}
        onChange={(event) => {
          setFind(event.currentTarget.value);
        }}
      />
      {query.isError && shipments.length === 0 && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {query.isSuccess && shipments.length === 0 && (
        <Text>
          {text.trim() === '' ? 'No shipments on this trip yet.' : 'No shipment matches.'}
        </Text>
      )}
      {shipments.length > 0 && (
        <VirtualShipmentList
          shipments={shipments}
          label="Shipments of the trip"
          scrollerLabel="Shipments of the trip, scrollable"
          maxHeight={420}
          // Near the end of what is loaded: fetch the next page from the server.
          onNearEnd={loadMore}
        />
      )}
    </Stack>
  );
});
