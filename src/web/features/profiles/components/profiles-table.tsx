/** The saved profiles of one kind, with the columns that tell them apart at a glance. */
import { Table } from '@mantine/core';
import { findEquipmentType, findTravelDocumentType } from '../../../../codes/simple-lists.js';
import { RecordRow } from '../../../components/record-row';
import { ScrollingTable } from '../../../components/scrolling-table';
import type { ProfileKind, ProfileRecord } from '../api/profiles';

interface Column {
  readonly header: string;
  readonly cell: (record: ProfileRecord) => string;
}

function plates(record: ProfileRecord): string {
  if (record.kind !== 'truck' && record.kind !== 'trailer') return '';
  const list = (record.data.licensePlates ?? []).map((plate) => {
    const where = [plate.stateProvince, plate.country].filter(Boolean).join(', ');
    return where === '' ? (plate.number ?? '') : `${plate.number ?? ''} (${where})`;
  });
  return list.length === 0 ? '—' : list.join('; ');
}

const COLUMNS: Record<ProfileKind, readonly Column[]> = {
  truck: [
    { header: 'Unit number', cell: (r) => (r.kind === 'truck' ? (r.data.number ?? '—') : '') },
    { header: 'VIN', cell: (r) => (r.kind === 'truck' ? (r.data.vinNumber ?? '—') : '') },
    { header: 'Licence plates', cell: plates },
    {
      header: 'Transponder',
      cell: (r) => (r.kind === 'truck' ? (r.data.transponderNumber ?? '—') : ''),
    },
  ],
  trailer: [
    { header: 'Unit number', cell: (r) => (r.kind === 'trailer' ? (r.data.number ?? '—') : '') },
    {
      header: 'Equipment type',
      cell: (r) => {
        const type = r.kind === 'trailer' ? r.data.type : undefined;
        if (type === undefined) return '—';
        return findEquipmentType(type)?.name ?? type;
      },
    },
    { header: 'Licence plates', cell: plates },
  ],
  driver: personColumns(),
  passenger: personColumns(),
};

function personColumns(): readonly Column[] {
  const person = (r: ProfileRecord) =>
    r.kind === 'driver' || r.kind === 'passenger' ? r.data : {};
  return [
    { header: 'Date of birth', cell: (r) => person(r).dateOfBirth ?? '—' },
    { header: 'Citizenship', cell: (r) => person(r).citizenshipCountry ?? '—' },
    { header: 'FAST card', cell: (r) => person(r).fastCardNumber ?? '—' },
    {
      header: 'Travel documents',
      cell: (r) => {
        const documents = (person(r).travelDocuments ?? []).map((document) => {
          const type =
            document.type === undefined ? undefined : findTravelDocumentType(document.type);
          return `${type?.name ?? document.type ?? 'Document'} ${document.number ?? ''}`.trim();
        });
        return documents.length === 0 ? '—' : documents.join('; ');
      },
    },
  ];
}

export function ProfilesTable(props: {
  kind: ProfileKind;
  label: string;
  profiles: readonly ProfileRecord[];
  onEdit?: ((profile: ProfileRecord) => void) | undefined;
  onDelete?: ((profile: ProfileRecord) => void) | undefined;
}) {
  const columns = COLUMNS[props.kind];
  const editable = props.onEdit !== undefined && props.onDelete !== undefined;
  return (
    <ScrollingTable
      label={props.label}
      minWidth={760}
      head={
        <>
          <Table.Th>Name</Table.Th>
          {columns.map((column) => (
            <Table.Th key={column.header}>{column.header}</Table.Th>
          ))}
          {editable && <Table.Th>Actions</Table.Th>}
        </>
      }
    >
      {props.profiles.map((record) => {
        const name = record.name === '' ? '(no name)' : record.name;
        return (
          <RecordRow
            key={record.id}
            record={record}
            name={name}
            onEdit={props.onEdit}
            onDelete={props.onDelete}
          >
            {columns.map((column) => (
              <Table.Td key={column.header}>{column.cell(record)}</Table.Td>
            ))}
          </RecordRow>
        );
      })}
    </ScrollingTable>
  );
}
