/**
 * Filing end to end: the service's use cases on a real database, the CBP simulator as its own
 * process (`emanifest cbp-simulator`, needs `npm run build`), the simulator client transport in
 * between. A PAPS and an in-bond shipment are filed; one SCN is already on file at CBP, is
 * rejected, corrected and filed again; the shipments are followed to their release. The
 * dispatcher's alert e-mails (accepted, rejected, released …) arrive at a loopback SMTP server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { mailerFor, webhookPoster } from '../../test/alert-channels.js';
import { aShipment, aTrip } from '../../test/builders.js';
import { startSimulatorProcess } from '../../test/cbp-simulator-process.js';
import { decodedHeaderOf, mimeParts, startSmtpSink } from '../../test/smtp-sink.js';
import { describeOnDatabases } from '../../test/storage-harness.js';
import { readBackStrictly } from '../../test/x12-readback.js';
import {
  createTrip,
  deliverAlerts,
  deliverOutbox,
  getFilingStatus,
  getInterchange,
  ingestResponses,
  syncTrip,
  updateAlertSettings,
  updateShipment,
} from '../app/index.js';
import { readX12 } from '../edi/index.js';
import { checkEnvelope } from './simulator/check-envelope.js';
import { simulatorTransport } from './simulator-client.js';

describeOnDatabases('filing end to end with the CBP simulator process', (ctx) => {
  it('files PAPS and in-bond shipments, recovers from Shipment Already on File, and follows them to release', async () => {
    const company = await ctx().newCompany();
    const scn = (n: number) => `${company.scac}${String(n).padStart(10, '0')}`;
    const taken = scn(3);
    // CBP has a shipment with this SCN on file already: the simulator starts with it.
    const data = mkdtempSync(join(tmpdir(), 'cbp-e2e-'));
    writeFileSync(
      join(data, 'scenario.json'),
      JSON.stringify({ acceleration: 1, shipmentsOnFile: [taken] }),
    );
    const simulator = await startSimulatorProcess({ data, scenario: join(data, 'scenario.json') });
    const sink = await startSmtpSink();
    const mailer = mailerFor(sink);
    // The service's dependencies with a mail server: answers queue alert e-mails, sent below.
    const deps = { ...ctx().deps, mailer, publicUrl: 'https://emanifest.example' };
    try {
      await updateAlertSettings(deps, company.admin, {
        dispatcherEmails: ['Dispatch@Carrier.example'],
      });
      const { trip } = await createTrip(ctx().deps, company.dispatcher, {
        document: aTrip({
          tripNumber: `${company.scac}2026112801`,
          // Declared with the trip, so every 358 carries them (N9 in its heading).
          instrumentsOfInternationalTraffic: [
            { type: 'MC', quantity: 2, description: 'Returnable racks' },
          ],
          shipments: [
            aShipment({ shipmentControlNumber: scn(1) }),
            aShipment({
              shipmentControlNumber: scn(2),
              type: 'IN_BOND',
              inBond: { type: '61', number: '123456789', destinationPort: '3901' },
            }),
            aShipment({ shipmentControlNumber: taken }),
          ],
        }),
      });
      const transport = simulatorTransport(simulator.url, { receiver: company.scac });
      const exchange = async () => {
        await deliverOutbox(deps, transport);
        // The simulator answers at once; the answers are in its mailbox when PUT returns.
        await ingestResponses(deps, transport);
        await deliverAlerts(deps, webhookPoster());
      };
      const status = () => getFilingStatus(ctx().deps, company.viewer, { tripId: trip.id });

      const first = await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
      expect(first.transmissions.map((t) => [t.setId, t.purpose])).toEqual([
        ['309', 'preliminary'],
        ['358', 'original'],
      ]);
      await exchange();
      let view = await status();
      expect(view.trip.status).toBe('accepted');
      expect(view.shipments.map((s) => [s.scn, s.status])).toEqual([
        [scn(1), 'accepted'],
        [scn(2), 'accepted'],
        [taken, 'rejected'],
      ]);
      const rejected = view.history.find((h) => h.scn === taken && h.status === 'rejected');
      expect(rejected?.reasons.map((r) => r.text)).toEqual(['SHIPMENT ALREADY ON FILE']);
      expect(rejected?.reasons[0]?.explanation?.fix).toContain('new SCN');

      // The fix: a new SCN for that shipment, then one sync sends exactly it.
      const records = await ctx().deps.store.transaction((r) =>
        r.shipments.allOfTrip(company.companyId, trip.id),
      );
      const record = records.find((r) => r.shipment.shipmentControlNumber === taken);
      await updateShipment(ctx().deps, company.dispatcher, {
        shipmentId: record?.id ?? '',
        expectedVersion: record?.version ?? 0,
        shipment: { ...record?.shipment, shipmentControlNumber: scn(4) },
      });
      const second = await syncTrip(ctx().deps, company.dispatcher, { tripId: trip.id });
      expect(second.transmissions.map((t) => [t.setId, t.purpose, t.scns])).toEqual([
        ['309', 'preliminary', [scn(4)]],
        ['358', 'update', [scn(4)]],
      ]);
      await exchange();
      expect((await status()).shipments.find((s) => s.scn === scn(4))?.status).toBe('accepted');

      await simulator.advance(90);
      await ingestResponses(deps, transport);
      expect(await deliverAlerts(deps, webhookPoster())).toMatchObject({ retrying: 0, failed: 0 });
      view = await status();
      expect(view.shipments.map((s) => [s.scn, s.status])).toEqual([
        [scn(1), 'released'],
        [scn(2), 'released'],
        [scn(4), 'released'],
        [taken, 'rejected'],
      ]);
      expect(
        view.history.filter((h) => h.scn === scn(2)).map((h) => h.detail['dispositionCode']),
      ).toContain('1J');
      expect(
        view.history.filter((h) => h.scn === scn(1)).map((h) => h.detail['dispositionCode']),
      ).toEqual(expect.arrayContaining(['02', '19', '1C']));

      // Every interchange, ours and CBP's: node-x12 strict, and our own reading of it.
      for (const listed of view.interchanges) {
        const { text } = await getInterchange(ctx().deps, company.viewer, {
          tripId: trip.id,
          interchangeId: listed.id,
        });
        const back = readBackStrictly(text);
        expect(back.se01).toBe(back.body.length + 2);
        if (listed.direction === 'out') {
          const envelope = checkEnvelope(text);
          expect(envelope.kind === 'checked' && envelope.problems).toEqual([]);
          if (listed.setId === '358') {
            const declared = back.body.filter((s) => s.tag === 'N9');
            expect(declared.map((s) => s.elements.join('*'))).toEqual(['MC*2*RETURNABLE RACKS']);
          }
        } else {
          expect(readX12(text).filter((e) => e.kind === 'unreadable')).toEqual([]);
        }
      }
      expect(view.interchanges.filter((i) => i.direction === 'out')).toHaveLength(4);
      expect(view.interchanges.every((i) => i.problem === null)).toBe(true);

      // The dispatcher was e-mailed at each step, once per event: 15 events in all.
      expect(sink.received).toHaveLength(15);
      expect(sink.received.every((m) => m.to.join() === 'dispatch@carrier.example')).toBe(true);
      const subjects = sink.received.map((m) => decodedHeaderOf(m.raw, 'Subject'));
      const trip_ = `Trip ${company.scac}2026112801`;
      // The trip is accepted twice: its first filing, then the update that brings the new SCN.
      expect(subjects.filter((s) => s === `${trip_} accepted`)).toHaveLength(2);
      for (const expected of [
        `${trip_} — shipment ${scn(1)} accepted`,
        `${trip_} — shipment ${scn(2)} accepted`,
        `${trip_} — shipment ${taken} rejected`,
        `${trip_} — shipment ${scn(4)} accepted`,
        `${trip_} arrived`,
        // The in-bond shipment has no entry: it is released to move in bond (1J).
        `${trip_} — shipment ${scn(1)} entry on file`,
        `${trip_} — shipment ${scn(4)} entry on file`,
        ...[scn(1), scn(2), scn(4)].flatMap((s) => [
          `${trip_} — shipment ${s} arrived`,
          `${trip_} — shipment ${s} released`,
        ]),
      ]) {
        expect(
          subjects.filter((s) => s === expected),
          expected,
        ).toHaveLength(1);
      }
      const rejectMail = sink.received.find(
        (m) => decodedHeaderOf(m.raw, 'Subject') === `${trip_} — shipment ${taken} rejected`,
      );
      const rejectText = mimeParts(rejectMail?.raw ?? '')[0]?.body.toString() ?? '';
      expect(rejectText).toContain('SHIPMENT ALREADY ON FILE');
      expect(rejectText).toContain('What to do: Give the shipment a new SCN');
      expect(rejectText).toContain(`Open the trip: https://emanifest.example/trips/${trip.id}`);
    } finally {
      mailer.close();
      await sink.close();
      expect(await simulator.stop()).toBe(0);
    }
  });
});
