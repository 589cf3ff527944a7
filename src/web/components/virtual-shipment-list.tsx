/**
 * A scrolling list of shipments (SCN, type, shipper → consignee), virtualised: only the rows
 * in view are in the DOM, so a trip or a courier's backlog of thousands opens at once.
 */
import { Anchor, ScrollArea, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ShipmentRecord } from '../lib/api-types';

const ROW_HEIGHT = 56;
/** How close to the last loaded row the list asks for more. */
const NEAR_END = 10;

function partyNames(record: ShipmentRecord): string {
  const shipper = record.shipment.shipper?.name ?? 'no shipper';
  const consignee = record.shipment.consignee?.name ?? 'no consignee';
  return `${shipper} → ${consignee}`;
}

export function VirtualShipmentList(props: {
  readonly shipments: readonly ShipmentRecord[];
  /** The list's name. */
  readonly label: string;
  /** The scroller's name, when it needs one apart from the list's. */
  readonly scrollerLabel?: string;
  readonly maxHeight: number;
  /** Called while the rows in view are near the last one loaded (to load the next page). */
  readonly onNearEnd?: () => void;
}) {
  const { shipments, onNearEnd } = props;
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
  const items = virtualizer.getVirtualItems();
  const lastShown = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onNearEnd !== undefined && lastShown >= shipments.length - NEAR_END) onNearEnd();
  }, [onNearEnd, lastShown, shipments.length]);

  return (
    <ScrollArea.Autosize
      mah={props.maxHeight}
      viewportRef={viewport}
      type="auto"
      // Keyboard users scroll the list too (WCAG 2.1.1).
      viewportProps={
        props.scrollerLabel === undefined
          ? { tabIndex: 0 }
          : { tabIndex: 0, 'aria-label': props.scrollerLabel }
      }
    >
      <ul
        aria-label={props.label}
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
  );
}
