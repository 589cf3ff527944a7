/**
 * After a refused save (someone else saved first): what differs between the user's version and
 * theirs, field by field, in the dispatcher's words, read when the refusal is shown. Beside
 * "Save mine over theirs" and "Load the other version", so the choice is made knowing both.
 */
import { Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { describePath } from '../../rules/field-labels.js';
import { versionDifferences } from '../lib/version-differences';

export interface VersionComparison {
  /** Names the record, to cache their version under: "trip 1234". */
  readonly key: string;
  /** The version being edited. */
  readonly mine: unknown;
  /** Reads the version saved now, in the same shape as `mine`. */
  readonly theirs: () => Promise<unknown>;
  /** A field's name from its pointer; the trip document's words when not given. */
  readonly label?: ((pointer: string) => string) | undefined;
}

export function VersionDifferencesTable({
  comparison,
}: {
  readonly comparison: VersionComparison;
}) {
  const theirs = useQuery({
    queryKey: ['their-version', comparison.key],
    queryFn: comparison.theirs,
    // Read anew at each refusal: theirs may have moved again.
    gcTime: 0,
  });
  if (theirs.isPending) return <Loader size="xs" aria-label="Reading the version saved now" />;
  if (theirs.isError) {
    return <Text size="sm">The version saved now could not be read: {theirs.error.message}</Text>;
  }
  const rows = versionDifferences(comparison.mine, theirs.data);
  if (rows.length === 0) {
    return (
      <Text size="sm">
        Their version has the same values as yours in this form; they changed something else.
      </Text>
    );
  }
  const label = comparison.label ?? ((pointer: string) => describePath(undefined, pointer));
  return (
    <Table.ScrollContainer minWidth={420} mt="sm">
      <Table aria-label="What differs from the version saved now" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th>Yours (not saved)</Table.Th>
            <Table.Th>Saved by someone else</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.pointer}>
              <Table.Th scope="row">{label(row.pointer)}</Table.Th>
              <Table.Td>{row.mine === '' ? <Blank /> : row.mine}</Table.Td>
              <Table.Td>{row.theirs === '' ? <Blank /> : row.theirs}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Blank() {
  return (
    <Text span size="sm" c="dimmed">
      (blank)
    </Text>
  );
}
