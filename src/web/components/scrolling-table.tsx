/**
 * A striped list table that scrolls sideways on narrow screens; keyboard users reach the
 * scroller too (WCAG 2.1.1), so it is a labelled, focusable region.
 */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScrollingTable(props: {
  /** The table's name; the scroller is "<label> table". */
  readonly label: string;
  readonly minWidth: number;
  /** The header cells. */
  readonly head: ReactNode;
  /** The body rows. */
  readonly children: ReactNode;
}) {
  return (
    <Table.ScrollContainer
      minWidth={props.minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={`${props.label} table`}
    >
      <Table striped highlightOnHover aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>{props.head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{props.children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
