/**
 * Alerts queued with CBP's answers, on both databases: one row per event and recipient in the
 * transaction that records the change, none again when an answer is read twice, e-mail only
 * when the service can send it, and claims that two senders never share.
 */
import { expect, it } from 'vitest';
import { aDriver, aShipment, aTrip } from '../../../test/builders.js';
import { inProcessCbp } from '../../../test/in-process-cbp.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { deliverOutbox } from '../filing/deliver-outbox.js';
import { ingestResponses } from '../filing/ingest-responses.js';
import { syncTrip } from '../filing/sync-trip.js';
import type { CbpTransport, Mailer, WebhookPoster } from '../shared/ports/index.js';
import { createParty } from '../master-data/create-party.js';
import { createProfile } from '../master-data/create-profile.js';
import { listDriverEmails } from '../paperwork/list-driver-emails.js';
import { createTrip } from '../trips/create-trip.js';
import { createWebhook } from './create-webhook.js';
import { deliverAlerts } from './deliver-alerts.js';
import { deleteWebhook } from './delete-webhook.js';
import { listAlertDeliveries } from './list-alert-deliveries.js';
import { updateAlertSettings } from './update-alert-settings.js';
import { updateWebhook } from './update-webhook.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './support/webhook-signature.js';

/** Present so that e-mail alerts are queued; these tests never deliver. */
const unusedMailer: Mailer = {
  send: () => Promise.reject(new Error('these tests do not send mail')),
};

