/** logout(deps, { sessionSecret }) — ends the session; unknown secrets are ignored. */
import type { AppDeps } from '../shared/deps.js';
import { sha256Hex } from './support/secrets.js';

export async function logout(
  deps: AppDeps,
  input: { readonly sessionSecret: string },
): Promise<void> {
  await deps.store.transaction((repos) => repos.sessions.delete(sha256Hex(input.sessionSecret)));
}
