/**
 * reserveScnLabels(deps, actor, { count, size? }) → a sheet of PAPS labels for the next `count`
 * SCNs of the company's sequence, and those SCNs (dispatcher). Taking them from the sequence and
 * writing the audit entry happen in one transaction, so a pre-printed SCN is never issued again
 * by the generator (an SCN must stay unique for at least three years: CBP, ACE Truck Manifest
 * guidance) and the log says who printed which. A shipment later claims a label's SCN by
 * carrying it, once, like any SCN typed in.
 */
import { LABEL_LAYOUTS, papsLabelsPdf } from '../../documents/index.js';
import { requireEditor, type Actor } from '../shared/actor.js';
import { recordChange } from '../shared/audit.js';
import { InputChecks } from '../shared/input-checks.js';
import { companyOf } from '../shared/lookups.js';
import { nextScns } from '../shared/sequences.js';
import { type PaperSize, type PaperworkDeps, type RenderedPdf } from './support/paperwork-deps.js';

import { MAX_LABELS } from './support/label-limit.js';

export { MAX_LABELS };

export interface ScnLabels extends RenderedPdf {
  readonly scns: readonly string[];
}

export async function reserveScnLabels(
  deps: PaperworkDeps,
  actor: Actor,
  input: { readonly count: number; readonly size?: PaperSize | undefined },
): Promise<ScnLabels> {
  requireEditor(actor);
  new InputChecks()
    .check(
      Number.isInteger(input.count) && input.count >= 1 && input.count <= MAX_LABELS,
      'LABEL_COUNT_INVALID',
      '/count',
      `Ask for 1 to ${MAX_LABELS} labels.`,
    )
    .throwIfAny('PAPS labels');
  const scns = await deps.store.transaction(async (repos) => {
    const company = await companyOf(repos, actor);
    const reserved = await nextScns(repos, company, input.count);
    await recordChange(repos, deps, actor, {
      entityType: 'company',
      entityId: company.id,
      action: 'scns_reserved',
      after: { count: reserved.length, first: reserved[0], last: reserved.at(-1), scns: reserved },
    });
    return reserved;
  });
  const layout = input.size === 'a4' ? 'a4-21' : 'letter-30';
  const { pdf, pages } = await papsLabelsPdf(scns, { fonts: deps.fonts, layout });
  const first = scns[0] ?? '';
  return { pdf, pages, scns, filename: `paps-labels-${first}-${LABEL_LAYOUTS[layout].size}.pdf` };
}
