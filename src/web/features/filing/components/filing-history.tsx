/**
 * The filing history, newest first, each entry saying whether it was sent to CBP, came from CBP
 * or is this service's note (historyLines: a 997 is CBP's receipt, one moment's entries in the
 * order they happen, an answer repeated not listed twice), with CBP's reasons in its own words
 * and, under each, what it means and how to fix it (from the API's reason catalogue); then every
 * raw interchange sent or received, downloadable byte for byte.
 */
import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { interchangeUrl, type FilingView } from '../api/filing';
import { historyLines } from '../history-lines';
import { StatusBadge } from './filing-status';
import { instantText } from '../../../lib/port-time';

export function FilingHistory(props: { readonly tripId: string; readonly view: FilingView }) {
  const history = historyLines(props.view.history);
  if (history.length === 0) return <Text size="sm">Nothing has been sent to CBP yet.</Text>;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        History
      </Title>
      <List spacing="xs" listStyleType="none" aria-label="Filing history" m={0} p={0}>
        {history.map(({ entry, what, status }, index) => (
          <List.Item key={`${entry.at}-${entry.scn ?? 'trip'}-${String(index)}`}>
            <Text size="sm">
              {instantText(entry.at, { seconds: true })} · {entry.scn ?? 'Trip'} · {what}
              {status !== undefined && (
                <>
                  {' '}
                  <StatusBadge status={status} />
                </>
              )}
              {entry.interchangeId !== null && (
                <>
                  {' '}
                  <Anchor
                    href={interchangeUrl(props.tripId, entry.interchangeId)}
                    download
                    size="sm"
                  >
                    The interchange (X12)
                  </Anchor>
                </>
              )}
            </Text>
            {entry.reasons.map((reason, at) => (
              <Stack key={at} gap={0} ml="md">
                <Text size="sm" ff="monospace">
                  {/* An answer's reasons are CBP's words; an entry without an interchange is
                      this service's own note (a mailbox refusal, an interchange taken as lost). */}
                  {entry.interchangeId === null ? 'Note: ' : 'CBP: '}
                  {reason.code === null ? '' : `${reason.code} `}
                  {reason.text}
                </Text>
                {reason.explanation !== null && (
                  <>
                    <Text size="sm">Meaning: {reason.explanation.meaning}</Text>
                    <Text size="sm">Fix: {reason.explanation.fix}</Text>
                  </>
                )}
              </Stack>
            ))}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function InterchangeList(props: { readonly tripId: string; readonly view: FilingView }) {
  const interchanges = [...props.view.interchanges].reverse();
  if (interchanges.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Interchanges
      </Title>
      <Table.ScrollContainer minWidth={280}>
        <Table aria-label="Interchanges with CBP">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Message</Table.Th>
              <Table.Th>Raw X12</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {interchanges.map((interchange) => {
              const what = `${interchange.direction === 'out' ? 'Sent' : 'Received'} ${interchange.setId ?? 'unreadable'}${interchange.controlNumber === null ? '' : ` #${interchange.controlNumber}`}`;
              return (
                <Table.Tr key={interchange.id}>
                  <Table.Td>{instantText(interchange.at, { seconds: true })}</Table.Td>
                  <Table.Td>
                    {what}
                    {interchange.problem !== null && (
                      <Text size="xs" c="red.9">
                        {interchange.problem}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={interchangeUrl(props.tripId, interchange.id)} download>
                      Download {what}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
