/**
 * renderDriverLeadSheet(deps, { token }) → the lead sheet PDF of the trip a driver's-page link
 * opens (standard variant, the company's logo when set), or the page's refusal; authorised by the token alone.
 */
import { leadSheetPdf, type DocumentFonts } from '../../documents/index.js';
import type { AppDeps } from '../shared/deps.js';
import { fileName } from '../paperwork/support/paperwork-deps.js';
import { unprintable } from '../paperwork/support/unprintable.js';
import { openDriverPage, type DriverPageRefusal } from './open-driver-page.js';

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
  | { readonly ok: false; readonly reason: DriverPageRefusal }
> {
  const page = await openDriverPage(deps, input);
  if (!page.ok) return page;
  const logo = await deps.store.transaction(
    (repos) => repos.companyLogos.find(page.link.companyId),
    { readOnly: true },
  );
  const result = await leadSheetPdf(page.trip, { fonts: deps.fonts, logo: logo?.bytes });
  if (!result.ok) throw unprintable('lead sheet', result.issues);
  return { ...result, filename: fileName(page.trip.tripNumber ?? '', 'lead-sheet') };
}
