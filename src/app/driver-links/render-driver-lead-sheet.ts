/**
 * renderDriverLeadSheet(deps, { token }) → the lead sheet PDF of the trip a driver's-page link
 * opens (standard variant, the company's logo when set), or the page's refusal; authorised by
 * the token alone. A trip too large for a lead sheet is refused from its count, as
 * renderLeadSheet does.
 */
import {
  leadSheetPdf,
  leadSheetRefusals,
  MAX_LEAD_SHEET_SHIPMENTS,
  type DocumentFonts,
} from '../../documents/index.js';
import type { AppDeps } from '../shared/deps.js';
import { assembleTripDocument } from '../shared/trip-documents.js';
import { fileName } from '../paperwork/support/paperwork-deps.js';
import { unprintable } from '../paperwork/support/unprintable.js';
import { linkedTrip, readDriverToken, type Refused } from './support/linked-trip.js';

export async function renderDriverLeadSheet(
  deps: AppDeps & { readonly fonts: DocumentFonts },
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
      const { link, trip } = linked;
      const count = (await repos.shipments.totalsOfList(link.companyId, trip.id))?.count ?? 0;
      if (count > MAX_LEAD_SHEET_SHIPMENTS) {
        throw unprintable('lead sheet', leadSheetRefusals([trip.document], count, false));
      }
      const shipments = await repos.shipments.allOfTrip(link.companyId, trip.id);
      const logo = await repos.companyLogos.find(link.companyId);
      return { ok: true as const, document: assembleTripDocument(trip, shipments), logo };
    },
    { readOnly: true },
  );
  if (!read.ok) return read;
  const result = await leadSheetPdf(read.document, { fonts: deps.fonts, logo: read.logo?.bytes });
  if (!result.ok) throw unprintable('lead sheet', result.issues);
  return { ...result, filename: fileName(read.document.tripNumber ?? '', 'lead-sheet') };
}
