/**
 * A long write of this process (a CSV upload of 100,000 shipments holds its transaction for
 * most of a minute) must not hold up other users' reading. On SQLite the read-only use cases
 * run on a reader connection of their own (openSqliteReader); PostgreSQL has its pool.
 */
import { describe, expect, it } from 'vitest';
import { aShipment, aTrip } from '../../test/builders.js';
import { holdWriteTransaction } from '../../test/held-write.js';
import {
  anApiToken,
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';

/** The answer, or a failure saying the read was queued behind the write. */
async function answeredWhileWriting<T>(request: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const queued = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what} still waits for the write after 5 s`));
    }, 5_000);
  });
  try {
    return await Promise.race([request, queued]);
  } finally {
    clearTimeout(timer);
  }
}

describe('reading while a write of this process holds its transaction', () => {
  let harness: Harness;
  let admin: Credentials;
  withSignedInHarness('RDWR', (signedIn) => {
    ({ harness, admin } = signedIn);
  });

  it('answers the session, trips, a trip, its shipments, export, filing and paperwork', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({
        tripNumber: 'RDWR0001',
        shipments: [aShipment({ shipmentControlNumber: 'RDWR0000000001' })],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const tripId = created.json<{ trip: { id: string } }>().trip.id;
    // An integration's token, used once: its last use is then written at most once a minute.
    const token = await anApiToken(harness, admin);
    expect((await call(harness, token, 'GET', '/api/v1/trips')).statusCode).toBe(200);

    // A write transaction held open, as an upload's is while its file is read and stored.
    const held = await holdWriteTransaction(harness.appDeps.store, (repos) =>
      repos.trips.findById('no-company', 'no-trip'),
    );
    try {
      for (const url of [
        '/api/v1/session',
        '/api/v1/trips',
        `/api/v1/trips/${tripId}`,
        `/api/v1/trips/${tripId}/shipments`,
        `/api/v1/trips/${tripId}/shipments.csv`,
        `/api/v1/trips/${tripId}/filing`,
        `/api/v1/trips/${tripId}/lead-sheet.pdf`,
        '/api/v1/parties',
      ]) {
        const response = await answeredWhileWriting(call(harness, admin, 'GET', url), url);
        expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
      }
      const byToken = await answeredWhileWriting(
        call(harness, token, 'GET', '/api/v1/trips'),
        "a bearer token's trip list",
      );
      expect(byToken.statusCode, byToken.body).toBe(200);
    } finally {
      await held.release();
    }
  });
});
