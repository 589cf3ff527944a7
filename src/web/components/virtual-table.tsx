/**
 * A striped table that scrolls in a region of its own, virtualised: only the rows in view (and
 * a few either side) are in the DOM, between two spacer rows that keep the scroll height, so a
 * table of 10,000 or 100,000 rows draws and scrolls as fast as a short one. The table keeps its
 * real rows and cells for assistive technology (`aria-rowcount`, each row's `aria-rowindex`),
 * and keyboard users reach the scroller (WCAG 2.1.1): it is a labelled, focusable region.
 */
import { Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useState, type CSSProperties, type Key, type ReactNode } from 'react';

/** How close to the last loaded row the table asks for more. */
const NEAR_END = 10;

export function VirtualTable<Row>(props: {
  /** The table's name; the scroller is "<label>, scrollable". */
  readonly label: string;
  readonly rows: readonly Row[];
  readonly maxHeight: number;
  /** About a row's height in pixels, before it is measured. */
  readonly rowHeight: number;
  /** The header cells. */
  readonly head: ReactNode;
  readonly columns: number;
  readonly tableStyle?: CSSProperties | undefined;
  /** A row's React key; its index when rows have no identity of their own. */
  readonly rowKey?: ((row: Row) => Key) | undefined;
  /** A row's cells. */
  readonly children: (row: Row) => ReactNode;
  /** How many rows the table has in all, when `rows` holds the pages loaded so far. */
  readonly rowCount?: number | undefined;
  /** Called while the rows in view are near the last one loaded (to load the next page). */
  readonly onNearEnd?: (() => void) | undefined;
}) {
  // The scroller in state, not a ref: React attaches a parent's ref after its children's layout
  // effects have run, so the body's virtualizer would find no scroller at its first layout and
  // draw no rows until something else re-rendered it. Set, it renders the body again.
  const [viewport, setViewport] = useState<HTMLDivElement | null>(null);
  return (
    <div
      ref={setViewport}
      tabIndex={0}
      role="region"
      aria-label={`${props.label}, scrollable`}
      style={{ maxHeight: props.maxHeight, overflow: 'auto' }}
    >
      <Table
        striped
        stickyHeader
        aria-label={props.label}
        aria-rowcount={(props.rowCount ?? props.rows.length) + 1}
        style={props.tableStyle}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>{props.head}</Table.Tr>
        </Table.Thead>
        <VirtualTableBody
          rows={props.rows}
          viewport={viewport}
          rowHeight={props.rowHeight}
          columns={props.columns}
          rowKey={props.rowKey}
          onNearEnd={props.onNearEnd}
        >
          {props.children}
        </VirtualTableBody>
      </Table>
    </div>
  );
}

function VirtualTableBody<Row>(props: {
  readonly rows: readonly Row[];
  /** The scrolling region the table is in, once mounted. */
  readonly viewport: HTMLDivElement | null;
  /** About a row's height in pixels, before it is measured. */
  readonly rowHeight: number;
  readonly columns: number;
  /** A row's React key; its index when rows have no identity of their own. */
  readonly rowKey?: ((row: Row) => Key) | undefined;
  /** A row's cells. */
  readonly children: (row: Row) => ReactNode;
  readonly onNearEnd?: (() => void) | undefined;
}) {
  const { rows, viewport, onNearEnd } = props;
  // The virtualizer re-renders this component itself; React Compiler leaving it unmemoised is
  // what TanStack Virtual expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport,
    estimateSize: () => props.rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const lastShown = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (onNearEnd !== undefined && lastShown >= rows.length - NEAR_END) onNearEnd();
  }, [onNearEnd, lastShown, rows.length]);
  return (
    <Table.Tbody>
      <SpacerRow height={before} columns={props.columns} />
      {items.map((item) => {
        const row = rows[item.index];
        if (row === undefined) return null;
        return (
          <Table.Tr
            key={props.rowKey?.(row) ?? item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            // The header is row 1.
            aria-rowindex={item.index + 2}
          >
            {props.children(row)}
          </Table.Tr>
        );
      })}
      <SpacerRow height={after} columns={props.columns} />
    </Table.Tbody>
  );
}

/** The height of the rows out of view, above or below those drawn; nothing when none. */
function SpacerRow({ height, columns }: { readonly height: number; readonly columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0 }} />
    </tr>
  );
}
