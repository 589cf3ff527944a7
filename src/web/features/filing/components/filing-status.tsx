/** Where the trip and each of its shipments stand with CBP, in the users' words. */
import { Badge, Group, Table, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { FilingStatus, FilingView } from '../api/filing';
import { statusColour, statusWords } from '../filing-words';

export function StatusBadge({ status }: { readonly status: FilingStatus }) {
  return (
    // Shade 9 on white: WCAG AA contrast for the small capitals (as the app's alerts do).
    <Badge color={`${statusColour(status)}.9`} variant="outline">
      {statusWords(status)}
    </Badge>
  );
}

function when(at: string | null): string {
  return at === null ? '' : new Date(at).toLocaleString();
}

/** About a row's height (a badge in a cell), for the table's size before it is first drawn. */
const ROW_HEIGHT_ESTIMATE = 37;

/**
 * A 10,000-shipment trip lists 10,000 rows (60,000 elements). While they are out of view the
 * browser skips drawing them; otherwise every keystroke in the trip's fields above takes
 * Chromium's pre-paint walk over all of them (100–120 ms a frame, docs/web-app.md, benchmark).
 * `auto`: once drawn, the table keeps its real height, so the page does not jump.
 */
function drawnWhenInView(rows: number): CSSProperties {
  return {
    contentVisibility: 'auto',
    containIntrinsicBlockSize: `auto ${String(rows * ROW_HEIGHT_ESTIMATE)}px`,
  };
}

export function FilingStatusTable({ view }: { readonly view: FilingView }) {
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
      {view.shipments.length > 0 && (
        <Table.ScrollContainer minWidth={280} style={drawnWhenInView(view.shipments.length + 1)}>
          <Table aria-label="Shipments at CBP" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SCN</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Since</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.shipments.map((shipment) => (
                <Table.Tr key={shipment.scn}>
                  <Table.Td>{shipment.scn}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={shipment.status} />
                  </Table.Td>
                  <Table.Td>{when(shipment.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
