/**
 * Reading and checking a bulk-upload CSV of a courier truck: 10,000 shipments × 3
 * commodities = 30,000 rows, streamed in 64 KiB chunks through the reader, the row → shipment
 * mapping and the rule engine. The floor, measured in the same run on the same bytes, is the
 * fastest CSV parser's raw parse into arrays of strings (raw-csv-records.ts) — the least any
 * reader must do — so the ratio says what decoding, mapping and validation cost, whatever the
 * machine's speed.
 * Storing is not part of this slice; the import benchmark will add it.
 */
import { checkShipmentCsv } from '../src/csv/index.js';
import { chunked, csvText, templateRow, utf8 } from '../src/csv/test-csv.js';
import { median, ms, timeOnce, timeOnceAsync } from './measure.js';
import { rawCsvRecords } from './raw-csv-records.js';

const NOW = new Date('2026-11-28T12:00:00Z');

export function benchCsvText(shipments: number, commoditiesEach: number): Uint8Array {
  const rows: string[][] = [];
  for (let s = 0; s < shipments; s += 1) {
    for (let c = 0; c < commoditiesEach; c += 1) {
      rows.push(
        templateRow({
          SCN: `ABCD${String(s).padStart(10, '0')}`,
          'Consignee Name': `Consignee ${s}`,
          Description: `Parcel ${s}-${c}, assorted goods`,
          Weight: String(10 + c),
        }),
      );
    }
  }
  return utf8(csvText(rows));
}

export async function runCsvCheckBench(shipments = 10_000, commoditiesEach = 3): Promise<string[]> {
  const bytes = benchCsvText(shipments, commoditiesEach);
  const chunks = chunked(bytes, 65_536);
  const check = () => checkShipmentCsv(chunks, { now: NOW, scac: 'ABCD' });
  const first = await check();
  if (first.kind !== 'checked' || first.issues.some((issue) => issue.severity === 'error')) {
    throw new Error('the benchmark CSV is not clean');
  }
  const floorSamples: number[] = [];
  const checkSamples: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    floorSamples.push(timeOnce(() => rawCsvRecords(bytes, () => undefined)));
    checkSamples.push(await timeOnceAsync(check));
  }
  const floor = median(floorSamples);
  const full = median(checkSamples);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return [
    `csv check of ${first.rowCount.toLocaleString('en-US')} rows (${shipments.toLocaleString('en-US')} shipments, ${(bytes.length / 1e6).toFixed(1)} MB): ${ms(full)} (median of 5)`,
    `floor, uDSV's raw parse of the same bytes: ${ms(floor)}; ratio ${(full / floor).toFixed(2)}`,
    `peak RSS of the benchmark process so far: ${peakMb.toFixed(0)} MB`,
  ];
}
