/**
 * A trip's filing with CBP as server state: its status, history and interchanges (refreshed
 * while CBP still has something to say), and Sync with CBP (a re-key or a cancel confirmed).
 * docs/api.md, Filing with CBP; docs/edi.md, Sync with CBP.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  filingStatusSchema,
  filingViewSchema,
  syncResultSchema,
} from '../../../../api/schemas/filing.js';
import { api } from '../../../lib/api-client';

export type FilingView = z.output<typeof filingViewSchema>;
export type FilingStatus = z.output<typeof filingStatusSchema>;
export type SyncResult = z.output<typeof syncResultSchema>;

/** How often the panel asks again while CBP is still answering (the service polls CBP). */
export const FILING_REFRESH_MS = 3000;

// Statuses after which CBP still sends something: the 309's answer, then the 350s
// (entry on file, arrival, release) for shipments on an accepted manifest.
const AWAITING_CBP: ReadonlySet<FilingStatus> = new Set([
  'transmitted',
  'accepted',
  'entry-on-file',
  'arrived',
  'on-hold',
]);

/** True while something sent has not had CBP's last word: keep refreshing. */
export function inFlight(view: FilingView | undefined): boolean {
  if (view === undefined) return false;
  if (view.trip.status === 'transmitted') return true;
  if (view.transmissions.some((t) => t.state === 'pending')) return true;
  return view.trip.status === 'accepted' && view.shipments.some((s) => AWAITING_CBP.has(s.status));
}

export const filingKey = (tripId: string) => ['trip-filing', tripId] as const;

export function useFiling(tripId: string) {
  return useQuery({
    queryKey: filingKey(tripId),
    queryFn: ({ signal }) => api<FilingView>('GET', `/trips/${tripId}/filing`, { signal }),
    refetchInterval: (query) => (inFlight(query.state.data) ? FILING_REFRESH_MS : false),
  });
}

export interface SyncRequest {
  readonly rekey?: boolean;
  readonly cancel?: boolean;
}

export function useSync(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: SyncRequest) =>
      api<SyncResult>('POST', `/trips/${tripId}/sync`, { body: request }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: filingKey(tripId) });
      void client.invalidateQueries({ queryKey: ['trip', tripId] });
    },
  });
}

/** The raw interchange, downloaded by the browser with the session cookie (a GET). */
export function interchangeUrl(tripId: string, interchangeId: string): string {
  return `/api/v1/trips/${encodeURIComponent(tripId)}/filing/interchanges/${encodeURIComponent(interchangeId)}`;
}
