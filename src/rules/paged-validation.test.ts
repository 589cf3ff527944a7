import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip, FIXED_NOW } from '../../test/builders.js';
import { EXAMPLE_DOCUMENTS } from '../../test/example-documents.js';
import { parseManifestDocument, type ManifestDocument } from '../domain/index.js';
import { validateDocument, type ValidationOptions } from './engine.js';
import { PagedValidation } from './paged-validation.js';

function paged(
  document: ManifestDocument,
  options: ValidationOptions,
  pageSize: number,
): ReturnType<PagedValidation['issues']> {
  const { shipments, ...own } = document;
  const validation = new PagedValidation(
    shipments === undefined ? own : { ...own, shipments: [] },
    options,
  );
  const all = shipments ?? [];
  for (let first = 0; first < all.length; first += pageSize) {
    validation.addPage(all.slice(first, first + pageSize));
  }
  return validation.issues();
}

/** A trip with findings of every kind: per shipment, across pages, and of the trip itself. */
function aTripWithFindings(): ManifestDocument {
  const shipments = Array.from({ length: 7 }, (_, i) =>
    aShipment({
      shipmentControlNumber: `DEMO000100000${String(i)}`,
      commodities: [aCommodity({ quantity: i === 2 || i === 4 ? 0 : 5 })],
    }),
  );
  // A repeat on another page than its first use, shipments' own findings (2, 4 and 6).
  shipments[5] = { ...shipments[5], shipmentControlNumber: 'DEMO0001000001' };
  shipments[6] = { ...shipments[6], type: undefined };
  const trip = aTrip({ shipments });
  return { ...trip, usPortOfArrival: undefined, truck: undefined };
}

describe('PagedValidation', () => {
  const documents = Object.entries(EXAMPLE_DOCUMENTS).map(
    ([name, json]): [string, ManifestDocument] => {
      const parsed = parseManifestDocument(json);
      if (!parsed.ok) throw new Error(`${name} is not a manifest document`);
      return [name, parsed.document];
    },
  );
  documents.push(['a trip with findings of every kind', aTripWithFindings()]);
  documents.push(['a trip without shipments', { ...aTrip(), shipments: undefined }]);
  documents.push(['a trip with an empty list', aTrip({ shipments: [] })]);

  it.each(documents)('answers what validateDocument answers, in its order: %s', (_, document) => {
    const options = { now: FIXED_NOW, scac: 'DEMO' };
    const whole = validateDocument(document, options);
    for (const pageSize of [1, 2, 3, 1000]) {
      expect(paged(document, options, pageSize)).toEqual(whole);
    }
  });

  it('caps each code as validateDocument does, counting every page', () => {
    const document = aTripWithFindings();
    const options = { now: FIXED_NOW, scac: 'DEMO', maxIssuesPerCode: 1 };
    const whole = validateDocument(document, options);
    expect(whole.map((issue) => issue.code)).toContain('ISSUES_TRUNCATED');
    expect(paged(document, options, 1)).toEqual(whole);
    expect(paged(document, options, 2)).toEqual(whole);
  });

  it('finds the trip its own findings once, however many pages', () => {
    const issues = paged(aTripWithFindings(), { now: FIXED_NOW, scac: 'DEMO' }, 1);
    const own = issues.filter((issue) => !issue.path.startsWith('/shipments/'));
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((issue) => `${issue.code} ${issue.path}`)).size).toBe(own.length);
  });
});
