/** One trip as server state: read, save with its version (If-Match), its shipments by pages. */
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';
import { useRecordDelete, type RecordDeletes, type Versioned } from '../../../lib/record-writes';
import type {
  Issue,
  Page,
  ProfileRecord,
  ShipmentRecord,
  TripDocument,
  TripListItem,
  TripRecord,
  TripResult,
} from '../../../lib/api-types';

/** The first page is small, for the first rows at once; the next ones as large as the API allows. */
export const TRIP_SHIPMENTS_FIRST_PAGE = 100;
/**
 * The API's largest page (`LIST_PAGE.max`): scrolling to the end of a 10,000-shipment trip
 * takes 20 requests instead of 100.
 */
export const TRIP_SHIPMENTS_NEXT_PAGES = 500;

export function useTrip(tripId: string | undefined) {
  return useQuery({
    queryKey: ['trip', tripId],
    queryFn: ({ signal }) => api<TripRecord>('GET', `/trips/${tripId ?? ''}`, { signal }),
    enabled: tripId !== undefined,
  });
}

export function useSaveTrip(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { document: TripDocument; version: number }) =>
      api<TripResult>('PUT', `/trips/${tripId}`, {
        body: input.document,
        ifMatch: input.version,
      }),
    onSuccess: (result) => {
      client.setQueryData(['trip', tripId], result.trip);
      void client.invalidateQueries({ queryKey: ['trips'] });
      // The server's check of the shipments not loaded yet reads the trip's fields too.
      void client.invalidateQueries({ queryKey: ['trip-validation', tripId] });
    },
  });
}

/** A trip's delete as a versioned record's (useRecordDelete: If-Match, Delete anyway). */
const TRIP_DELETES: RecordDeletes<TripRecord> = {
  listKey: 'trips',
  remove: ({ id, version }) =>
    api<undefined>('DELETE', `/trips/${encodeURIComponent(id)}`, { ifMatch: version }),
  latest: (id) => api<TripRecord>('GET', `/trips/${encodeURIComponent(id)}`),
};

/**
 * Deletes the trip at the version the editor shows, as the address book deletes a party; a
 * trip CBP holds is refused (FILING_TRIP_ON_FILE: cancel its filing first). Once deleted, its
 * shipments are unassociated, so that list is fetched again.
 */
export function useDeleteTrip(trip: Versioned) {
  const client = useQueryClient();
  const records = useRecordDelete(TRIP_DELETES);
  return {
    ...records,
    remove(onDone: () => void) {
      records.remove(trip, () => {
        client.removeQueries({ queryKey: ['trip', trip.id] });
        // The trips list shows its cached pages before it asks again: without the deleted trip.
        client.setQueriesData<Page<TripListItem>>({ queryKey: ['trips'] }, (page) =>
          page === undefined
            ? page
            : { ...page, items: page.items.filter((item) => item.id !== trip.id) },
        );
        void client.invalidateQueries({ queryKey: ['shipments', 'unassociated'] });
        onDone();
      });
    },
  };
}

/**
 * The trip's shipments in document order, 100 first then 500 at a time, loaded as the list scrolls;
 * `text` (part of an SCN, shipper or consignee name) filters on the server.
 */
export function useTripShipments(tripId: string, text = '') {
  return useInfiniteQuery({
    queryKey: ['trip-shipments', tripId, text.trim()],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<ShipmentRecord>>(
        'GET',
        `/trips/${tripId}/shipments${queryString({
          text: text.trim(),
          cursor: pageParam,
          limit: pageParam === undefined ? TRIP_SHIPMENTS_FIRST_PAGE : TRIP_SHIPMENTS_NEXT_PAGES,
        })}`,
        { signal },
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Not on every return to the window: that asks again for every page loaded (21 requests
    // for a 10,000-shipment trip) and compares 10,000 records on the main thread, which
    // stalls typing. Saving a shipment refreshes the list (useSaveShipment).
    refetchOnWindowFocus: false,
  });
}

/** The server's check of the whole trip as saved, and the shipment each problem is in. */
export interface TripValidation {
  readonly issues: Issue[];
  readonly shipmentIds: Readonly<Record<string, string>>;
}

/**
 * The whole trip checked on the server, as saved: for a trip whose shipments are not all
 * loaded, what the browser's own check cannot see yet. Asked only while `enabled`.
 */
export function useTripValidation(tripId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['trip-validation', tripId],
    queryFn: ({ signal }) => api<TripValidation>('GET', `/trips/${tripId}/validation`, { signal }),
    enabled,
    // The trip's shipments are edited on their own pages; coming back asks again.
    staleTime: 0,
  });
}

/** How many saved profiles a picker offers at once: type more to find the others. */
export const PROFILE_CHOICES = 20;

/**
 * Saved trucks, trailers, drivers or passengers, to pick from instead of typing them again:
 * the first by name, or those matching what was typed (the server's search, so thousands of
 * drivers stay there).
 */
export function useProfileChoices(kind: ProfileRecord['kind'], text: string) {
  const q = text.trim() === '' ? undefined : text.trim();
  return useQuery({
    queryKey: ['profiles', kind, 'pick', { q }],
    queryFn: ({ signal }) =>
      api<{ items: ProfileRecord[] }>(
        'GET',
        `/profiles${queryString({ kind, q, limit: PROFILE_CHOICES })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
