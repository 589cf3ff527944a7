/**
 * suggestDescriptions(deps, actor, { text, limit? }) → DescriptionSuggestion[] — commodity
 * descriptions the company used before that contain every word typed, each with the packaging
 * and weight units it was last used with, so the Add Commodity page can fill them in. The
 * newest shipments come first, then the rest of the company's history (its descriptions,
 * most recently used first), which is read a bounded step per call (see catchUp).
 */
import { foldText } from '../../domain/index.js';
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';
import type { Repositories, UsedDescription } from '../shared/ports/index.js';
import { usedDescriptions } from './support/used-descriptions.js';

export interface DescriptionSuggestion {
  readonly description: string;
  readonly packagingUnit?: string | undefined;
  readonly weightUnit?: string | undefined;
}

/** How many recent shipments are read for suggestions: enough for a week of a busy carrier. */
const RECENT_SHIPMENTS = 500;
export const DESCRIPTION_SUGGESTIONS = { default: 8, max: 20 } as const;

/** Shipments read into the history per step, and per call at most. */
const CATCH_UP_STEP = 500;
const CATCH_UP_PER_CALL = 2_000;

export async function suggestDescriptions(
  deps: AppDeps,
  actor: Actor,
  input: { readonly text: string; readonly limit?: number | undefined },
): Promise<DescriptionSuggestion[]> {
  const words = foldText(input.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const limit = Math.min(
    input.limit ?? DESCRIPTION_SUGGESTIONS.default,
    DESCRIPTION_SUGGESTIONS.max,
  );
  return deps.store.transaction(async (repos) => {
    await catchUp(repos, actor.companyId);
    const found = new Map<string, DescriptionSuggestion>();
    const offer = (used: UsedDescription): void => {
      if (found.size >= limit || found.has(used.folded)) return;
      if (!words.every((word) => used.folded.includes(word))) return;
      const { description, packagingUnit, weightUnit } = used;
      found.set(used.folded, { description, packagingUnit, weightUnit });
    };
    // The newest shipments first, each description with the units of its newest use.
    const recent = await repos.shipments.recent(actor.companyId, RECENT_SHIPMENTS);
    usedDescriptions(recent).forEach(offer);
    if (found.size < limit) {
      (await repos.descriptions.search(actor.companyId, words, limit)).forEach(offer);
    }
    return [...found.values()];
  });
}

/**
 * Reads the shipments changed since the last call into the company's description history, a
 * step of 500 at a time and at most 2,000 per call: after a 100,000-shipment upload the history
 * fills over the next calls, each staying quick, while the newest shipments are read directly.
 * A shipment changed again is read again (its latest units win); deleted ones stay read, as
 * their descriptions were used.
 */
async function catchUp(repos: Repositories, companyId: string): Promise<void> {
  let mark = await repos.descriptions.mark(companyId);
  for (let read = 0; read < CATCH_UP_PER_CALL; read += CATCH_UP_STEP) {
    const changed = await repos.shipments.changedAfter(companyId, mark, CATCH_UP_STEP);
    const last = changed.at(-1);
    if (last === undefined) return;
    mark = { updatedAt: last.updatedAt, shipmentId: last.id };
    await repos.descriptions.record(companyId, usedDescriptions(changed), mark);
    if (changed.length < CATCH_UP_STEP) return;
  }
}
