/**
 * The browser session as server state: who is signed in, in which company, with which role.
 * GET /session answers 401 when nobody is: that is "signed out", not an error.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../../lib/api-client';
import type { Session } from '../../../lib/api-types';

export const sessionKey = ['session'] as const;

async function fetchSession(signal: AbortSignal): Promise<Session | null> {
  try {
    const session = await api<Session>('GET', '/session', { expectUnauthenticated: true, signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    // The session changes only by the user's own actions here, which update it directly.
    staleTime: Infinity,
    retry: false,
  });
}

export interface Credentials {
  readonly email: string;
  readonly password: string;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      api<Session>('POST', '/session', { body: credentials, expectUnauthenticated: true }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKey, session);
      // Everything fetched under the old session (or none) is fetched again under this one.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<undefined>('DELETE', '/session', { expectUnauthenticated: true }),
    onSettled: () => {
      setCsrfToken(undefined);
      // Nothing of one user's data stays in memory for the next one at this browser.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      client.setQueryData(sessionKey, null);
    },
  });
}

export function useSwitchCompany() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (companyId: string) =>
      api<Session>('PUT', '/session/company', { body: { companyId } }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKey, session);
      // Nothing of the other company's data stays: each query is reset to empty, and the ones
      // on the page are fetched again at once under the new company. (Removing them instead
      // left a mounted list showing the old company's page until something re-rendered it.)
      void client.resetQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    },
  });
}

/** What the role may do in the UI; the API enforces the same (docs/api.md, Roles). */
export function canEdit(session: Session): boolean {
  return session.role !== 'viewer';
}
