/** Trips and unassociated shipments as server state: pages fetched with the API's cursors. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';
import type { Page, ShipmentRecord, TripListItem } from '../../../lib/api-types';

/** A trip's own status as the list filters it; '' for any. */
export type TripStatusFilter = '' | 'draft' | 'filed' | 'cancelled';

export interface TripFilters {
  readonly text: string;
  readonly status: TripStatusFilter;
  readonly port: string;
  /** Port-local arrival dates, `YYYY-MM-DD`, inclusive; '' for no bound. */
  readonly arrivalFrom: string;
  readonly arrivalTo: string;
}

export const noTripFilters: TripFilters = {
  text: '',
  status: '',
  port: '',
  arrivalFrom: '',
  arrivalTo: '',
};

export const TRIPS_PAGE_SIZE = 25;

export function useTripsPage(filters: TripFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ['trips', filters, cursor ?? null],
    queryFn: ({ signal }) =>
      api<Page<TripListItem>>(
        'GET',
        `/trips${queryString({
          text: filters.text.trim(),
          status: filters.status,
          port: filters.port,
          arrivalFrom: filters.arrivalFrom,
          arrivalTo: filters.arrivalTo,
          cursor,
          limit: TRIPS_PAGE_SIZE,
        })}`,
        { signal },
      ),
    // A big trip's error count is made in the background (null until then): ask again.
    refetchInterval: (query) =>
      query.state.data?.items.some((trip) => trip.errorCount === null) === true
        ? COUNTING_REFETCH_MS
        : false,
  });
}

/** How soon the trips list asks again while a big trip's errors are being counted. */
const COUNTING_REFETCH_MS = 3_000;

export function useUnassociatedShipments() {
  return useInfiniteQuery({
    queryKey: ['shipments', 'unassociated'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<ShipmentRecord>>(
        'GET',
        `/shipments${queryString({ cursor: pageParam, limit: 100 })}`,
        {
          signal,
        },
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A blank draft with the company's next trip number (POST /trips without a body). */
export function useStartTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ trip: Pick<TripListItem, 'id' | 'tripNumber'> }>('POST', '/trips'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['trips'] }),
  });
}
