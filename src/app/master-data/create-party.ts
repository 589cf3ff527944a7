/**
 * createParty(deps, actor, { kind, party }) → PartyRecord — dispatcher adds a shipper,
 * consignee or broker (with filer code and e-mail) to the address book.
 */
import { brokerSchema, partySchema } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { createBookRecord, type BookRecordType } from './support/book-records.js';
import type { AppDeps } from '../shared/deps.js';
import { parseInput } from '../shared/parse-input.js';
import type { PartyKind, PartyRecord } from '../shared/records.js';

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

/** Where parties live and how one is built: the shared life cycle is in book-records.ts. */
export const PARTY_RECORDS: BookRecordType<PartyRecord, PartyInput> = {
  entityType: 'party',
  noun: 'Party',
  store: (repos) => repos.parties,
  build: partyRecord,
};

export async function createParty(
  deps: AppDeps,
  actor: Actor,
  input: PartyInput,
): Promise<PartyRecord> {
  requireEditor(actor);
  return await createBookRecord(PARTY_RECORDS, deps, actor, input);
}
