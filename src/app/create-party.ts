/**
 * createParty(deps, actor, { kind, party }) → PartyRecord — dispatcher adds a shipper,
 * consignee or broker (with filer code and e-mail) to the address book.
 */
import { brokerSchema, partySchema } from '../domain/index.js';
import { requireEditor, type Actor } from './actor.js';
import { recordChange } from './audit.js';
import type { AppDeps } from './deps.js';
import { parseInput } from './parse-input.js';
import type { PartyKind, PartyRecord } from './records.js';

export interface PartyInput {
  readonly kind: PartyKind;
  /** A Party for shippers and consignees, a Broker for brokers (checked here). */
  readonly party: unknown;
}

/** Builds the record for a kind, checking the party against the kind's schema. */
export function partyRecord(
  base: Omit<PartyRecord, 'kind' | 'party'>,
  input: PartyInput,
): PartyRecord {
  switch (input.kind) {
    case 'broker':
      return {
        ...base,
        kind: 'broker',
        party: parseInput(brokerSchema, input.party, 'Broker', '/party'),
      };
    case 'shipper':
    case 'consignee':
      return {
        ...base,
        kind: input.kind,
        party: parseInput(partySchema, input.party, 'Party', '/party'),
      };
  }
}

export async function createParty(
  deps: AppDeps,
  actor: Actor,
  input: PartyInput,
): Promise<PartyRecord> {
  requireEditor(actor);
  const now = deps.clock.now().toISOString();
  const record = partyRecord(
    {
      id: deps.ids.newId(),
      companyId: actor.companyId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    input,
  );
  return deps.store.transaction(async (repos) => {
    await repos.parties.insert(record);
    await recordChange(repos, deps, actor, {
      entityType: 'party',
      entityId: record.id,
      action: 'create',
      after: record,
    });
    return record;
  });
}
