/**
 * Printing from the trips page: every lead sheet of a day in one PDF (any role), and PAPS
 * labels that reserve the next SCNs (dispatchers and admins). docs/paperwork.md.
 */
import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { NumberField } from '../../../components/number-field';
import { dayLeadSheetsUrl, today, useReserveLabels } from '../api/paperwork';

function LabelsForm() {
  const [count, setCount] = useState<number | undefined>(30);
  const [size, setSize] = useState<'letter' | 'a4'>('letter');
  const reserve = useReserveLabels();
  return (
    <Stack gap="xs">
      <Group align="end">
        <NumberField
          label="PAPS labels"
          name="The number of labels"
          whole
          value={count}
          onChange={setCount}
          w={120}
        />
        <Select
          label="Paper"
          data={[
            { value: 'letter', label: 'US Letter, 30 a sheet' },
            { value: 'a4', label: 'A4, 21 a sheet' },
          ]}
          value={size}
          allowDeselect={false}
          onChange={(value) => {
            setSize(value === 'a4' ? 'a4' : 'letter');
          }}
          w={200}
        />
        <Button
          variant="outline"
          loading={reserve.isPending}
          disabled={count === undefined}
          onClick={() => {
            if (count !== undefined) reserve.mutate({ count, size });
          }}
        >
          Reserve SCNs and print labels
        </Button>
      </Group>
      {reserve.isError && (
        <Text c="red" role="alert">
          {reserve.error.message}
        </Text>
      )}
      {reserve.data !== undefined && (
        <Text role="status">
          Reserved {reserve.data.count} SCNs, {reserve.data.first} to {reserve.data.last}:{' '}
          <Anchor href={reserve.data.url} download={reserve.data.filename}>
            download the labels ({reserve.data.filename})
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

export function PaperworkActions({ canEdit }: { readonly canEdit: boolean }) {
  const [date, setDate] = useState(today());
  return (
    <Paper component="section" withBorder p="md" aria-label="Paperwork">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Paperwork
        </Title>
        <Group align="end">
          <TextInput
            type="date"
            label="Arrival date (port-local)"
            value={date}
            onChange={(event) => {
              setDate(event.currentTarget.value);
            }}
          />
          <Button
            component="a"
            href={dayLeadSheetsUrl(date)}
            target="_blank"
            rel="noopener"
            variant="outline"
            disabled={date === ''}
          >
            Print the day&apos;s lead sheets
          </Button>
        </Group>
        {canEdit && <LabelsForm />}
      </Stack>
    </Paper>
  );
}
