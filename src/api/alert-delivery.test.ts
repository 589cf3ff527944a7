/**
 * Filing alerts delivered for real: CBP's answers (the simulator's rules, in process) queue
 * alerts with the status changes; webhooks go by fetch to an HTTP receiver on loopback that
 * checks the signature, and e-mails over SMTP to a loopback mail server. The receiver fails
 * the first request with 500: the same event comes again after the backoff, and succeeds once.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCompany,
  call,
  signIn,
  signedInHarness,
  type Credentials,
  type Harness,
} from '../../test/api-harness.js';
import { aDriver, aShipment, aTrip } from '../../test/builders.js';
import { inProcessCbp } from '../../test/in-process-cbp.js';
import { decodedHeaderOf, mimeParts, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.js';
import { TestClock } from '../../test/storage-harness.js';
import {
  deliverAlerts,
  deliverOutbox,
  ingestResponses,
  verifyWebhookSignature,
  type AlertEvent,
} from '../app/index.js';
import { createSmtpMailer, type SmtpMailer } from '../mail/smtp-mailer.js';
import { httpWebhookPoster } from './webhook-poster.js';

interface Received {
  readonly body: string;
  readonly check: string;
  readonly eventId: string | undefined;
  readonly answered: number;
}

let sink: SmtpSink;
let mailer: SmtpMailer;
let harness: Harness;
let admin: Credentials;
let outsider: Credentials;
let receiver: Server;
let receiverUrl: string;
let secret = '';
const clock = new TestClock();
const received: Received[] = [];
let failNext = 1;

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createSmtpMailer({ smtpUrl: sink.url, from: 'Alerts <alerts@alrt.example>' });
  ({ harness, admin } = await signedInHarness('ALRT', {
    // The receiver listens on loopback: as an operator inside the company network allows.
    appDeps: {
      mailer,
      clock,
      publicUrl: 'https://emanifest.example',
      webhookPrivateNetworks: 'allow',
    },
  }));
  outsider = await signIn(harness, (await aCompany(harness, 'OTHA')).email);
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = request.headers['emanifest-signature'];
      const check = verifyWebhookSignature(
        secret,
        typeof header === 'string' ? header : '',
        body,
        Math.floor(clock.now().getTime() / 1000),
      );
      const answered = check !== 'valid' ? 400 : failNext-- > 0 ? 500 : 204;
      const eventId = request.headers['emanifest-event-id'];
      received.push({
        body,
        check,
        eventId: typeof eventId === 'string' ? eventId : undefined,
        answered,
      });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/hooks`;
});
afterAll(async () => {
  mailer.close();
  await harness.close();
  await sink.close();
  await new Promise<void>((resolve) =>
    receiver.close(() => {
      resolve();
    }),
  );
});

describe('alert delivery', () => {
  it('signs webhooks, retries a 500 with the same event id, and e-mails dispatchers and the broker', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: receiverUrl, events: ['shipment.released', 'shipment.rejected'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    secret = created.json<{ secret: string }>().secret;
    const settings = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: { dispatcherEmails: ['Dispatch@ALRT.example'], emailBrokers: true },
    });
    expect(settings.statusCode, settings.body).toBe(200);

    const trip = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({
        tripNumber: 'ALRT2026112801',
        shipments: [aShipment({ shipmentControlNumber: 'ALRT0000000001' })],
      }),
    });
    const tripId = trip.json<{ trip: { id: string } }>().trip.id;
    expect((await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`)).statusCode).toBe(
      202,
    );
    const cbp = inProcessCbp();
    const poster = httpWebhookPoster({ privateNetworks: 'allow' });
    const exchange = async () => {
      await deliverOutbox(harness.appDeps, cbp.transport);
      await ingestResponses(harness.appDeps, cbp.transport);
    };
    await exchange();
    // Accepted: e-mail only (the webhook asked for releases and rejects).
    let report = await deliverAlerts(harness.appDeps, poster);
    expect(report).toEqual({ sent: 3, retrying: 0, failed: 0 });
    const subjects = () =>
      sink.received.map((m) => [decodedHeaderOf(m.raw, 'Subject'), m.to.join(',')]);
    expect(subjects()).toEqual(
      expect.arrayContaining([
        ['Trip ALRT2026112801 accepted', 'dispatch@alrt.example'],
        ['Trip ALRT2026112801 — shipment ALRT0000000001 accepted', 'dispatch@alrt.example'],
        ['Trip ALRT2026112801 — shipment ALRT0000000001 accepted', 'entries@example.com'],
      ]),
    );
    const text = mimeParts(sink.received[0]?.raw ?? '')[0]?.body.toString() ?? '';
    expect(text).toContain(`Open the trip: https://emanifest.example/trips/${tripId}`);
    expect(received).toEqual([]);

    cbp.passMinutes(90);
    await exchange();
    report = await deliverAlerts(harness.appDeps, poster);
    expect(report.retrying).toBe(1);
    expect(received.map((r) => [r.check, r.answered])).toEqual([['valid', 500]]);
    // Not due again before the backoff.
    expect((await deliverAlerts(harness.appDeps, poster)).sent).toBe(0);
    clock.advance(5_000);
    report = await deliverAlerts(harness.appDeps, poster);
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received.map((r) => [r.check, r.answered])).toEqual([
      ['valid', 500],
      ['valid', 204],
    ]);
    expect(received[1]?.eventId).toBe(received[0]?.eventId);
    expect(received[1]?.body).toBe(received[0]?.body);
    const event = JSON.parse(received[1]?.body ?? '{}') as AlertEvent;
    expect(event).toMatchObject({
      id: received[0]?.eventId,
      type: 'shipment.released',
      trip: { id: tripId, tripNumber: 'ALRT2026112801' },
      shipment: { scn: 'ALRT0000000001' },
      status: 'released',
      reasons: [],
    });
    expect(subjects()).toEqual(
      expect.arrayContaining([
        ['Trip ALRT2026112801 — shipment ALRT0000000001 released', 'dispatch@alrt.example'],
      ]),
    );
    // Nothing is due any more: exactly one success per delivery.
    expect(await deliverAlerts(harness.appDeps, poster)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });

    const log = await call(harness, admin, 'GET', '/api/v1/alerts/deliveries');
    const items = log.json<{
      items: { channel: string; state: string; attempts: number; eventType: string }[];
    }>().items;
    expect(items.filter((i) => i.channel === 'webhook')).toEqual([
      expect.objectContaining({ eventType: 'shipment.released', state: 'sent', attempts: 2 }),
    ]);
    expect(items.every((i) => i.state === 'sent')).toBe(true);
    const theirs = await call(harness, outsider, 'GET', '/api/v1/alerts/deliveries');
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('gives up after the last attempt and shows the delivery failed', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: 'http://127.0.0.1:9/nobody-listens', events: ['trip.accepted'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const trip = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({
        tripNumber: 'ALRT2026112802',
        shipments: [aShipment({ shipmentControlNumber: 'ALRT0000000002' })],
      }),
    });
    const tripId = trip.json<{ trip: { id: string } }>().trip.id;
    await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`);
    const cbp = inProcessCbp();
    await deliverOutbox(harness.appDeps, cbp.transport);
    await ingestResponses(harness.appDeps, cbp.transport);
    const poster = httpWebhookPoster({ timeoutMs: 2_000, privateNetworks: 'allow' });
    let failed = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliverAlerts(harness.appDeps, poster, { maxAttempts: 3 });
      failed += report.failed;
      clock.advance(60_000);
    }
    expect(failed).toBe(1);
    const log = await call(harness, admin, 'GET', '/api/v1/alerts/deliveries');
    const mine = log
      .json<{
        items: { recipient: string; state: string; attempts: number; lastError: string }[];
      }>()
      .items.find((i) => i.recipient === 'http://127.0.0.1:9/nobody-listens');
    expect(mine).toMatchObject({ state: 'failed', attempts: 3 });
    expect(mine?.lastError).toContain('no answer from the endpoint');
  });

  it("e-mails the trip's driver through the driver profile its FAST card matches", async () => {
    const profile = await call(harness, admin, 'POST', '/api/v1/profiles', {
      body: {
        kind: 'driver',
        name: 'Luc Pelletier',
        data: {
          firstName: 'Luc',
          lastName: 'Pelletier',
          fastCardNumber: '42705555555577',
          email: 'Luc@Drivers.example',
        },
      },
    });
    expect(profile.statusCode, profile.body).toBe(201);
    const settings = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: { emailDrivers: true },
    });
    expect(settings.json()).toMatchObject({ emailDrivers: true, emailEnabled: true });
    const trip = await call(harness, admin, 'POST', '/api/v1/trips', {
      body: aTrip({
        tripNumber: 'ALRT2026112803',
        drivers: [
          aDriver({ firstName: 'Luc', lastName: 'Pelletier', fastCardNumber: '42705555555577' }),
        ],
        shipments: [aShipment({ shipmentControlNumber: 'ALRT0000000003' })],
      }),
    });
    const tripId = trip.json<{ trip: { id: string } }>().trip.id;
    const emails = await call(harness, admin, 'GET', `/api/v1/trips/${tripId}/driver-emails`);
    expect(emails.json<{ items: { email: string }[] }>().items.map((d) => d.email)).toEqual([
      'luc@drivers.example',
    ]);
    const theirs = await call(harness, outsider, 'GET', `/api/v1/trips/${tripId}/driver-emails`);
    expect(theirs.statusCode).toBe(404);

    await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`);
    const cbp = inProcessCbp();
    await deliverOutbox(harness.appDeps, cbp.transport);
    await ingestResponses(harness.appDeps, cbp.transport);
    const before = sink.received.length;
    await deliverAlerts(
      harness.appDeps,
      httpWebhookPoster({ timeoutMs: 2_000, privateNetworks: 'allow' }),
    );
    const toDriver = sink.received
      .slice(before)
      .filter((m) => m.to.includes('luc@drivers.example'))
      .map((m) => decodedHeaderOf(m.raw, 'Subject'))
      .sort();
    expect(toDriver).toEqual([
      'Trip ALRT2026112803 accepted',
      'Trip ALRT2026112803 — shipment ALRT0000000003 accepted',
    ]);
  });
});
