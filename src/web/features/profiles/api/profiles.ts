/**
 * Saved trucks, trailers, drivers and passengers as server state: a page of one kind at a
 * time, by name, with the server's search (GET /profiles?kind=&q=&cursor=), so a carrier with
 * thousands of drivers never loads them all.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  profileInputSchema,
  profileKindSchema,
  profileRecordSchema,
} from '../../../../api/schemas/master-data.js';
import { api, queryString } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import type { RecordApi } from '../../../lib/record-writes';

export type ProfileRecord = z.output<typeof profileRecordSchema>;
export type ProfileInput = z.input<typeof profileInputSchema>;
export type ProfileKind = z.output<typeof profileKindSchema>;

export const PROFILES_PAGE_SIZE = 25;

export function useProfiles(kind: ProfileKind, text: string, cursor: string | undefined) {
  const q = text.trim() === '' ? undefined : text.trim();
  return useQuery({
    queryKey: ['profiles', kind, { q }, cursor ?? null],
    queryFn: ({ signal }) =>
      api<Page<ProfileRecord>>(
        'GET',
        `/profiles${queryString({ kind, q, cursor, limit: PROFILES_PAGE_SIZE })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export const profileApi: RecordApi<ProfileInput, ProfileRecord> = {
  listKey: 'profiles',
  create: (input) => api<ProfileRecord>('POST', '/profiles', { body: input }),
  replace: (target, input) =>
    api<ProfileRecord>('PUT', `/profiles/${encodeURIComponent(target.id)}`, {
      body: input,
      ifMatch: target.version,
    }),
  remove: (target) =>
    api<undefined>('DELETE', `/profiles/${encodeURIComponent(target.id)}`, {
      ifMatch: target.version,
    }),
  latest: (id) => api<ProfileRecord>('GET', `/profiles/${encodeURIComponent(id)}`),
};
