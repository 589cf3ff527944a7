/**
 * The page after sign-in: trips (server-side search, filters and cursor pages) with the two
 * actions a dispatcher starts the day with, and the unassociated shipments beside them.
 * Viewers see the lists without the actions (the API refuses them their writes anyway).
 */
import { Alert, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CursorPager } from '../../../components/cursor-pager';
import type { Page, Session, TripListItem } from '../../../lib/api-types';
import { useCursorPages } from '../../../lib/use-cursor-pages';
import { canEdit } from '../../auth/api/session';
import { PaperworkActions } from '../../paperwork/components/paperwork-actions';
import { noTripFilters, useStartTrip, useTripsPage, type TripFilters } from '../api/trips';
import { StartFromTemplate } from '../../templates/components/start-from-template';
import { TripRowActions } from '../../templates/components/trip-row-actions';
import { TripFiltersForm } from '../components/trip-filters';
import { TripsTable } from '../components/trips-table';
import { UnassociatedShipments } from '../components/unassociated-shipments';
import { CsvUpload } from '../../csv-upload';

/** The rows last shown: kept while a new search runs or fails (e.g. the session expired). */
function useLastPage(page: Page<TripListItem> | undefined) {
  const [shown, setShown] = useState(page);
  if (page !== undefined && page !== shown) setShown(page);
  return shown;
}

function StartActions() {
  const startTrip = useStartTrip();
  const navigate = useNavigate();
  return (
    <Group>
      <Button
        loading={startTrip.isPending}
        onClick={() => {
          startTrip.mutate(undefined, {
            // The draft opens in the trip editor, its number taken from the company sequence.
            onSuccess: ({ trip }) => void navigate(`/trips/${trip.id}`),
            onError: (error) => {
              notifications.show({
                color: 'red',
                title: 'Trip not started',
                message: error.message,
              });
            },
          });
        }}
      >
        Start New ACE Trip
      </Button>
      <Button variant="outline" component={Link} to="/shipments/new">
        Start New ACE Shipment
      </Button>
      <StartFromTemplate />
    </Group>
  );
}

export function TripsPage({ session }: { session: Session }) {
  const [filters, setFilters] = useState<TripFilters>(noTripFilters);
  const pages = useCursorPages();
  const query = useTripsPage(filters, pages.cursor);
  const page = useLastPage(query.data);

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          Trips
        </Title>
        {canEdit(session) && <StartActions />}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, xl: 9 }}>
          <Paper component="section" withBorder p="md" aria-label="Trips list">
            <Stack>
              <TripFiltersForm
                onApply={(next) => {
                  setFilters(next);
                  pages.first();
                }}
              />
              {query.isError && (
                <Alert color="red" role="alert" title="The trips could not be loaded">
                  {query.error.message}
                </Alert>
              )}
              {page === undefined && query.isPending && <Loader aria-label="Loading trips" />}
              {page !== undefined && page.items.length === 0 && (
                <Text>No trips match. Clear the search or start a new trip.</Text>
              )}
              {page !== undefined && page.items.length > 0 && (
                <TripsTable
                  trips={page.items}
                  actions={canEdit(session) ? (trip) => <TripRowActions trip={trip} /> : undefined}
                />
              )}
              <CursorPager
                pages={pages}
                nextCursor={query.data?.nextCursor}
                fetching={query.isFetching}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 3 }}>
          <UnassociatedShipments />
        </Grid.Col>
        <Grid.Col span={12}>
          <CsvUpload session={session} />
          <PaperworkActions canEdit={canEdit(session)} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
