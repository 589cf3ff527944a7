/** One page of trips: the columns a dispatcher scans before the truck reaches the border. */
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TripListItem } from '../../../lib/api-types';
import { ScrollingTable } from '../../../components/scrolling-table';
import { portLocalTime, portName } from '../../../lib/port-time';
import { StatusBadge } from '../../filing/components/filing-status';

// Dark shades: the status is text on white and must reach 4.5:1 (WCAG 1.4.3).
const statusLook = {
  draft: { label: 'Draft', colour: 'gray.8' },
  filed: { label: 'Filed', colour: 'green.9' },
  cancelled: { label: 'Cancelled', colour: 'red.9' },
} as const;

function driverName(trip: TripListItem): string {
  const driver = trip.document.drivers?.[0];
  const name = [driver?.firstName, driver?.lastName].filter(Boolean).join(' ');
  return name === '' ? '—' : name;
}

function truckPlate(trip: TripListItem): string {
  const plate = trip.document.truck?.licensePlates?.[0];
  if (plate?.number === undefined) return '—';
  const where = [plate.stateProvince, plate.country].filter(Boolean).join(', ');
  return where === '' ? plate.number : `${plate.number} (${where})`;
}

/**
 * Where CBP stands on the trip, as its answers came in: what a dispatcher filing forty trucks
 * checks before noon. Shipments CBP rejected are counted beside the trip's own status (the
 * trip editor's filing panel says why).
 */
function AtCbp({ trip }: { trip: TripListItem }) {
  const { status, rejectedShipments } = trip.cbp;
  return (
    // The rejected count goes under the status when the column is narrow (a tablet).
    <Group gap={4}>
      {status === 'draft' ? (
        <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          Not sent
        </Text>
      ) : (
        <StatusBadge status={status} />
      )}
      {rejectedShipments > 0 && (
        <Badge color="red.9" variant="filled" miw="max-content">
          {rejectedShipments} shipment{rejectedShipments === 1 ? '' : 's'} rejected
        </Badge>
      )}
    </Group>
  );
}

/** A row's own actions (copy, save as template); absent for a viewer. */
type RowActions = ((trip: TripListItem) => ReactNode) | undefined;

function TripRow({ trip, actions }: { trip: TripListItem; actions: RowActions }) {
  const eta = portLocalTime(trip.document.estimatedArrivalDateTime, trip.document.usPortOfArrival);
  return (
    <Table.Tr>
      <Table.Td>
        <Text span size="sm" fw={600} c={statusLook[trip.status].colour}>
          {statusLook[trip.status].label}
        </Text>
      </Table.Td>
      <Table.Th scope="row">
        <Anchor component={Link} to={`/trips/${trip.id}`}>
          {trip.tripNumber}
        </Anchor>
      </Table.Th>
      <Table.Td>
        <AtCbp trip={trip} />
      </Table.Td>
      <Table.Td>{portName(trip.document.usPortOfArrival)}</Table.Td>
      <Table.Td title={eta.zone}>{eta.text}</Table.Td>
      <Table.Td>{driverName(trip)}</Table.Td>
      <Table.Td>{truckPlate(trip)}</Table.Td>
      <Table.Td ta="right">{trip.shipmentCount}</Table.Td>
      <Table.Td ta="right">
        {trip.errorCount === null ? (
          // A big trip is counted in the background; the list asks again until it is.
          <Text span size="sm" c="dimmed" aria-label="errors being counted">
            counting…
          </Text>
        ) : trip.errorCount === 0 ? (
          <Text span size="sm" c="green.9">
            0
          </Text>
        ) : (
          <Badge color="red" variant="filled" aria-label={`${trip.errorCount} errors`}>
            {trip.errorCount}
          </Badge>
        )}
      </Table.Td>
      {actions !== undefined && <Table.Td>{actions(trip)}</Table.Td>}
    </Table.Tr>
  );
}

export function TripsTable({
  trips,
  actions,
}: {
  trips: readonly TripListItem[];
  actions?: RowActions;
}) {
  return (
    <ScrollingTable
      label="Trips"
      minWidth={960}
      head={
        <>
          <Table.Th>Status</Table.Th>
          <Table.Th>Trip number</Table.Th>
          <Table.Th>At CBP</Table.Th>
          <Table.Th>Port of arrival</Table.Th>
          <Table.Th>ETA (port time)</Table.Th>
          <Table.Th>Driver</Table.Th>
          <Table.Th>Truck plate</Table.Th>
          <Table.Th ta="right">Shipments</Table.Th>
          <Table.Th ta="right">Errors</Table.Th>
          {actions !== undefined && <Table.Th>Actions</Table.Th>}
        </>
      }
    >
      {trips.map((trip) => (
        <TripRow key={trip.id} trip={trip} actions={actions} />
      ))}
    </ScrollingTable>
  );
}
