/**
 * Alerts queued with CBP's answers, on both databases: one row per event and recipient in the
 * transaction that records the change, none again when an answer is read twice, e-mail only
 * when the service can send it, and claims that two senders never share.
 */
import { expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { inProcessCbp } from '../../../test/in-process-cbp.js';
import { describeOnDatabases } from '../../../test/storage-harness.js';
import { deliverOutbox } from '../filing/deliver-outbox.js';
import { ingestResponses } from '../filing/ingest-responses.js';
import { syncTrip } from '../filing/sync-trip.js';
import type { CbpTransport, Mailer } from '../shared/ports/index.js';
import { createParty } from '../master-data/create-party.js';
import { createTrip } from '../trips/create-trip.js';
import { createWebhook } from './create-webhook.js';
import { deleteWebhook } from './delete-webhook.js';
import { listAlertDeliveries } from './list-alert-deliveries.js';
import { updateAlertSettings } from './update-alert-settings.js';

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
});
