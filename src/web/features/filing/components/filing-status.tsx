/** Where the trip and each of its shipments stand with CBP, in the users' words. */
import { Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { VirtualTable } from '../../../components/virtual-table';
import type { FilingStatus, FilingView } from '../api/filing';
import { statusColour, statusWords } from '../filing-words';
import { statusCounts } from '../status-counts';
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

export function FilingStatusTable({ view }: { readonly view: FilingView }) {
  // "all", or one status: the shipments CBP rejected, say, out of thousands.
  const [shown, setShown] = useState<string>('all');
  const counts = useMemo(() => statusCounts(view.shipments), [view.shipments]);
  const chosen = counts.find((entry) => entry.status === shown)?.status;
  const rows = useMemo(
    () =>
      chosen === undefined
        ? view.shipments
        : view.shipments.filter((shipment) => shipment.status === chosen),
    [view.shipments, chosen],
  );
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
          value={chosen ?? 'all'}
          onChange={(event) => {
            setShown(event.currentTarget.value);
          }}
          data={[
            { value: 'all', label: `All (${count.format(view.shipments.length)})` },
            ...counts.map((entry) => ({
              value: entry.status,
              label: `${statusWords(entry.status)} (${count.format(entry.count)})`,
            })),
          ]}
        />
      )}
      {view.shipments.length > 0 && (
        // A 10,000-shipment trip lists 10,000 rows: virtualised, the page holds a screenful of
        // them instead of 60,000 elements that every keystroke in the trip's fields above
        // would have Chromium walk again (docs/web-app.md, benchmark).
        <VirtualTable
          label="Shipments at CBP"
          rows={rows}
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
