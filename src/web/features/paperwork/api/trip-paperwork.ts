/**
 * One trip's paperwork: the lead sheet and placard (links the browser opens with the session),
 * the lead sheet e-mailed to the driver, and the driver's-page links (make, list, revoke).
 * docs/api.md, Paperwork; docs/paperwork.md.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../../lib/api-client';

export interface LeadSheetOptions {
  readonly variant: 'standard' | 'detailed';
  /** false: the driver's name is left off (printed before the driver is known). */
  readonly driverName: boolean;
}

const trip = (tripId: string) => `/api/v1/trips/${encodeURIComponent(tripId)}`;

export function leadSheetUrl(tripId: string, options: LeadSheetOptions): string {
  return `${trip(tripId)}/lead-sheet.pdf${queryString({
    variant: options.variant,
    driverName: options.driverName ? undefined : 'false',
  })}`;
}

export function placardUrl(tripId: string): string {
  return `${trip(tripId)}/placard.pdf`;
}

export function useEmailLeadSheet(tripId: string) {
  return useMutation({
    mutationFn: (input: LeadSheetOptions & { readonly to: string }) =>
      api<{ to: string; messageId: string }>('POST', `/trips/${tripId}/lead-sheet/email`, {
        body: input,
      }),
  });
}

export interface DriverEmail {
  /** The driver's position in the trip's drivers. */
  readonly index: number;
  readonly name: string;
  readonly email: string;
  readonly profileId: string;
}

/** The e-mails of the trip's drivers, from the driver profiles they match (docs/alerts.md). */
export function useDriverEmails(tripId: string) {
  return useQuery({
    queryKey: ['driver-emails', tripId] as const,
    queryFn: ({ signal }) =>
      api<{ items: DriverEmail[] }>('GET', `/trips/${tripId}/driver-emails`, { signal }),
  });
}

export interface DriverLink {
  readonly id: string;
  readonly tripId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly url: string;
}

const linksKey = (tripId: string) => ['driver-links', tripId] as const;

export function useDriverLinks(tripId: string) {
  return useQuery({
    queryKey: linksKey(tripId),
    queryFn: ({ signal }) =>
      api<{ items: DriverLink[] }>('GET', `/trips/${tripId}/driver-links`, { signal }),
  });
}

export function useCreateDriverLink(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<DriverLink>('POST', `/trips/${tripId}/driver-links`, { body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: linksKey(tripId) }),
  });
}

export function useRevokeDriverLink(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      api<undefined>('DELETE', `/trips/${tripId}/driver-links/${encodeURIComponent(linkId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: linksKey(tripId) }),
  });
}
