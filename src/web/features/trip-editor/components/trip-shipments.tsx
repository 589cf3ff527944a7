/**
 * The trip's shipments: virtualised (only visible rows are in the DOM) and loaded from the
 * server as the list scrolls (100 first, then 500 at a time), so a 10,000-shipment trip opens at
 * once and its end is 20 requests away.
 */
import { Alert, Anchor, Button, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router';
import type { ShipmentRecord } from '../../../lib/api-types';
import { useTripShipments } from '../api/trip';

const ROW_HEIGHT = 56;

function partyNames(record: ShipmentRecord): string {
  const shipper = record.shipment.shipper?.name ?? 'no shipper';
  const consignee = record.shipment.consignee?.name ?? 'no consignee';
  return `${shipper} → ${consignee}`;
}

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
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shipments.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  // Near the end of what is loaded: fetch the next page from the server.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= shipments.length - 10) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, shipments.length]);

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
        <ScrollArea.Autosize
          mah={420}
          viewportRef={viewport}
          type="auto"
          viewportProps={{ tabIndex: 0, 'aria-label': 'Shipments of the trip, scrollable' }}
        >
          <ul
            aria-label="Shipments of the trip"
            style={{
              height: virtualizer.getTotalSize(),
              position: 'relative',
              listStyle: 'none',
              margin: 0,
              padding: 0,
            }}
          >
            {items.map((row) => {
              const record = shipments[row.index];
              if (record === undefined) return null;
              return (
                <li
                  key={record.id}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${String(row.start)}px)`,
                  }}
                >
                  <Anchor component={Link} to={`/shipments/${record.id}`} fw={600}>
                    {record.shipment.shipmentControlNumber ?? '(no SCN)'}
                  </Anchor>{' '}
                  <Text span c="dimmed" size="sm">
                    {record.shipment.type ?? 'type not set'}
                  </Text>
                  <Text size="sm" truncate>
                    {partyNames(record)}
                  </Text>
                </li>
              );
            })}
          </ul>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
});
