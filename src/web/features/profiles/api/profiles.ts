/**
 * Saved trucks, trailers, drivers and passengers as server state. GET /profiles answers every
 * profile of a kind at once (a fleet's worth, not paged), so the search box filters what was
 * fetched.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  profileInputSchema,
  profileKindSchema,
  profileRecordSchema,
} from '../../../../api/schemas/master-data.js';
import { api, queryString } from '../../../lib/api-client';
import type { RecordApi } from '../../../lib/record-writes';

export type ProfileRecord = z.output<typeof profileRecordSchema>;
export type ProfileInput = z.input<typeof profileInputSchema>;
export type ProfileKind = z.output<typeof profileKindSchema>;

export function useProfiles(kind: ProfileKind) {
  return useQuery({
    queryKey: ['profiles', kind],
    queryFn: ({ signal }) =>
      api<{ items: ProfileRecord[] }>('GET', `/profiles${queryString({ kind })}`, { signal }),
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
