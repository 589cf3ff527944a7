/**
 * createParty(deps, actor, { kind, party }) → PartyRecord — dispatcher adds a shipper,
 * consignee or broker (with filer code and e-mail) to the address book.
 */
import type { z } from 'zod';
import { brokerSchema, partySchema } from '../../domain/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { createBookRecord, type BookRecordType } from './support/book-records.js';
import { checkBookTexts } from './support/book-texts.js';
import type { AppDeps } from '../shared/deps.js';
import { parseInput } from '../shared/parse-input.js';
import type { PartyKind, PartyRecord } from '../shared/records.js';

export interface PartyInput {
  readonly kind: PartyKind;
  /** A Party for shippers and consignees, a Broker for brokers (checked here). */
  readonly party: unknown;
}

/** The party checked against its kind's schema, then its texts against CBP's bounds. */
function checkedParty<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const party = parseInput(schema, input, what, '/party');
  checkBookTexts(party, '/party', what);
  return party;
}

/** Builds the record for a kind, checking the party against the kind's schema. */
export function partyRecord(
  base: Omit<PartyRecord, 'kind' | 'party'>,
  input: PartyInput,
): PartyRecord {
  switch (input.kind) {
    case 'broker':
      return { ...base, kind: 'broker', party: checkedParty(brokerSchema, input.party, 'Broker') };
    case 'shipper':
    case 'consignee':
      return {
        ...base,
        kind: input.kind,
        party: checkedParty(partySchema, input.party, 'Party'),
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
