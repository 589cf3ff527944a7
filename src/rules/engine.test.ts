import { describe, expect, it } from 'vitest';
import { aCommodity, aShipment, aTrip, FIXED_NOW } from '../../test/builders.js';
import { EXAMPLE_DOCUMENTS } from '../../test/example-documents.js';
import { parseManifestDocument, type ManifestDocument } from '../domain/index.js';
import { ALL_RULES } from './all-rules.js';
import { DEFAULT_REGULATIONS } from './regulations/default-regulations.js';
import { validateDocument, validateShipments } from './engine.js';

describe('validateShipments', () => {
  it('finds in slices what the whole engine finds in the shipments, across slices too', () => {
    const shipments = Array.from({ length: 7 }, (_, i) =>
      aShipment({
        shipmentControlNumber: `DEMO000100000${String(i)}`,
        commodities: [aCommodity({ quantity: i === 4 ? 0 : 5 })],
      }),
    );
    // A repeat in another slice than its first use, and a slice's own finding (shipment 4).
    shipments[5] = { ...shipments[5], shipmentControlNumber: 'DEMO0001000001' };
    shipments[6] = { ...shipments[6], type: undefined };
    const trip = aTrip({ shipments });
    const whole = validateDocument(trip, {
      now: FIXED_NOW,
      maxIssuesPerCode: Number.MAX_SAFE_INTEGER,
    }).filter((issue) => issue.path.startsWith('/shipments/'));
    const sliced = validateShipments(trip, { now: FIXED_NOW }, 2);
    const byPath = (a: { path: string; code: string }, b: { path: string; code: string }): number =>
      `${a.path} ${a.code}`.localeCompare(`${b.path} ${b.code}`);
    expect(whole.map((issue) => issue.code)).toContain('SCN_DUPLICATE');
    expect(whole.length).toBeGreaterThan(2);
    expect([...sliced].sort(byPath)).toEqual([...whole].sort(byPath));
  });
});

describe('rules about the trip', () => {
  const documents = Object.entries(EXAMPLE_DOCUMENTS).flatMap(
    ([name, json]): [string, ManifestDocument][] => {
      const parsed = parseManifestDocument(json);
      return parsed.ok ? [[name, parsed.document]] : [];
    },
  );
  // Each example, and the same with every shipment and commodity text blanked, so that rules
  // about shipments have something to say.
  const blanked = (value: unknown): unknown =>
    typeof value === 'string'
      ? ''
      : Array.isArray(value)
        ? value.map(blanked)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([key, v]) => [key, blanked(v)]))
          : value;
  const cases = documents.flatMap(([name, document]): [string, ManifestDocument][] => [
    [name, document],
    [`${name}, shipments blanked`, { ...document, shipments: blanked(document.shipments) as [] }],
  ]);
  const context = { now: FIXED_NOW, scac: undefined, regulations: DEFAULT_REGULATIONS };

  it('has examples whose shipments the other rules find fault with', () => {
    expect(documents.length).toBeGreaterThanOrEqual(5);
    const aboutShipments = cases.flatMap(([, document]) =>
      ALL_RULES.filter((rule) => rule.aboutTrip !== true).flatMap((rule) =>
        rule.check(document, context).filter((issue) => issue.path.startsWith('/shipments/')),
      ),
    );
    expect(aboutShipments.length).toBeGreaterThan(50);
  });

  // validateShipments skips them: one marked wrongly would hide its findings from a bulk upload.
  it.each(ALL_RULES.filter((rule) => rule.aboutTrip === true).map((rule) => [rule.id, rule]))(
    '%s never speaks of a shipment',
    (_, rule) => {
      for (const [name, document] of cases) {
        const paths = rule.check(document, context).map((issue) => issue.path);
        expect(
          paths.filter((path) => path.startsWith('/shipments')),
          name,
        ).toEqual([]);
      }
    },
  );
});
