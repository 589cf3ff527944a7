/**
 * One shipment as server state (read, save, delete), the address book's quick-assign search,
 * and draft trips.
 */
import { useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';
import { useRecordDelete, type RecordDeletes, type Versioned } from '../../../lib/record-writes';
import type {
  Page,
  Party,
  PartyRecord,
  Shipment,
  ShipmentRecord,
  ShipmentResult,
  TripListItem,
} from '../../../lib/api-types';

import { withoutShipment } from './without-shipment';

export type PartyKind = PartyRecord['kind'];

export function useShipment(shipmentId: string | undefined) {
  return useQuery({
    queryKey: ['shipment', shipmentId],
    queryFn: ({ signal }) =>
      api<ShipmentRecord>('GET', `/shipments/${shipmentId ?? ''}`, { signal }),
    enabled: shipmentId !== undefined,
  });
}

export interface SaveShipment {
  readonly shipment: Shipment;
  /** The trip it should be on; null: unassociated. */
  readonly tripId: string | null;
  /** Absent: a new shipment. */
  readonly existing?: {
    readonly id: string;
    readonly version: number;
    readonly tripId: string | null;
  };
}

/**
 * Creates (on the trip, or unassociated) or replaces with If-Match; a changed trip is then
 * set with PUT /shipments/{id}/trip, on the version the replacement answered.
 */
export function useSaveShipment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: SaveShipment): Promise<ShipmentResult> => {
      if (input.existing === undefined) {
        const path = input.tripId === null ? '/shipments' : `/trips/${input.tripId}/shipments`;
        return api<ShipmentResult>('POST', path, { body: input.shipment });
      }
      const { id, version, tripId } = input.existing;
      const saved = await api<ShipmentResult>('PUT', `/shipments/${id}`, {
        body: input.shipment,
        ifMatch: version,
      });
      if (tripId === input.tripId) return saved;
      return api<ShipmentResult>('PUT', `/shipments/${id}/trip`, {
        body: { tripId: input.tripId },
        ifMatch: saved.shipment.version,
      });
    },
    onSuccess: (result) => {
      client.setQueryData(['shipment', result.shipment.id], result.shipment);
      void client.invalidateQueries({ queryKey: ['trip-shipments'] });
      void client.invalidateQueries({ queryKey: ['shipments', 'unassociated'] });
      void client.invalidateQueries({ queryKey: ['trips'] });
      void client.invalidateQueries({ queryKey: ['next-scn'] });
    },
  });
}

/** A shipment's delete as a versioned record's (useRecordDelete: If-Match, Delete anyway). */
const SHIPMENT_DELETES: RecordDeletes<ShipmentRecord> = {
  listKey: 'trip-shipments',
  remove: ({ id, version }) =>
    api<undefined>('DELETE', `/shipments/${encodeURIComponent(id)}`, { ifMatch: version }),
  latest: (id) => api<ShipmentRecord>('GET', `/shipments/${encodeURIComponent(id)}`),
};

/**
 * Deletes the shipment at the version the page shows, as the trip editor deletes a trip; its
 * SCN stays used. Once deleted it leaves the cached lists at once (the trip's, the
 * unassociated one), and the counts and checks that included it are asked for again.
 */
export function useDeleteShipment(shipment: Versioned) {
  const client = useQueryClient();
  const records = useRecordDelete(SHIPMENT_DELETES);
  return {
    ...records,
    remove(onDone: () => void) {
      records.remove(shipment, () => {
        client.removeQueries({ queryKey: ['shipment', shipment.id] });
        for (const list of [['trip-shipments'], ['shipments', 'unassociated']]) {
          client.setQueriesData<InfiniteData<Page<ShipmentRecord>>>({ queryKey: list }, (data) =>
            withoutShipment(data, shipment.id),
          );
        }
        void client.invalidateQueries({ queryKey: ['shipments', 'unassociated'] });
        void client.invalidateQueries({ queryKey: ['trips'] });
        void client.invalidateQueries({ queryKey: ['trip-validation'] });
        onDone();
      });
    },
  };
}

/** Quick assign: the address book's parties of one kind whose words start as typed. */
export function usePartySearch(kind: PartyKind, text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['parties', 'search', kind, q],
    queryFn: ({ signal }) =>
      api<{ items: PartyRecord[] }>('GET', `/parties/search${queryString({ q, kind, limit: 8 })}`, {
        signal,
      }),
    // The search takes up to 200 characters (GET /parties/search): a longer name (the party
    // being typed, looked up among its namesakes) is asked nothing rather than refused.
    enabled: q.length > 0 && q.length <= SEARCH_TEXT_MAX,
    staleTime: 30_000,
  });
}

const SEARCH_TEXT_MAX = 200;

export function useCreateParty() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: PartyKind; party: Party | PartyRecord['party'] }) =>
      api<PartyRecord>('POST', '/parties', { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['parties'] }),
  });
}

/** Draft trips whose number holds the text typed, for "Attached to Trip Number". */
export function useDraftTrips(text: string) {
  return useQuery({
    queryKey: ['trips', 'draft-choices', text.trim()],
    queryFn: ({ signal }) =>
      api<Page<TripListItem>>(
        'GET',
        `/trips${queryString({ status: 'draft', text: text.trim(), limit: 20 })}`,
        { signal },
      ),
    staleTime: 30_000,
  });
}

/** The SCN a new shipment saved without one will get (read, not reserved). */
export function useSuggestedScn(enabled: boolean) {
  return useQuery({
    queryKey: ['next-scn'],
    queryFn: ({ signal }) =>
      api<{ shipmentControlNumber: string }>('GET', '/shipments/next-scn', { signal }),
    enabled,
    staleTime: 0,
  });
}

export interface DescriptionSuggestion {
  readonly description: string;
  readonly packagingUnit?: string;
  readonly weightUnit?: string;
}

/** Descriptions the company used before, with their units, for the Add Commodity page. */
export function useDescriptionSuggestions(text: string) {
  const q = text.trim();
  return useQuery({
    queryKey: ['commodity-descriptions', q],
    queryFn: ({ signal }) =>
      api<{ items: DescriptionSuggestion[] }>(
        'GET',
        `/commodities/descriptions${queryString({ q, limit: 8 })}`,
        { signal },
      ),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}
