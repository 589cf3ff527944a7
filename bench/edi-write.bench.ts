/**
 * Writing the 309s of a courier-sized truck: 10,000 shipments, split into two messages at
 * CBP's 9,999-shipment limit (CSMS #19-000156). The floor, measured in the same run, joins the
 * very same segments (already split into elements) into text with the same delimiters — the
 * least any writer must do — so the ratio says what building segments from the trip document,
 * making text X12-safe and enveloping costs, whatever the machine's speed.
 */
import {
  defaultEdiProfile,
  sequentialControlNumbers,
  splitSegments,
  write309,
} from '../src/edi/index.js';
import { aShipment, aTrip, FIXED_NOW } from '../test/builders.js';
import { median, ms, samples } from './measure.js';

export function runEdiWriteBench(shipmentCount = 10_000): string[] {
  const trip = aTrip({
    shipments: Array.from({ length: shipmentCount }, (_, i) =>
      aShipment({ shipmentControlNumber: `DEMO${String(i).padStart(10, '0')}` }),
    ),
  });
  const profile = defaultEdiProfile();
  const write = () =>
    write309(
      { trip, purpose: 'preliminary' },
      { profile, controlNumbers: sequentialControlNumbers(), now: FIXED_NOW },
    );
  const result = write();
  if (result.issues.length > 0)
    throw new Error(`the benchmark trip is not clean: ${result.issues[0]?.code}`);
  const rows = result.interchanges.map((interchange) =>
    splitSegments(interchange.text).segments.map((s) => [s.id, ...s.elements]),
  );
  const segmentCount = rows.reduce((sum, r) => sum + r.length, 0);
  const bytes = result.interchanges.reduce((sum, i) => sum + i.text.length, 0);
  const floor = median(
    samples(
      () =>
        rows.map((segments) => {
          let text = '';
          for (const elements of segments) text += elements.join('*') + '~\n';
          return text;
        }),
      7,
    ),
  );
  const writer = median(samples(write, 5));
  return [
    `309s for a ${shipmentCount.toLocaleString('en-US')}-shipment trip: ${result.interchanges.length} interchanges, ${segmentCount.toLocaleString('en-US')} segments, ${(bytes / 1e6).toFixed(1)} MB`,
    `  floor (join the same segments):  ${ms(floor)}`,
    `  write309 (trip → X12):           ${ms(writer)}  ratio ${(writer / floor).toFixed(1)}x`,
  ];
}
