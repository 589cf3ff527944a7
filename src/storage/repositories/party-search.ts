import type { Kysely } from 'kysely';
import { afterKey } from '../cursor.js';
import type { PartyKind, PartyRecord } from '../../app/shared/records.js';
import type { Database } from '../schema.js';
import { postalTerms, prefixUpperBound, words } from '../search-terms.js';

/**
 * Quick-assign search (docs/adr/0005-storage.md). Each party has one row per word of its
 * name, city, postal code (and a broker's filer code) in party_search_terms. A query word w
 * becomes the range `term >= w AND term < w || U+FFFF`: an index range scan in term order on
 * both SQLite and PostgreSQL (the column is collate "C" there), which stops as soon as enough
 * parties are found. A substring LIKE would read the whole book instead.
 */
export function partyTerms(record: PartyRecord): string[] {
  const { party } = record;
  const terms = [
    ...words(party.name),
    ...words(party.address?.city),
    ...postalTerms(party.address?.postalCode),
    ...(record.kind === 'broker' ? words(record.party.filerCode) : []),
  ];
  return [...new Set(terms)];
}

/** Candidates read per round for multi-word queries, and the most rounds we spend. */
const BATCH = 500;
const MAX_ROUNDS = 4;

interface Options {
  readonly kind?: PartyKind | undefined;
  readonly limit: number;
}

/**
 * Multi-word queries are matched in two plain steps rather than one EXISTS query: PostgreSQL
 * misjudges how many terms a prefix range holds and then scans the whole table for the other
 * words (130 ms at 100,000 parties). Here each step has only one sensible plan: a range scan
 * of the longest word in index order, then a primary-key-ordered probe of those candidates'
 * terms for the other words. A type-ahead needs the first few matches, so after
 * MAX_ROUNDS × BATCH candidates we return what we have.
 */
export async function searchPartyIds(
  db: Kysely<Database>,
  companyId: string,
  query: string,
  options: Options,
): Promise<string[]> {
  // The longest word is usually the most selective: it drives the scan, the others filter.
  const queryWords = [...new Set(words(query))].sort((a, b) => b.length - a.length);
  const [lead, ...others] = queryWords;
  if (lead === undefined || options.limit <= 0) return [];
  const found = new Set<string>();
  let after: { term: string; partyId: string } | undefined;
  const batch = others.length === 0 ? options.limit * 4 : BATCH;
  for (let round = 0; round < MAX_ROUNDS && found.size < options.limit; round++) {
    const rows = await leadScan(db, companyId, lead, options.kind, batch, after);
    const matching = await keepMatchingAll(
      db,
      rows.map((row) => row.party_id),
      others,
    );
    for (const row of rows) {
      if (matching.has(row.party_id)) found.add(row.party_id);
      if (found.size === options.limit) break;
    }
    const last = rows[rows.length - 1];
    // A single word was answered by one scan (a party matches once per matching word, so
    // limit × 4 rows leave room for repeats); fewer rows than asked: the range is exhausted.
    if (others.length === 0 || last === undefined || rows.length < batch) break;
    after = { term: last.term, partyId: last.party_id };
  }
  return [...found];
}

async function leadScan(
  db: Kysely<Database>,
  companyId: string,
  word: string,
  kind: PartyKind | undefined,
  limit: number,
  after: { term: string; partyId: string } | undefined,
): Promise<{ party_id: string; term: string }[]> {
  let scan = db
    .selectFrom('party_search_terms')
    .select(['party_id', 'term'])
    .where('company_id', '=', companyId)
    .where('term', '>=', word)
    .where('term', '<', prefixUpperBound(word));
  if (kind !== undefined) scan = scan.where('kind', '=', kind);
  if (after !== undefined) {
    scan = scan.where(afterKey(['term', 'party_id'], [after.term, after.partyId]));
  }
  return scan.orderBy('term').orderBy('party_id').limit(limit).execute();
}

/** The candidates that also have a term starting with every other word. */
async function keepMatchingAll(
  db: Kysely<Database>,
  candidates: readonly string[],
  others: readonly string[],
): Promise<ReadonlySet<string>> {
  let remaining = [...new Set(candidates)];
  for (const word of others) {
    if (remaining.length === 0) break;
    // (party_id, term) index: one short probe per candidate. The candidates already belong
    // to the company, so no company filter is needed (and one would invite the bad plan).
    const rows = await db
      .selectFrom('party_search_terms')
      .select('party_id')
      .where('party_id', 'in', remaining)
      .where('term', '>=', word)
      .where('term', '<', prefixUpperBound(word))
      .execute();
    const hit = new Set(rows.map((row) => row.party_id));
    remaining = remaining.filter((id) => hit.has(id));
  }
  return new Set(remaining);
}
