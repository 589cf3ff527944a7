/**
 * The filing history, newest first, each entry saying whether it was sent to CBP, came from CBP
 * or is this service's note (historyLines: a 997 is CBP's receipt, one moment's entries in the
 * order they happen, an answer repeated not listed twice), with CBP's reasons in its own words
 * and, under each, what it means and how to fix it (from the API's reason catalogue); then every
 * raw interchange sent or received, downloadable byte for byte.
 */
import { Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { interchangeUrl, useFilingHistory, type FilingView } from '../api/filing';
import { historyLines } from '../history-lines';
import { StatusBadge } from './filing-status';
import { instantText } from '../../../lib/port-time';

const count = new Intl.NumberFormat('en-US');

/**
 * The entries to list: the view's latest ones until the user asks for earlier entries, then
 * the whole history's pages from the newest (one more per click), kept fresh as entries come.
 */
function useHistoryEntries(tripId: string, view: FilingView) {
  // How many pages past the view's window the user asked for.
  const [earlier, setEarlier] = useState(0);
  const pages = useFilingHistory(tripId, earlier > 0);
  const loaded = pages.data?.pages.length ?? 0;
  const { hasNextPage, isFetching, fetchNextPage, refetch } = pages;
  useEffect(() => {
    if (earlier > 0 && loaded > 0 && loaded < earlier + 1 && hasNextPage && !isFetching) {
      void fetchNextPage();
    }
  }, [earlier, loaded, hasNextPage, isFetching, fetchNextPage]);
  // New entries came (CBP answered): the pages are read again from the newest.
  const total = view.historyTotal;
  useEffect(() => {
    if (earlier > 0) void refetch();
    // Only when the total changes, not when more pages are asked for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [total, refetch]);
  const paged = earlier > 0 && pages.data !== undefined;
  return {
    // Oldest first, as recorded (the pages come newest first).
    entries: paged ? pages.data.pages.flatMap((page) => page.items).reverse() : view.history,
    more: paged ? hasNextPage : view.historyCursor !== null,
    loading: earlier > 0 && (isFetching || loaded < earlier + 1),
    showEarlier: () => {
      setEarlier((asked) => asked + 1);
    },
  };
}

export function FilingHistory(props: { readonly tripId: string; readonly view: FilingView }) {
  const { entries, more, loading, showEarlier } = useHistoryEntries(props.tripId, props.view);
  const history = historyLines(entries);
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
      {more && (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            The latest {count.format(entries.length)} of {count.format(props.view.historyTotal)}{' '}
            entries.
          </Text>
          <Button variant="default" size="xs" loading={loading} onClick={showEarlier}>
            Show earlier entries
          </Button>
        </Group>
      )}
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
