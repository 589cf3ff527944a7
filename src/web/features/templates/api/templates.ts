/**
 * Trip templates for recurring runs, and the trip actions built on the same API: save a trip
 * as a template, start a trip from one (new trip number, new SCNs), copy a trip.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { templateRecordSchema, tripRecordSchema } from '../../../../api/schemas/trips.js';
import { api } from '../../../lib/api-client';

export type TemplateRecord = z.output<typeof templateRecordSchema>;
type TripRecord = z.output<typeof tripRecordSchema>;

export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: ({ signal }) => api<{ items: TemplateRecord[] }>('GET', '/templates', { signal }),
  });
}

export function useDeleteTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>('DELETE', `/templates/${encodeURIComponent(id)}`),
    onSettled: () => client.invalidateQueries({ queryKey: ['templates'] }),
  });
}

/** A new draft trip from the template; the trips list is fetched again. */
export function useStartFromTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<{ trip: TripRecord }>('POST', `/templates/${encodeURIComponent(id)}/trips`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['trips'] }),
  });
}

export function useSaveAsTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { tripId: string; name: string }) =>
      api<TemplateRecord>('POST', `/trips/${encodeURIComponent(input.tripId)}/template`, {
        body: { name: input.name },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['templates'] }),
  });
}

/** A copy with the company's next trip number and new SCNs. */
export function useCopyTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tripId: string) =>
      api<{ trip: TripRecord }>('POST', `/trips/${encodeURIComponent(tripId)}/copy`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['trips'] }),
  });
}
