/**
 * setCompanyLogo(deps, actor, { bytes }) → the stored logo's facts — admin: the picture printed
 * on the company's lead sheets, replacing the one it had. PNG or JPEG only, at most 512 KiB and
 * 4,000 pixels a side, read from the bytes themselves (documents/logo-image.ts); anything else
 * is VALIDATION_FAILED with COMPANY_LOGO_* issues and leaves the stored logo as it was.
 */
import { checkLogo, type LogoFacts } from '../../documents/index.js';
import { requireAdmin, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import type { AppDeps } from '../shared/deps.js';
import { validationFailed } from '../shared/errors.js';
import { companyOf } from '../shared/lookups.js';

export interface CompanyLogoFacts extends LogoFacts {
  readonly byteLength: number;
  readonly updatedAt: string;
}

export async function setCompanyLogo(
  deps: AppDeps,
  actor: Actor,
  input: { readonly bytes: Uint8Array },
): Promise<CompanyLogoFacts> {
  requireAdmin(actor);
  const checked = await checkLogo(input.bytes);
  if (!checked.ok) throw validationFailed('Company logo: the picture is refused.', checked.issues);
  const updatedAt = deps.clock.now().toISOString();
  return deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const before = await repos.companyLogos.find(company.id);
    await repos.companyLogos.put({
      companyId: company.id,
      ...checked.facts,
      bytes: input.bytes,
      updatedAt,
    });
    const after: CompanyLogoFacts = { ...checked.facts, byteLength: input.bytes.length, updatedAt };
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: company.id,
      action: 'logo_set',
      before: before && logoFacts(before),
      after,
    });
    return after;
  });
}

/** What the audit log and the API say of a logo: never its bytes. */
export function logoFacts(logo: {
  readonly mediaType: LogoFacts['mediaType'];
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
  readonly updatedAt: string;
}): CompanyLogoFacts {
  return {
    mediaType: logo.mediaType,
    width: logo.width,
    height: logo.height,
    byteLength: logo.bytes.length,
    updatedAt: logo.updatedAt,
  };
}
