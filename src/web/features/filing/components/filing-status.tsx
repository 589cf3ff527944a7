/** Where the trip and each of its shipments stand with CBP, in the users' words. */
import { Alert, Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { VirtualTable } from '../../../components/virtual-table';
import { useFilingShipments, type FilingStatus, type FilingView } from '../api/filing';
import { statusColour, statusWords } from '../filing-words';
import { instantText } from '../../../lib/port-time';

export function StatusBadge({ status }: { readonly status: FilingStatus }) {
  return (
    // Shade 9 on white: WCAG AA contrast for the small capitals (as the app's alerts do). Never
    // narrower than its words: a table column squeezed it to "ACCEPT…" and "CAN…".
    <Badge color={`${statusColour(status)}.9`} variant="outline" miw="max-content">
      {statusWords(status)}
    </Badge>
  );
}

function when(at: string | null): string {
  return at === null ? '' : instantText(at, { seconds: true });
}

/** About a row's height (a badge in a cell), before it is measured. */
const ROW_HEIGHT = 37;

const count = new Intl.NumberFormat('en-US');

export function FilingStatusTable({
  tripId,
  view,
}: {
  readonly tripId: string;
  readonly view: FilingView;
}) {
  // "all", or one status: the shipments CBP rejected, say, out of thousands. The counts come
  // from the server; the rows a page at a time as the table scrolls.
  const [shown, setShown] = useState<string>('all');
  const counts = view.shipmentCounts;
  const chosen = counts.find((entry) => entry.status === shown);
  const query = useFilingShipments(tripId, chosen?.status, view);
  // Once per page loaded, not per scroll frame.
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <>
      <Group gap="xs" aria-label="The trip's filing status" role="group">
        <Text fw={600}>Trip:</Text>
        <StatusBadge status={view.trip.status} />
        {view.trip.updatedAt !== null && (
          <Text size="sm" c="dimmed">
            since {when(view.trip.updatedAt)}
          </Text>
        )}
      </Group>
      {counts.length > 1 && (
        <NativeSelect
          label="Show shipments"
          size="xs"
          w="max-content"
          value={chosen?.status ?? 'all'}
          onChange={(event) => {
            setShown(event.currentTarget.value);
          }}
          data={[
            { value: 'all', label: `All (${count.format(view.shipmentTotal)})` },
            ...counts.map((entry) => ({
              value: entry.status,
              label: `${statusWords(entry.status)} (${count.format(entry.count)})`,
            })),
          ]}
        />
      )}
      {query.isPending && (
        <Text size="sm" role="status">
          Loading the shipments…
        </Text>
      )}
      {query.isSuccess && rows.length === 0 && chosen !== undefined && (
        <Text size="sm">No shipment is in this status any more.</Text>
      )}
      {query.isError && rows.length === 0 && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {rows.length > 0 && (
        // A 10,000-shipment trip lists 10,000 rows: virtualised, the page holds a screenful of
        // them instead of 60,000 elements that every keystroke in the trip's fields above
        // would have Chromium walk again (docs/web-app.md, benchmark).
        <VirtualTable
          label="Shipments at CBP"
          rows={rows}
          rowCount={chosen?.count ?? view.shipmentTotal}
          // Near the end of what is loaded: the next page from the server.
          onNearEnd={loadMore}
          maxHeight={420}
          rowHeight={ROW_HEIGHT}
          columns={3}
          rowKey={(shipment) => shipment.scn}
          head={
            <>
              <Table.Th>SCN</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Since</Table.Th>
            </>
          }
        >
          {(shipment) => (
            <>
              <Table.Td>{shipment.scn}</Table.Td>
              <Table.Td>
                <StatusBadge status={shipment.status} />
              </Table.Td>
              <Table.Td>{when(shipment.updatedAt)}</Table.Td>
            </>
          )}
        </VirtualTable>
      )}
    </>
  );
}