describeOnDatabases('filing alerts', (ctx) => {
  async function filedTrip(withMail: boolean) {
    const company = await ctx().newCompany();
    const deps = withMail ? { ...ctx().deps, mailer: unusedMailer } : ctx().deps;
    const scn = `${company.scac}0000000001`;
    const { trip } = await createTrip(deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112801`,
        shipments: [aShipment({ shipmentControlNumber: scn })],
      }),
    });
    await syncTrip(deps, company.dispatcher, { tripId: trip.id });
    return { company, deps, trip, scn };
  }

  it('queues one delivery per event and recipient, once, with a stable event id', async () => {
    const { company, deps, trip } = await filedTrip(true);
    await updateAlertSettings(deps, company.admin, {
      dispatcherEmails: ['night@carrier.example'],
      emailBrokers: true,
    });
    const { webhook } = await createWebhook(deps, company.admin, {
      url: 'https://receiver.example/hooks',
      events: ['trip.accepted', 'shipment.accepted'],
    });
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    // Read again from the start: recognised, nothing queued twice.
    await ctx().deps.store.transaction((repos) => repos.filing.setCursor(cbp.transport.name, '0'));
    await ingestResponses(deps, cbp.transport);
    const log = await listAlertDeliveries(deps, company.admin);
    expect(log.map((d) => [d.eventType, d.channel, d.recipient, d.tripId]).sort()).toEqual(
      [
        ['shipment.accepted', 'email', 'entries@example.com', trip.id],
        ['shipment.accepted', 'email', 'night@carrier.example', trip.id],
        ['shipment.accepted', 'webhook', webhook.url, trip.id],
        ['trip.accepted', 'email', 'night@carrier.example', trip.id],
        ['trip.accepted', 'webhook', webhook.url, trip.id],
      ].sort(),
    );
    const shipmentEvents = new Set(
      log.filter((d) => d.eventType === 'shipment.accepted').map((d) => d.eventId),
    );
    expect(shipmentEvents.size).toBe(1);
    expect(log.every((d) => d.state === 'pending' && d.attempts === 0)).toBe(true);

    // Deleting the endpoint fails what it had not received; the e-mails stay due.
    await deleteWebhook(deps, company.admin, { webhookId: webhook.id });
    const after = await listAlertDeliveries(deps, company.admin);
    expect(after.filter((d) => d.channel === 'webhook').map((d) => d.state)).toEqual([
      'failed',
      'failed',
    ]);
    expect(after.filter((d) => d.channel === 'email').every((d) => d.state === 'pending')).toBe(
      true,
    );
  });

  it("e-mails the address book's broker when the shipment names it by filer code only", async () => {
    const company = await ctx().newCompany();
    const deps = { ...ctx().deps, mailer: unusedMailer };
    await createParty(deps, company.dispatcher, {
      kind: 'broker',
      party: { name: 'Lakeshore Brokers', filerCode: 'LK9', email: 'entries@lakeshore.example' },
    });
    const { trip } = await createTrip(deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112801`,
        shipments: [
          aShipment({
            shipmentControlNumber: `${company.scac}0000000001`,
            broker: { name: 'Lakeshore Brokers', filerCode: 'LK9' },
          }),
        ],
      }),
    });
    await syncTrip(deps, company.dispatcher, { tripId: trip.id });
    await updateAlertSettings(deps, company.admin, { emailBrokers: true });
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    const log = await listAlertDeliveries(deps, company.admin);
    expect(log.map((d) => [d.eventType, d.recipient])).toEqual([
      ['shipment.accepted', 'entries@lakeshore.example'],
    ]);
  });

  it('alerts a rejection when the mailbox refuses an interchange for good', async () => {
    const { company, deps, scn } = await filedTrip(true);
    await updateAlertSettings(deps, company.admin, { dispatcherEmails: ['night@carrier.example'] });
    const cbp = inProcessCbp();
    const refusing: CbpTransport = {
      ...cbp.transport,
      send: () => Promise.resolve({ kind: 'refused', reason: 'not an interchange' }),
    };
    expect(await deliverOutbox(deps, refusing)).toMatchObject({ failed: 1 });
    const log = await ctx().deps.store.transaction((repos) =>
      repos.alerts.recentDeliveries(company.companyId, 10),
    );
    expect(log.map((d) => d.eventType).sort()).toEqual(['shipment.rejected', 'trip.rejected']);
    const mail = JSON.parse(log[0]?.payload ?? '{}') as { subject: string; text: string };
    expect([
      `Trip ${company.scac}2026112801 rejected`,
      `Trip ${company.scac}2026112801 — shipment ${scn} rejected`,
    ]).toContain(mail.subject);
    expect(mail.text).toContain('The mailbox refused the interchange: not an interchange');
  });

  it('queues no e-mail when the service has no mail server, webhooks still', async () => {
    const { company, deps } = await filedTrip(false);
    await updateAlertSettings(deps, company.admin, { dispatcherEmails: ['day@carrier.example'] });
    await createWebhook(deps, company.admin, {
      url: 'https://receiver.example/hooks',
      events: ['trip.accepted'],
    });
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    const log = await listAlertDeliveries(deps, company.admin);
    expect(log.map((d) => [d.eventType, d.channel])).toEqual([['trip.accepted', 'webhook']]);
  });

  it('lets two senders claim at once without ever sharing a row', async () => {
    const { company, deps } = await filedTrip(true);
    await updateAlertSettings(deps, company.admin, {
      dispatcherEmails: Array.from({ length: 20 }, (_, n) => `d${n}@carrier.example`),
    });
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    const now = ctx().clock.now();
    const lease = new Date(now.getTime() + 60_000).toISOString();
    const claim = () =>
      ctx().deps.store.transaction((repos) => repos.alerts.claimDue(now.toISOString(), lease, 50));
    const [a, b] = await Promise.all([claim(), claim()]);
    const ids = [...a, ...b].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const mine = await listAlertDeliveries(deps, company.admin);
    // 20 addresses × (trip accepted + shipment accepted), all claimed once between the two.
    expect(mine).toHaveLength(40);
    expect(ids.filter((id) => mine.some((d) => d.id === id))).toHaveLength(40);
    expect(await claim()).toEqual([]);
  });

  /** A filed trip with two drivers, the company's driver profiles, and CBP's first answers. */
  async function driverAlerts(
    profiles: readonly { name: string; data: Record<string, unknown> }[],
    emailDrivers: boolean,
  ) {
    const company = await ctx().newCompany();
    const deps = { ...ctx().deps, mailer: unusedMailer };
    for (const profile of profiles) {
      await createProfile(deps, company.dispatcher, { kind: 'driver', ...profile });
    }
    const { trip } = await createTrip(deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112801`,
        drivers: [
          aDriver(),
          aDriver({ firstName: 'Marie', lastName: 'Gagnon', fastCardNumber: '42705555555556' }),
        ],
        shipments: [aShipment({ shipmentControlNumber: `${company.scac}0000000001` })],
      }),
    });
    await syncTrip(deps, company.dispatcher, { tripId: trip.id });
    await updateAlertSettings(deps, company.admin, {
      dispatcherEmails: ['night@carrier.example'],
      emailDrivers,
    });
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    const log = await listAlertDeliveries(deps, company.admin);
    const driverList = await listDriverEmails(deps, company.dispatcher, { tripId: trip.id });
    return {
      recipients: [...new Set(log.map((d) => d.recipient))].sort(),
      log,
      driverList,
      company,
      deps,
      tripId: trip.id,
    };
  }

  it("e-mails the trip's drivers through the driver profiles they match, by FAST card or by name", async () => {
    const { recipients, log, driverList } = await driverAlerts(
      [
        // Another name on the profile, the same FAST card: the card decides.
        {
          name: 'J. Tremblay',
          data: {
            firstName: 'J',
            lastName: 'T',
            fastCardNumber: ' 42705555555555 ',
            email: 'Jean@Drivers.example',
          },
        },
        // No card on the profile: the name, trimmed and case-insensitive.
        {
          name: 'Marie',
          data: { firstName: ' MARIE ', lastName: 'gagnon', email: 'marie@drivers.example' },
        },
        {
          name: 'Paul',
          data: { firstName: 'Paul', lastName: 'Roy', email: 'paul@drivers.example' },
        },
      ],
      true,
    );
    expect(recipients).toEqual([
      'jean@drivers.example',
      'marie@drivers.example',
      'night@carrier.example',
    ]);
    // Both events, trip and shipment, to each: one row per event and recipient.
    expect(
      log
        .filter((d) => d.recipient === 'jean@drivers.example')
        .map((d) => d.eventType)
        .sort(),
    ).toEqual(['shipment.accepted', 'trip.accepted']);
    expect(driverList.map((d) => [d.index, d.name, d.email])).toEqual([
      [0, 'Jean Tremblay', 'jean@drivers.example'],
      [1, 'Marie Gagnon', 'marie@drivers.example'],
    ]);
  });

  it('e-mails no driver whose name two profiles share, nor one whose card another profile has', async () => {
    const { recipients, driverList } = await driverAlerts(
      [
        {
          name: 'Jean 1',
          data: { firstName: 'Jean', lastName: 'Tremblay', email: 'jean1@drivers.example' },
        },
        {
          name: 'Jean 2',
          data: { firstName: 'jean', lastName: 'TREMBLAY', email: 'jean2@drivers.example' },
        },
        // The same name as the second driver, but another FAST card: another person.
        {
          name: 'Marie',
          data: {
            firstName: 'Marie',
            lastName: 'Gagnon',
            fastCardNumber: '42709999999999',
            email: 'marie@drivers.example',
          },
        },
      ],
      true,
    );
    expect(recipients).toEqual(['night@carrier.example']);
    expect(driverList).toEqual([]);
  });

  it("finds the driver's profile among more candidates than one page of the profile search", async () => {
    const company = await ctx().newCompany();
    const deps = ctx().deps;
    // 120 other drivers whose names hold both of the driver's: each a candidate, none a match.
    for (let n = 0; n < 120; n += 1) {
      await createProfile(deps, company.dispatcher, {
        kind: 'driver',
        name: `A ${String(n).padStart(3, '0')}`,
        data: { firstName: 'Marie', lastName: `Gagnon-Roy ${n}`, email: `m${n}@drivers.example` },
      });
    }
    // The driver's own profile sorts after them all, so it is on the search's second page.
    await createProfile(deps, company.dispatcher, {
      kind: 'driver',
      name: 'Z Marie',
      data: { firstName: 'Marie', lastName: 'Gagnon', email: 'marie@drivers.example' },
    });
    const { trip } = await createTrip(deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026113001`,
        drivers: [
          aDriver({ firstName: 'Marie', lastName: 'Gagnon', fastCardNumber: '42700000000077' }),
        ],
      }),
    });
    const found = await listDriverEmails(deps, company.dispatcher, { tripId: trip.id });
    expect(found.map((d) => [d.name, d.email])).toEqual([
      ['Marie Gagnon', 'marie@drivers.example'],
    ]);
  });

  it('e-mails no driver when emailDrivers is off', async () => {
    const { recipients, driverList } = await driverAlerts(
      [
        {
          name: 'Jean',
          data: { firstName: 'Jean', lastName: 'Tremblay', email: 'jean@drivers.example' },
        },
      ],
      false,
    );
    expect(recipients).toEqual(['night@carrier.example']);
    // The lead sheet's address is offered whatever the alert settings.
    expect(driverList.map((d) => d.email)).toEqual(['jean@drivers.example']);
  });

  it('sends a deactivated webhook nothing new, and one reactivated its new events', async () => {
    const { company, deps } = await filedTrip(false);
    const { webhook } = await createWebhook(deps, company.admin, {
      url: 'https://receiver.example/hooks',
      events: ['trip.accepted'],
    });
    const paused = await updateWebhook(deps, company.admin, {
      webhookId: webhook.id,
      active: false,
    });
    expect(paused).toMatchObject({ active: false, url: webhook.url, events: ['trip.accepted'] });
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    expect(await listAlertDeliveries(deps, company.admin)).toEqual([]);

    const changed = await updateWebhook(deps, company.admin, {
      webhookId: webhook.id,
      url: ' https://receiver.example/v2 ',
      events: ['shipment.released', 'shipment.released'],
      active: true,
    });
    expect(changed).toMatchObject({
      active: true,
      url: 'https://receiver.example/v2',
      events: ['shipment.released'],
    });
    cbp.passMinutes(90);
    await ingestResponses(deps, cbp.transport);
    const log = await listAlertDeliveries(deps, company.admin);
    expect(log.map((d) => [d.eventType, d.recipient])).toEqual([
      ['shipment.released', 'https://receiver.example/v2'],
    ]);
  });

  it("signs each claimed webhook with its own endpoint's secret", async () => {
    const { company, deps } = await filedTrip(false);
    const endpoints = new Map<string, string>();
    for (const name of ['first', 'second']) {
      const { webhook, secret } = await createWebhook(deps, company.admin, {
        url: `https://receiver.example/${company.scac}/${name}`,
        events: ['trip.accepted', 'shipment.accepted'],
      });
      endpoints.set(webhook.url, secret);
    }
    const cbp = inProcessCbp();
    await deliverOutbox(deps, cbp.transport);
    await ingestResponses(deps, cbp.transport);
    const checks: [string, string][] = [];
    const poster: WebhookPoster = {
      post(request) {
        const secret = endpoints.get(request.url);
        // Other tests' deliveries (other companies) are claimed too; only ours are checked.
        if (secret !== undefined) {
          const header = request.headers[SIGNATURE_HEADER] ?? '';
          const nowSeconds = Math.floor(ctx().clock.now().getTime() / 1000);
          checks.push([
            request.url,
            verifyWebhookSignature(secret, header, request.body, nowSeconds),
          ]);
        }
        return Promise.resolve({ status: 204 });
      },
    };
    await deliverAlerts(deps, poster);
    // Two endpoints × (trip accepted + shipment accepted), each verified with its own secret.
    expect(checks.sort()).toEqual(
      [...endpoints.keys()].flatMap((url) => [
        [url, 'valid'],
        [url, 'valid'],
      ]),
    );
  });
});
