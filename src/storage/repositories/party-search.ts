import type { Kysely } from 'kysely';
import type { PartyKind, PartyRecord } from '../../app/records.js';
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

export async function searchPartyIds(
  db: Kysely<Database>,
  companyId: string,
  query: string,
  options: { readonly kind?: PartyKind | undefined; readonly limit: number },
): Promise<string[]> {
  // The longest word is usually the most selective: it drives the scan, the others filter.
  const queryWords = [...new Set(words(query))].sort((a, b) => b.length - a.length);
  const [lead, ...others] = queryWords;
  if (lead === undefined || options.limit <= 0) return [];
  let scan = db
    .selectFrom('party_search_terms as t')
    .select('t.party_id')
    .where('t.company_id', '=', companyId)
    .where('t.term', '>=', lead)
    .where('t.term', '<', prefixUpperBound(lead));
  if (options.kind !== undefined) scan = scan.where('t.kind', '=', options.kind);
  for (const word of others) {
    scan = scan.where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_search_terms as o')
          .select('o.party_id')
          .whereRef('o.party_id', '=', 't.party_id')
          .where('o.term', '>=', word)
          .where('o.term', '<', prefixUpperBound(word)),
      ),
    );
  }
  // A party matches once per matching word ("Toronto Mills", city Toronto): fetch a margin,
  // then keep each party once, in the order of its first matching term.
  const rows = await scan
    .orderBy('t.term')
    .orderBy('t.party_id')
    .limit(options.limit * 4)
    .execute();
  return [...new Set(rows.map((row) => row.party_id))].slice(0, options.limit);
}
