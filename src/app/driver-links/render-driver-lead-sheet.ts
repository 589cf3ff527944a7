/**
 * renderDriverLeadSheet(deps, { token }) → the lead sheet PDF of the trip a driver's-page link
 * opens (standard variant, the company's logo when set), or the page's refusal; authorised by
 * the token alone. A trip too large for a lead sheet is refused from its count, as
 * renderLeadSheet does.
 */
import { leadSheetPdf, type DocumentFonts } from '../../documents/index.js';
import type { AppDeps } from '../shared/deps.js';
import { leadSheetDocument } from '../paperwork/support/lead-sheet-document.js';
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
      const document = await leadSheetDocument(repos, linked.trip);
      const logo = await repos.companyLogos.find(linked.link.companyId);
      return { ok: true as const, document, logo };
    },
    { readOnly: true },
  );
  if (!read.ok) return read;
  const result = await leadSheetPdf(read.document, { fonts: deps.fonts, logo: read.logo?.bytes });
  if (!result.ok) throw unprintable('lead sheet', result.issues);
  return { ...result, filename: fileName(read.document.tripNumber ?? '', 'lead-sheet') };
}
