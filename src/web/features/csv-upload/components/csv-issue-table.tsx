/**
 * The upload report's problems located by row and column: sortable by row, column and code,
 * filtered by words and by column, and virtualised (only the rows in view are in the DOM) so a
 * 100,000-row file's report scrolls as fast as a short one's.
 */
import { Group, Select, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { CsvIssue } from '../api/upload-csv';
import {
  allIssues,
  issueColumns,
  visibleIssues,
  type IssueSortKey,
  type IssueView,
} from '../issue-rows';

const ROW_HEIGHT = 44;
/** The column filter's choice of every column (a Select option needs a non-empty value). */
const ALL = '(all columns)';

function SortHeader(props: {
  readonly label: string;
  readonly sortKey: IssueSortKey;
  readonly view: IssueView;
  readonly onView: (view: IssueView) => void;
  readonly width: number | string;
}) {
  const active = props.view.sort === props.sortKey;
  const direction = active && props.view.descending ? 'descending' : 'ascending';
  return (
    <Table.Th w={props.width} aria-sort={active ? direction : 'none'}>
      <UnstyledButton
        fw={700}
        fz="sm"
        onClick={() => {
          props.onView({
            ...props.view,
            sort: props.sortKey,
            descending: active ? !props.view.descending : false,
          });
        }}
      >
        {props.label}{' '}
        <span aria-hidden="true">{active ? (props.view.descending ? '▼' : '▲') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function CsvIssueTable(props: { readonly issues: readonly CsvIssue[] }) {
  const [view, setView] = useState<IssueView>(allIssues);
  const columns = useMemo(() => issueColumns(props.issues), [props.issues]);
  const shown = useMemo(() => visibleIssues(props.issues, view), [props.issues, view]);
  const viewport = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <>
      <Group align="flex-end">
        <TextInput
          label="Filter the problems"
          description="Words in the row, column, value, code or message"
          value={view.text}
          onChange={(event) => {
            setView({ ...view, text: event.currentTarget.value });
          }}
        />
        <Select
          label="Column"
          description="Only the problems of one column"
          data={[{ value: ALL, label: 'All columns' }, ...columns]}
          value={view.column === '' ? ALL : view.column}
          allowDeselect={false}
          onChange={(column) => {
            setView({ ...view, column: column === null || column === ALL ? '' : column });
          }}
        />
      </Group>
      <Text size="sm" aria-live="polite">
        {shown.length === props.issues.length
          ? `${String(shown.length)} problem${shown.length === 1 ? '' : 's'}`
          : `${String(shown.length)} of ${String(props.issues.length)} problems shown`}
      </Text>
      <div
        ref={viewport}
        tabIndex={0}
        role="region"
        aria-label="Problems in the file, scrollable"
        style={{ maxHeight: 480, overflow: 'auto' }}
      >
        <Table
          striped
          stickyHeader
          aria-label="Problems in the file"
          aria-rowcount={shown.length + 1}
          style={{ tableLayout: 'fixed' }}
        >
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              <SortHeader label="Row" sortKey="row" view={view} onView={setView} width={80} />
              <SortHeader
                label="Column"
                sortKey="column"
                view={view}
                onView={setView}
                width="16%"
              />
              <Table.Th w="14%">Value</Table.Th>
              <SortHeader label="Code" sortKey="code" view={view} onView={setView} width="22%" />
              <Table.Th>Message</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && (
              <tr aria-hidden="true">
                <td colSpan={5} style={{ height: before, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const issue = shown[item.index];
              if (issue === undefined) return null;
              return (
                <Table.Tr
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-rowindex={item.index + 2}
                >
                  <Table.Td>{issue.row ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{issue.column ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {issue.value === null || issue.value === '' ? (
                      <Text span c="dimmed" size="sm">
                        (blank)
                      </Text>
                    ) : (
                      <code>{issue.value}</code>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <code>{issue.code}</code>
                    {issue.severity === 'warning' && (
                      <Text span size="xs" fw={700} ml={4}>
                        (warning)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{issue.message}</Table.Td>
                </Table.Tr>
              );
            })}
            {after > 0 && (
              <tr aria-hidden="true">
                <td colSpan={5} style={{ height: after, padding: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
