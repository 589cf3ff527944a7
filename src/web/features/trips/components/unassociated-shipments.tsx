/**
 * Shipments not yet on a trip, beside the trips list. Couriers keep thousands here, so the
 * list is virtualised (only the visible rows are in the DOM) and pages load on demand.
 */
import { Alert, Button, Paper, Text, Title } from '@mantine/core';
import { VirtualShipmentList } from '../../../components/virtual-shipment-list';
import { useUnassociatedShipments } from '../api/trips';

export function UnassociatedShipments() {
  const query = useUnassociatedShipments();
  const shipments = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="unassociated-title">
      <Title order={2} size="h4" id="unassociated-title" mb="xs">
        Unassociated shipments
      </Title>
      {query.isError && shipments.length === 0 && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {query.isSuccess && shipments.length === 0 && (
        <Text c="dimmed">Every shipment is on a trip.</Text>
      )}
      {shipments.length > 0 && (
        <VirtualShipmentList shipments={shipments} label="Unassociated shipments" maxHeight={480} />
      )}
      {query.hasNextPage && (
        <Button
          variant="default"
          mt="sm"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          Load more shipments
        </Button>
      )}
    </Paper>
  );
}
