/**
 * A trip's filing with CBP as server state: its status, history and interchanges (refreshed
 * while CBP still has something to say), and Sync with CBP (a re-key or a cancel confirmed).
 * docs/api.md, Filing with CBP; docs/edi.md, Sync with CBP.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type {
  filingStatusSchema,
  filingViewSchema,
  syncResultSchema,
} from '../../../../api/schemas/filing.js';
import { api, queryString } from '../../../lib/api-client';
import { inFlight } from '../in-flight';

export type FilingView = z.output<typeof filingViewSchema>;
export type FilingStatus = z.output<typeof filingStatusSchema>;
export type SyncResult = z.output<typeof syncResultSchema>;
export interface FilingHistoryPage {
  readonly items: FilingView['history'];
  readonly nextCursor: string | null;
}

/** How often the panel asks again while CBP is still answering (the service polls CBP). */
export const FILING_REFRESH_MS = 3000;

export const filingKey = (tripId: string) => ['trip-filing', tripId] as const;

export function useFiling(tripId: string) {
  return useQuery({
    queryKey: filingKey(tripId),
    queryFn: ({ signal }) => api<FilingView>('GET', `/trips/${tripId}/filing`, { signal }),
    refetchInterval: (query) => (inFlight(query.state.data) ? FILING_REFRESH_MS : false),
  });
}

/**
 * Entries per page of the whole history: as many as the status view carries, so the first page
 * is the view's own window and the next goes on where it ends.
 */
export const HISTORY_PAGE = 500;

/**
 * The whole filing history, newest first, a page at a time (GET /trips/{id}/filing/history),
 * once the user asks for entries earlier than the view's: a trip of 100,000 shipments gathers
 * about half a million. Under the view's key, so a sync refreshes it too; refetching re-reads
 * the pages loaded from the newest, so none is skipped when entries came in between.
 */
export function useFilingHistory(tripId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...filingKey(tripId), 'history'],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<FilingHistoryPage>(
        'GET',
        `/trips/${tripId}/filing/history${queryString({ cursor: pageParam, limit: HISTORY_PAGE })}`,
        { signal },
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export type FilingShipment = FilingView['shipments'][number];
export interface FilingShipmentsPage {
  readonly items: FilingShipment[];
  readonly nextCursor: string | null;
}

/** Shipments per page after the view's own: as many as it carries, the API's largest page. */
export const FILING_SHIPMENTS_PAGE = 500;

/**
 * What the view's shipment statuses are made of: it changes whenever one of them may have (every
 * change of a status is recorded in the history; a shipment added or taken off changes the
 * total), and the pages loaded are read again then.
 */
export function shipmentsVersion(view: FilingView): string {
  const counts = view.shipmentCounts.map((entry) => `${entry.status}:${String(entry.count)}`);
  return [view.historyTotal, view.shipmentTotal, ...counts].join('|');
}

/**
 * The trip's shipments at CBP, all of them or those in one status, a page at a time as the
 * table scrolls (GET /trips/{id}/filing/shipments): a trip of 100,000 shipments listed whole was
 * 12 MB of JSON each time CBP answered. All of them start from the view's own first page. Under
 * the view's key, so a sync refreshes them; when the view's statuses change (`version`), the
 * pages loaded are read again, from the first.
 */
export function useFilingShipments(
  tripId: string,
  status: FilingStatus | undefined,
  view: FilingView,
) {
  const version = shipmentsVersion(view);
  const query = useInfiniteQuery({
    queryKey: [...filingKey(tripId), 'shipments', status ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<FilingShipmentsPage>(
        'GET',
        `/trips/${tripId}/filing/shipments${queryString({
          status,
          cursor: pageParam,
          limit: FILING_SHIPMENTS_PAGE,
        })}`,
        { signal },
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    initialData:
      status === undefined
        ? {
            pages: [{ items: [...view.shipments], nextCursor: view.shipmentsCursor }],
            pageParams: [undefined],
          }
        : undefined,
    // Read again when the view says the statuses changed, not on every return to the window.
    // The view's own first page was read a moment ago: not asked for again as the table
    // mounts (staleness 0 asked for it at once). A few seconds on, a status chosen again is.
    staleTime: FILING_REFRESH_MS,
    // No placeholder: the rows of another status would show under the one chosen.
    refetchOnWindowFocus: false,
  });
  const { refetch } = query;
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void refetch();
  }, [version, refetch]);
  return query;
}

export interface SyncRequest {
  readonly rekey?: boolean;
  readonly cancel?: boolean;
  /** Sends again what CBP never acknowledged (no 997 30 minutes after sending). */
  readonly resend?: boolean;
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
