/**
 * Rule-engine speed on a courier-sized truck: 10,000 shipments (courier trucks carry thousands
 * of Section 321 / PAPS shipments; CSMS #19-000156 fixed ACE for trucks over 5,000). The baseline, measured in the same
 * run, is JSON.parse of the same document — the least any reader must do with it — so the ratio
 * says how many "parses" the whole rule engine costs, whatever the machine's speed.
 */
import { parseManifestDocument } from '../src/domain/index.js';
import { validateDocument } from '../src/rules/index.js';
import { aShipment, aTrip, FIXED_NOW } from '../test/builders.js';
import { median, ms, samples } from './measure.js';

export function runValidationBench(shipmentCount = 10_000): string[] {
  const trip = aTrip({
    shipments: Array.from({ length: shipmentCount }, (_, i) =>
      aShipment({ shipmentControlNumber: `DEMO${String(i).padStart(10, '0')}` }),
    ),
  });
  const text = JSON.stringify(trip);
  const parsed = parseManifestDocument(JSON.parse(text));
  if (!parsed.ok) throw new Error('the benchmark trip does not parse');
  const issues = validateDocument(parsed.document, { now: FIXED_NOW });
  if (issues.length > 0) throw new Error(`the benchmark trip is not clean: ${issues[0]?.code}`);

  const baseline = median(samples(() => JSON.parse(text), 7));
  const shape = median(samples(() => parseManifestDocument(JSON.parse(text)), 5));
  const rules = median(samples(() => validateDocument(parsed.document, { now: FIXED_NOW }), 5));
  return [
    `validation of a ${shipmentCount.toLocaleString('en-US')}-shipment trip (${(text.length / 1e6).toFixed(1)} MB JSON)`,
    `  baseline JSON.parse:           ${ms(baseline)}`,
    `  JSON.parse + shape (zod):      ${ms(shape)}  ratio ${(shape / baseline).toFixed(1)}x`,
    `  rule engine (all rules):       ${ms(rules)}  ratio ${(rules / baseline).toFixed(1)}x`,
  ];
}
