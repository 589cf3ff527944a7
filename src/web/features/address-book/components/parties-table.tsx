/** One page of the address book: who, where, how to reach them, and the row's actions. */
import { Table } from '@mantine/core';
import { countryName } from '../../../../codes/countries.js';
import { RecordRow } from '../../../components/record-row';
import { ScrollingTable } from '../../../components/scrolling-table';
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
    <ScrollingTable
      label="Address book"
      minWidth={820}
      head={
        <>
          <Table.Th>Name</Table.Th>
          <Table.Th>Kind</Table.Th>
          <Table.Th>City, state/province, country</Table.Th>
          <Table.Th>Phone</Table.Th>
          <Table.Th>E-mail</Table.Th>
          <Table.Th>Filer code</Table.Th>
          {editable && <Table.Th>Actions</Table.Th>}
        </>
      }
    >
      {props.parties.map((record) => {
        const name = record.party.name ?? '(no name)';
        return (
          <RecordRow
            key={record.id}
            record={record}
            name={name}
            onEdit={props.onEdit}
            onDelete={props.onDelete}
          >
            <Table.Td>{KIND_WORDS[record.kind].label}</Table.Td>
            <Table.Td>{place(record)}</Table.Td>
            <Table.Td>{record.party.phone ?? '—'}</Table.Td>
            <Table.Td>{record.party.email ?? '—'}</Table.Td>
            <Table.Td>{record.kind === 'broker' ? (record.party.filerCode ?? '—') : ''}</Table.Td>
          </RecordRow>
        );
      })}
    </ScrollingTable>
  );
}
