/**
 * renderDriverLeadSheet(deps, { token }) → the lead sheet PDF of the trip a driver's-page link
 * opens, or the page's refusal; authorised by the token alone. The sheet the dispatcher prints
 * (standard variant, the company's logo when set, the marks under a shipment CBP does not have
 * on file), read and drawn by the same path: a trip too large for a lead sheet is refused from
 * its count, and a large sheet is drawn in turn with the others (shared/large-work.ts).
 */
import { fileName, type PaperworkDeps } from '../paperwork/support/paperwork-deps.js';
import {
  drawStoredLeadSheet,
  readStoredLeadSheet,
} from '../paperwork/support/stored-lead-sheet.js';
import { linkedTrip, readDriverToken, type Refused } from './support/linked-trip.js';

export async function renderDriverLeadSheet(
  deps: PaperworkDeps,
  input: { readonly token: string },
): Promise<
  | {
      readonly ok: true;
      readonly pdf: Uint8Array;
      readonly pages: number;
      readonly filename: string;
    }
  | Refused
> {
  const token = readDriverToken(deps, input.token);
  if (!token.ok) return token;
  const read = await deps.store.transaction(
    async (repos) => {
      const linked = await linkedTrip(repos, token.linkId);
      if (!linked.ok) return linked;
      return { ok: true as const, sheet: await readStoredLeadSheet(repos, linked.trip) };
    },
    { readOnly: true },
  );
  if (!read.ok) return read;
  const drawn = await drawStoredLeadSheet(deps, read.sheet);
  return {
    ok: true,
    ...drawn,
    filename: fileName(read.sheet.document.tripNumber ?? '', 'lead-sheet'),
  };
}
