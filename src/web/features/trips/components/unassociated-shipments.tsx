/**
 * Shipments not yet on a trip, beside the trips list. Couriers keep thousands here, so the
 * list is virtualised (only the visible rows are in the DOM) and pages load on demand.
 */
import { Alert, Anchor, Button, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import type { ShipmentRecord } from '../../../lib/api-types';
import { useUnassociatedShipments } from '../api/trips';

const ROW_HEIGHT = 56;

function partyNames(record: ShipmentRecord): string {
  const shipper = record.shipment.shipper?.name ?? 'no shipper';
  const consignee = record.shipment.consignee?.name ?? 'no consignee';
  return `${shipper} → ${consignee}`;
}

export function UnassociatedShipments() {
  const query = useUnassociatedShipments();
  const shipments = query.data?.pages.flatMap((page) => page.items) ?? [];
  const viewport = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself; React Compiler leaving it unmemoised is
  // what TanStack Virtual expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shipments.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="unassociated-title">
      <Title order={2} size="h4" id="unassociated-title" mb="xs">
        Unassociated shipments
      </Title>
      {query.isError && shipments.length === 0 && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {query.isSuccess && shipments.length === 0 && (
        <Text c="dimmed">Every shipment is on a trip.</Text>
      )}
      {shipments.length > 0 && (
        <ScrollArea.Autosize
          mah={480}
          viewportRef={viewport}
          type="auto"
          // Keyboard users scroll the list too (WCAG 2.1.1).
          viewportProps={{ tabIndex: 0 }}
        >
          <ul
            aria-label="Unassociated shipments"
            style={{
              height: virtualizer.getTotalSize(),
              position: 'relative',
              listStyle: 'none',
              margin: 0,
              padding: 0,
            }}
          >
            {virtualizer.getVirtualItems().map((row) => {
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
                    transform: `translateY(${row.start}px)`,
                  }}
                >
                  <Stack gap={0}>
                    <Text fw={600}>
                      <Anchor component={Link} to={`/shipments/${record.id}`}>
                        {record.shipment.shipmentControlNumber ?? '(no SCN)'}
                      </Anchor>{' '}
                      <Text span c="dimmed" size="sm">
                        {record.shipment.type ?? 'type not set'}
                      </Text>
                    </Text>
                    <Text size="sm" truncate>
                      {partyNames(record)}
                    </Text>
                  </Stack>
                </li>
              );
            })}
          </ul>
        </ScrollArea.Autosize>
      )}
      {query.hasNextPage && (
        <Button
          variant="default"
          mt="sm"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          Load more shipments
        </Button>
      )}
    </Paper>
  );
}
