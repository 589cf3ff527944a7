import { childPointer, isTripDocument, pointer } from '../../domain/index.js';
import type { Issue } from '../../domain/index.js';
import { raise, type IssueDefinition, type Rule } from '../rule.js';
import { isBlank } from '../support/shipments.js';
import { ACE_TRUCK_MANIFEST_IG, TRUCK_CARGO_ADVANCE_INFO, cite } from '../sources.js';

const NUMBER_REQUIRED: IssueDefinition = {
  code: 'TRAILER_NUMBER_REQUIRED',
  severity: 'error',
  title: 'A trailer has no number',
  fix: "Give the trailer's unit number as painted on it; commodities name it in loadedOn.",
  source: cite(TRUCK_CARGO_ADVANCE_INFO, ACE_TRUCK_MANIFEST_IG),
};

const NUMBER_DUPLICATE: IssueDefinition = {
  code: 'TRAILER_NUMBER_DUPLICATE',
  severity: 'error',
  title: 'Two trailers of the trip have the same number',
  fix: 'Correct the number of one trailer, or remove the trailer listed twice.',
  source: cite(TRUCK_CARGO_ADVANCE_INFO, ACE_TRUCK_MANIFEST_IG),
};

/**
 * Each trailer is known by its number: commodities point at it through `loadedOn`, so two
 * trailers with one number make the load ambiguous.
 */
export const trailerNumberRule: Rule = {
  id: 'trailer-number',
  aboutTrip: true,
  issues: [NUMBER_REQUIRED, NUMBER_DUPLICATE],
  check(document) {
    if (!isTripDocument(document)) return [];
    const issues: Issue[] = [];
    const firstIndexByNumber = new Map<string, number>();
    (document.trailers ?? []).forEach((trailer, index) => {
      const path = childPointer(pointer('trailers', index), 'number');
      if (isBlank(trailer.number)) {
        issues.push(raise(NUMBER_REQUIRED, path, `Trailer ${index + 1} has no number.`));
        return;
      }
      const key = trailer.number.trim().toUpperCase();
      const first = firstIndexByNumber.get(key);
      if (first === undefined) {
        firstIndexByNumber.set(key, index);
        return;
      }
      issues.push(
        raise(
          NUMBER_DUPLICATE,
          path,
          `Trailer number "${trailer.number}" is already used by trailer ${first + 1}.`,
        ),
      );
    });
    return issues;
  },
};
