/**
 * The company's settings and its EDI sender ID as server state (docs/api.md, Company): read by
 * any role; changed by an admin, with the version edited in If-Match. The sender ID is one of
 * the settings: both share the company's version, and a change of either makes the next one,
 * so each mutation refreshes the other's copy. The sender ID's answer may carry a warning.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { companySchema } from '../../../../api/schemas/accounts.js';
import type { ediIdentitySchema, senderIdResultSchema } from '../../../../api/schemas/filing.js';
import { api } from '../../../lib/api-client';
import { isConflict } from '../../../lib/save-error';
import type { Session } from '../../../lib/api-types';
import { sessionKey } from '../../auth/api/session';

export type Company = z.output<typeof companySchema>;
export type EdiIdentity = z.output<typeof ediIdentitySchema>;
export type SenderIdResult = z.output<typeof senderIdResultSchema>;

export const companyKey = ['company'] as const;
export const ediIdentityKey = ['company-edi-identity'] as const;

export function useCompany() {
  return useQuery({
    queryKey: companyKey,
    queryFn: ({ signal }) => api<Company>('GET', '/company', { signal }),
  });
}

export interface CompanyChanges {
  readonly name: string;
  readonly defaultPortOfArrival: string | null;
  readonly tripNumberPrefix: string;
}

/**
 * PATCH /company on `version` (after STALE_VERSION, "Save mine over theirs" reads the version
 * there now: saveOverTheirs). The session's copy of the company (the header, the trip editor's
 * SCAC and prefix) is updated with the answer.
 */
export function useUpdateCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { changes: CompanyChanges; version: number }) =>
      api<Company>('PATCH', '/company', { body: input.changes, ifMatch: input.version }),
    onSuccess: (company) => {
      client.setQueryData(companyKey, company);
      void client.invalidateQueries({ queryKey: ediIdentityKey });
      client.setQueryData<Session | null>(sessionKey, (session) =>
        session === null || session === undefined ? session : { ...session, company },
      );
    },
  });
}

export function useEdiIdentity() {
  return useQuery({
    queryKey: ediIdentityKey,
    queryFn: ({ signal }) => api<EdiIdentity>('GET', '/company/edi-identity', { signal }),
  });
}

export function useSetSenderId() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { senderId: string; version: number }) =>
      api<SenderIdResult>('PUT', '/company/edi-identity', {
        body: { senderId: input.senderId },
        ifMatch: input.version,
      }),
    onSuccess: (result) => {
      client.setQueryData(ediIdentityKey, result.identity);
      void client.invalidateQueries({ queryKey: companyKey });
    },
    // Another admin changed the settings first: read them again, so that saving once more
    // (the typed ID is kept) is a choice made knowing theirs. Other refusals change nothing.
    // Awaited before the refusal shows: a save clicked as soon as it shows goes with the
    // version just read, not the refused one again.
    onError: async (error) => {
      if (!isConflict(error)) return;
      await Promise.all([
        client.invalidateQueries({ queryKey: ediIdentityKey }),
        client.invalidateQueries({ queryKey: companyKey }),
      ]);
    },
  });
}

/** Test (ISA15 T) or production (P): an admin's choice, at the settings' version read. */
export function useSetFilingMode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { mode: EdiIdentity['filingMode']; version: number }) =>
      api<EdiIdentity>('PUT', '/company/filing-mode', {
        body: { mode: input.mode },
        ifMatch: input.version,
      }),
    onSuccess: (identity) => {
      client.setQueryData(ediIdentityKey, identity);
      void client.invalidateQueries({ queryKey: companyKey });
    },
    // Awaited before the refusal shows: a save clicked as soon as it shows goes with the
    // version just read, not the refused one again.
    onError: async (error) => {
      if (!isConflict(error)) return;
      await Promise.all([
        client.invalidateQueries({ queryKey: ediIdentityKey }),
        client.invalidateQueries({ queryKey: companyKey }),
      ]);
    },
  });
}
