/**
 * listProfiles(deps, actor, { kind?, query?, cursor?, limit? }) → Page<ProfileRecord>, by kind
 * and name (any role). `query` keeps the profiles holding every word typed: a name, a unit
 * number, plate or VIN, a FAST card or travel document number.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { Page, PageRequest, ProfileKind, ProfileRecord } from '../shared/records.js';

export async function listProfiles(
  deps: AppDeps,
  actor: Actor,
  input: PageRequest & {
    readonly kind?: ProfileKind | undefined;
    readonly query?: string | undefined;
  },
): Promise<Page<ProfileRecord>> {
  return deps.store.transaction(
    (repos) =>
      repos.profiles.page(actor.companyId, { kind: input.kind, query: input.query }, input),
    { readOnly: true },
  );
}
