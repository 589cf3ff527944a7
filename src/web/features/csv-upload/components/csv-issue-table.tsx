/**
 * The upload report's problems located by row and column: sortable by row, column and code,
 * filtered by words, by column and by severity, and virtualised (only the rows in view are in the DOM) so a
 * 100,000-row file's report scrolls as fast as a short one's.
 */
import { Group, Select, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { VirtualTable } from '../../../components/virtual-table';
import type { CsvIssue } from '../api/upload-csv';
import {
  allIssues,
  issueColumns,
  visibleIssues,
  type IssueSeverityFilter,
  type IssueSortKey,
  type IssueView,
} from '../issue-rows';
import { HINT_ABOVE } from '../../../components/hint-above';

const ROW_HEIGHT = 44;
/** The column filter's choice of every column (a Select option needs a non-empty value). */
const ALL = '(all columns)';

const SEVERITIES: { value: IssueSeverityFilter; label: string }[] = [
  { value: 'all', label: 'Errors and warnings' },
  { value: 'error', label: 'Errors only' },
  { value: 'warning', label: 'Warnings only' },
];

function isSeverityFilter(value: string | null): value is IssueSeverityFilter {
  return SEVERITIES.some((choice) => choice.value === value);
}

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

  return (
    <>
      <Group align="flex-end">
        <TextInput
          label="Filter the problems"
          inputWrapperOrder={HINT_ABOVE}
          description="Words in the row, column, value, code or message"
          value={view.text}
          onChange={(event) => {
            setView({ ...view, text: event.currentTarget.value });
          }}
        />
        <Select
          label="Column"
          inputWrapperOrder={HINT_ABOVE}
          description="Only the problems of one column"
          data={[{ value: ALL, label: 'All columns' }, ...columns]}
          value={view.column === '' ? ALL : view.column}
          allowDeselect={false}
          onChange={(column) => {
            setView({ ...view, column: column === null || column === ALL ? '' : column });
          }}
        />
        <Select
          label="Severity"
          inputWrapperOrder={HINT_ABOVE}
          description="Errors stop the import; warnings do not"
          data={SEVERITIES}
          value={view.severity}
          allowDeselect={false}
          onChange={(severity) => {
            if (isSeverityFilter(severity)) setView({ ...view, severity });
          }}
        />
      </Group>
      <Text size="sm" aria-live="polite">
        {shown.length === props.issues.length
          ? `${String(shown.length)} problem${shown.length === 1 ? '' : 's'}`
          : `${String(shown.length)} of ${String(props.issues.length)} problems shown`}
      </Text>
      <VirtualTable
        label="Problems in the file"
        rows={shown}
        maxHeight={480}
        rowHeight={ROW_HEIGHT}
        columns={5}
        tableStyle={{ tableLayout: 'fixed' }}
        head={
          <>
            <SortHeader label="Row" sortKey="row" view={view} onView={setView} width={80} />
            <SortHeader label="Column" sortKey="column" view={view} onView={setView} width="16%" />
            <Table.Th w="14%">Value</Table.Th>
            <SortHeader label="Code" sortKey="code" view={view} onView={setView} width="22%" />
            <Table.Th>Message</Table.Th>
          </>
        }
      >
        {(issue) => (
          <>
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
                // One word, never broken across lines as the code may be.
                <Text
                  span
                  size="xs"
                  fw={700}
                  ml={4}
                  style={{ display: 'inline-block', whiteSpace: 'nowrap' }}
                >
                  (warning)
                </Text>
              )}
            </Table.Td>
            <Table.Td>{issue.message}</Table.Td>
          </>
        )}
      </VirtualTable>
    </>
  );
}
