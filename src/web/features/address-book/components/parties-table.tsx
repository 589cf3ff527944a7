/** One page of the address book: who, where, how to reach them, and the row's actions. */
import { Button, Group, Table } from '@mantine/core';
import { countryName } from '../../../../codes/countries.js';
import type { PartyRecord } from '../api/parties';
import { KIND_WORDS } from './party-kinds';

function place(record: PartyRecord): string {
  const address = record.party.address;
  const country = address?.country;
  const parts = [
    address?.city,
    address?.stateProvince,
    country === undefined ? undefined : (countryName(country) ?? country),
  ].filter((part) => part !== undefined && part !== '');
  return parts.length === 0 ? '—' : parts.join(', ');
}

export function PartiesTable(props: {
  parties: readonly PartyRecord[];
  /** Absent for a viewer: no edit or delete buttons. */
  onEdit?: ((party: PartyRecord) => void) | undefined;
  onDelete?: ((party: PartyRecord) => void) | undefined;
}) {
  const editable = props.onEdit !== undefined && props.onDelete !== undefined;
  return (
    <Table.ScrollContainer
      minWidth={820}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Address book table"
    >
      <Table striped highlightOnHover aria-label="Address book">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>City, state/province, country</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>E-mail</Table.Th>
            <Table.Th>Filer code</Table.Th>
            {editable && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.parties.map((record) => {
            const name = record.party.name ?? '(no name)';
            return (
              <Table.Tr key={record.id}>
                <Table.Th scope="row">{name}</Table.Th>
                <Table.Td>{KIND_WORDS[record.kind].label}</Table.Td>
                <Table.Td>{place(record)}</Table.Td>
                <Table.Td>{record.party.phone ?? '—'}</Table.Td>
                <Table.Td>{record.party.email ?? '—'}</Table.Td>
                <Table.Td>
                  {record.kind === 'broker' ? (record.party.filerCode ?? '—') : ''}
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Edit ${name}`}
                        onClick={() => props.onEdit?.(record)}
                      >
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        aria-label={`Delete ${name}`}
                        onClick={() => props.onDelete?.(record)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
