/**
 * The address book as server state. Without search words it pages through every party by name
 * (GET /parties with cursors); with words it asks the quick-assign search (GET /parties/search),
 * which matches the starts of words in the name, city or postal code.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  partyInputSchema,
  partyKindSchema,
  partyRecordSchema,
} from '../../../../api/schemas/master-data.js';
import { api, queryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import type { RecordApi } from '../../../lib/record-writes';

export type PartyRecord = z.output<typeof partyRecordSchema>;
export type PartyInput = z.input<typeof partyInputSchema>;
export type PartyKind = z.output<typeof partyKindSchema>;

export const PARTIES_PAGE_SIZE = 25;
/** The search route's most results (SEARCH_RESULTS.max in the API). */
export const PARTY_SEARCH_RESULTS = 50;

export interface PartyFilters {
  readonly kind: PartyKind | '';
  readonly text: string;
}

export function useParties(filters: PartyFilters, cursor: string | undefined) {
  const words = filters.text.trim();
  const kind = filters.kind === '' ? undefined : filters.kind;
  return useQuery({
    queryKey: ['parties', { kind, words }, cursor ?? null],
    queryFn: async ({ signal }): Promise<Page<PartyRecord>> => {
      if (words === '') {
        return api<Page<PartyRecord>>(
          'GET',
          `/parties${queryString({ kind, cursor, limit: PARTIES_PAGE_SIZE })}`,
          { signal },
        );
      }
      const found = await api<{ items: PartyRecord[] }>(
        'GET',
        `/parties/search${queryString({ q: words, kind, limit: PARTY_SEARCH_RESULTS })}`,
        { signal },
      );
      return { items: found.items, nextCursor: null };
    },
    placeholderData: keepPreviousData,
  });
}

export const partyApi: RecordApi<PartyInput, PartyRecord> = {
  listKey: 'parties',
  create: (input) => api<PartyRecord>('POST', '/parties', { body: input }),
  replace: (target, input) =>
    api<PartyRecord>('PUT', `/parties/${encodeURIComponent(target.id)}`, {
      body: input,
      ifMatch: target.version,
    }),
  remove: (target) =>
    api<undefined>('DELETE', `/parties/${encodeURIComponent(target.id)}`, {
      ifMatch: target.version,
    }),
  latest: (id) => api<PartyRecord>('GET', `/parties/${encodeURIComponent(id)}`),
};
