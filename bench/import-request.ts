/**
 * Importing a trip of 10,000 shipments through the API (`POST /api/v1/imports`: JSON parsing,
 * request and response schemas, the use case, the database), next to the floor measured in the
 * same run: the importDocument use case called directly with the same document.
 */
import { buildServer } from '../src/api/server.js';
import { createApiToken, importDocument } from '../src/app/index.js';
import { benchCompany, type BenchDatabase } from './bench-support.js';
import { aShipment, aTrip } from './bench-data.js';

export async function benchImportRequest(target: BenchDatabase, count: number): Promise<void> {
  const actor = await benchCompany(target.deps, 'IMPB');
  const { secret } = await createApiToken(target.deps, actor, { name: 'bench', role: 'admin' });
  const app = await buildServer({
    mode: 'test',
    app: target.deps,
    logger: false,
    checkReady: () => Promise.resolve(),
  });
  const document = (tripNumber: string) => ({
    ...aTrip('IMPB'),
    tripNumber,
    shipments: Array.from({ length: count }, () => aShipment()),
  });
  try {
    const payload = JSON.stringify(document('IMPBAPI0001'));
    const start = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      payload,
    });
    const requestMs = performance.now() - start;
    if (response.statusCode !== 201) {
      throw new Error(`import answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
    }

    const json: unknown = JSON.parse(JSON.stringify(document('IMPBUSE0001')));
    const floorStart = performance.now();
    await importDocument(target.deps, actor, { json });
    const floorMs = performance.now() - floorStart;

    const n = count.toLocaleString('en-US');
    console.log(
      `  POST /imports, one trip of ${n} shipments   ${(requestMs / 1000).toFixed(2)} s  (${(payload.length / 1e6).toFixed(1)} MB)`,
    );
    console.log(`  floor: importDocument use case, same trip    ${(floorMs / 1000).toFixed(2)} s`);
    console.log(`  ratio request / floor: ×${(requestMs / floorMs).toFixed(2)}`);
  } finally {
    await app.close();
  }
}
