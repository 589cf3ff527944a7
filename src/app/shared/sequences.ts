import type { Shipment } from '../../domain/index.js';
import { conflict } from './errors.js';
import type { Repositories } from './ports/index.js';
import type { Company } from './records.js';

/**
 * Next trip numbers and SCNs from the company's sequences. A number someone typed by hand may
 * already sit ahead of the sequence, so each candidate is checked and skipped when used.
 */
const TRIP_DIGITS = 6;
const SCN_DIGITS = 10; // SCAC (4) + 10 = 14 characters, inside ACE's 8–16.
const MAX_SKIPS = 10_000;

export async function nextTripNumber(repos: Repositories, company: Company): Promise<string> {
  for (let attempt = 0; attempt < MAX_SKIPS; attempt++) {
    const sequence = await repos.companies.reserveTripSequence(company.id, 1);
    const candidate = company.tripNumberPrefix + String(sequence).padStart(TRIP_DIGITS, '0');
    if (!(await repos.trips.tripNumberUsed(company.id, candidate))) return candidate;
  }
  throw conflict('Could not find an unused trip number; raise the trip-number sequence.');
}

/** `count` SCNs never used by the company, in sequence order. */
export async function nextScns(
  repos: Repositories,
  company: Company,
  count: number,
): Promise<string[]> {
  const result: string[] = [];
  let skipped = 0;
  while (result.length < count) {
    const needed = count - result.length;
    const first = await repos.companies.reserveScnSequence(company.id, needed);
    const candidates = Array.from(
      { length: needed },
      (_, i) => company.scac + String(first + i).padStart(SCN_DIGITS, '0'),
    );
    const used = await repos.scns.used(company.id, candidates);
    result.push(...candidates.filter((scn) => !used.has(scn)));
    skipped += used.size;
    if (skipped > MAX_SKIPS) throw conflict('Could not find unused SCNs; raise the SCN sequence.');
  }
  return result;
}

/**
 * The SCN the next generated one will be, unless someone takes it first: read, not reserved,
 * so opening a form uses up no number. Used ones ahead of the sequence are skipped as
 * `nextScns` would.
 */
export async function suggestedScn(repos: Repositories, company: Company): Promise<string> {
  const first = await repos.companies.peekScnSequence(company.id);
  for (let start = first; start < first + MAX_SKIPS; start += SUGGESTION_BATCH) {
    const candidates = Array.from(
      { length: SUGGESTION_BATCH },
      (_, i) => company.scac + String(start + i).padStart(SCN_DIGITS, '0'),
    );
    const used = await repos.scns.used(company.id, candidates);
    const free = candidates.find((scn) => !used.has(scn));
    if (free !== undefined) return free;
  }
  throw conflict('Could not find unused SCNs; raise the SCN sequence.');
}
const SUGGESTION_BATCH = 20;

/**
 * No SCN, an empty one, or the bulk-upload placeholder `<SCAC>AUTOFILL`
 * (the commercial eManifest service's bulk-upload convention) all mean "generate the next one".
 */
export function wantsGeneratedScn(shipment: Shipment, scac: string): boolean {
  const scn = shipment.shipmentControlNumber?.trim() ?? '';
  return scn === '' || scn.toUpperCase() === `${scac}AUTOFILL`;
}

/** Fills in generated SCNs where the shipments ask for one; the others keep theirs. */
export async function withScns(
  repos: Repositories,
  company: Company,
  shipments: readonly Shipment[],
): Promise<Shipment[]> {
  const wanting = shipments.filter((s) => wantsGeneratedScn(s, company.scac)).length;
  const generated = await nextScns(repos, company, wanting);
  let next = 0;
  return shipments.map((shipment) => {
    if (!wantsGeneratedScn(shipment, company.scac)) return shipment;
    const scn = generated[next++];
    return scn === undefined ? shipment : { ...shipment, shipmentControlNumber: scn };
  });
}

/**
 * Claims the SCN for the shipment in the registry (once per carrier, forever). `path` locates
 * the field in the caller's input when the SCN is taken.
 */
export async function claimScn(
  repos: Repositories,
  companyId: string,
  scn: string,
  shipmentId: string,
  at: string,
  path: string,
): Promise<void> {
  const outcome = await repos.scns.register(companyId, scn, shipmentId, at);
  if (outcome === 'taken') {
    throw conflict(`SCN ${scn} was already used by this carrier.`, [
      {
        code: 'SHIPMENT_SCN_ALREADY_USED',
        severity: 'error',
        path,
        message: `SCN ${scn} was already used by this carrier; an SCN may not be reused for three years, even after its shipment was deleted.`,
      },
    ]);
  }
}
