/**
 * suggestDescriptions(deps, actor, { text, limit? }) → DescriptionSuggestion[] — commodity
 * descriptions the company used before that contain every word typed, newest first, each with
 * the packaging and weight units it was last used with, so the Add Commodity page can fill
 * them in. Looks at the most recently changed shipments only: a suggestion, not a search.
 */
import type { Actor } from '../shared/actor.js';
import type { AppDeps } from '../shared/deps.js';

export interface DescriptionSuggestion {
  readonly description: string;
  readonly packagingUnit?: string | undefined;
  readonly weightUnit?: string | undefined;
}

/** How many recent shipments are read for suggestions: enough for a week of a busy carrier. */
const RECENT_SHIPMENTS = 500;
export const DESCRIPTION_SUGGESTIONS = { default: 8, max: 20 } as const;

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export async function suggestDescriptions(
  deps: AppDeps,
  actor: Actor,
  input: { readonly text: string; readonly limit?: number | undefined },
): Promise<DescriptionSuggestion[]> {
  const words = fold(input.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const limit = Math.min(
    input.limit ?? DESCRIPTION_SUGGESTIONS.default,
    DESCRIPTION_SUGGESTIONS.max,
  );
  const shipments = await deps.store.transaction((repos) =>
    repos.shipments.recent(actor.companyId, RECENT_SHIPMENTS),
  );
  const found = new Map<string, DescriptionSuggestion>();
  for (const record of shipments) {
    for (const commodity of record.shipment.commodities ?? []) {
      const description = commodity.description?.trim();
      if (description === undefined || description === '') continue;
      const key = fold(description);
      if (found.has(key) || !words.every((word) => key.includes(word))) continue;
      found.set(key, {
        description,
        packagingUnit: commodity.packagingUnit,
        weightUnit: commodity.weightUnit,
      });
      if (found.size >= limit) return [...found.values()];
    }
  }
  return [...found.values()];
}
