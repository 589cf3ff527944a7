import { expect, it } from 'vitest';
import {
  aSection321Shipment,
  aShipment,
  aTrip,
  aTripArrivingIn2024,
} from '../../../test/builders.js';
import { cbpAnswered } from '../../../test/cbp-answers.js';
import { decodePage, fonts, pdfText, valuesOf } from '../../../test/pdf-tools.js';
import { appFailure } from '../../../test/storage-failure.js';
import { countingShipmentReads } from '../../../test/shipment-reads.js';
import { describeOnDatabases, type TestCompany } from '../../../test/storage-harness.js';
import { MAX_LEAD_SHEET_SHIPMENTS } from '../../documents/index.js';
import type { TripDocument } from '../../domain/index.js';
import {
  createShipment,
  createTrip,
  deleteTrip,
  importDocument,
  renderDayLeadSheets,
  renderLeadSheet,
  renderPlacard,
  renderShipmentPapers,
  reserveScnLabels,
  type PaperworkDeps,
} from '../index.js';

describeOnDatabases('paperwork from the database', (ctx) => {
  const deps = (): PaperworkDeps => ({ ...ctx().deps, fonts });

  async function storedTrip(company: TestCompany, overrides: Partial<TripDocument> = {}) {
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({
        tripNumber: `${company.scac}2026112801`,
        shipments: [aShipment({ shipmentControlNumber: `${company.scac}0000000900` })],
        ...overrides,
      }),
    });
    return trip;
  }

  it("prints a stored trip's lead sheet for a viewer, shipments included", async () => {
    const company = await ctx().newCompany();
    const trip = await storedTrip(company);
    const sheet = await renderLeadSheet(deps(), company.viewer, {
      tripId: trip.id,
      variant: 'detailed',
    });
    const text = pdfText(sheet.pdf);
    expect(text).toContain(`Trip number: ${company.scac}2026112801`);
    expect(text).toContain('Driver: Jean Tremblay');
    expect(text).toContain(`${company.scac}0000000900`);
    expect(sheet.filename).toBe(`${company.scac}2026112801-lead-sheet.pdf`);
    const without = await renderLeadSheet(deps(), company.viewer, {
      tripId: trip.id,
      driverName: false,
    });
    expect(pdfText(without.pdf)).not.toContain('Jean Tremblay');
  });

  it('marks under its barcode a shipment CBP rejected, not on file', async () => {
    const company = await ctx().newCompany();
    const trip = await storedTrip(company, {
      shipments: [
        aShipment({ shipmentControlNumber: `${company.scac}0000000900` }),
        aShipment({ shipmentControlNumber: `${company.scac}0000000901` }),
      ],
    });
    // As ingesting CBP's 355 leaves them (src/app/filing/ingest-responses.ts).
    await cbpAnswered(ctx().deps, company.companyId, trip.id, [
      [`${company.scac}0000000900`, 'accepted'],
      [`${company.scac}0000000901`, 'rejected'],
    ]);
    const text = pdfText((await renderLeadSheet(deps(), company.viewer, { tripId: trip.id })).pdf);
    expect(text.match(/REJECTED BY CBP: NOT ON FILE/g)).toHaveLength(1);
    const day = await renderDayLeadSheets(deps(), company.viewer, { date: '2026-11-28' });
    expect(pdfText(day.pdf)).toContain('REJECTED BY CBP: NOT ON FILE');
  });

  it("never prints another company's trip: NOT_FOUND, as for an unknown id", async () => {
    const company = await ctx().newCompany();
    const other = await ctx().newCompany();
    const trip = await storedTrip(company);
    for (const failure of [
      () => renderLeadSheet(deps(), other.admin, { tripId: trip.id }),
      () => renderPlacard(deps(), other.admin, { tripId: trip.id }),
      () => renderLeadSheet(deps(), company.admin, { tripId: 'no-such-trip' }),
    ]) {
      expect((await appFailure(failure())).kind).toBe('NOT_FOUND');
    }
  });

  it('refuses a trip whose QR code would be unreadable, naming the field', async () => {
    const company = await ctx().newCompany();
    const trip = await storedTrip(company, { truck: undefined });
    const error = await appFailure(renderLeadSheet(deps(), company.viewer, { tripId: trip.id }));
    expect(error.kind).toBe('VALIDATION_FAILED');
    expect(error.issues.map((issue) => issue.code)).toContain('QR_FIELD_MISSING');
  });

  it('refuses a trip or a day too large for lead sheets from the counts, the shipments unread', async () => {
    const company = await ctx().newCompany();
    const { shipmentControlNumber: _drawn, ...shipment } = aShipment();
    const imported = await importDocument(ctx().deps, company.dispatcher, {
      json: aTrip({
        tripNumber: `${company.scac}2026112809`,
        truck: { ...aTrip().truck, licensePlates: [] },
        shipments: Array.from({ length: MAX_LEAD_SHEET_SHIPMENTS + 1 }, () => shipment),
      }),
    });
    if (imported.kind !== 'trip') throw new Error('a trip was expected');
    // Counting each read of the trip's shipments.
    const base = deps();
    const watched = countingShipmentReads(base.store);
    const counting: PaperworkDeps = { ...base, store: watched.store };
    const error = await appFailure(
      renderLeadSheet(counting, company.viewer, { tripId: imported.trip.id }),
    );
    expect(error.kind).toBe('VALIDATION_FAILED');
    // The QR code's missing plate and the size, as leadSheetPdf names them.
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['QR_FIELD_MISSING', '/truck/licensePlates'],
      ['LEAD_SHEET_TOO_LARGE', '/shipments'],
    ]);
    // The day's pile with it: the same, each issue naming its trip.
    const date = (aTrip().estimatedArrivalDateTime ?? '').slice(0, 10);
    const pile = await appFailure(renderDayLeadSheets(counting, company.viewer, { date }));
    expect(pile.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['QR_FIELD_MISSING', '/0/truck/licensePlates'],
      ['LEAD_SHEET_TOO_LARGE', ''],
    ]);
    expect(pile.issues[0]?.message).toMatch(new RegExp(`^Trip ${company.scac}2026112809: `));
    expect(watched.reads()).toBe(0);
  });

  it('prints the placard with the QR code of the stored trip', async () => {
    const company = await ctx().newCompany();
    const trip = await storedTrip(company);
    const placard = await renderPlacard(deps(), company.viewer, { tripId: trip.id });
    const qr = valuesOf(decodePage(placard.pdf, 1, 72), 'QR-Code');
    expect(qr).toHaveLength(1);
    expect(qr[0]?.startsWith(`001*${company.scac}2026112801`)).toBe(true);
  });

  it("prints an informal shipment's papers with its trip, and refuses a PAPS shipment", async () => {
    const company = await ctx().newCompany();
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTripArrivingIn2024({
        tripNumber: `${company.scac}2024061201`,
        shipments: [
          aSection321Shipment({ shipmentControlNumber: `${company.scac}0000000321` }),
          aShipment({ shipmentControlNumber: `${company.scac}0000000322` }),
        ],
      }),
    });
    const { shipment: informal } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aSection321Shipment({ shipmentControlNumber: `${company.scac}0000000323` }),
    });
    const papers = await renderShipmentPapers(deps(), company.viewer, {
      shipmentId: informal.id,
    });
    const text = pdfText(papers.pdf);
    expect(text).toContain(`${company.scac}0000000323`);
    expect(text).toContain(`${company.scac}2024061201`);
    expect(text).not.toContain(`${company.scac}0000000321`);
    const { shipment: paps } = await createShipment(ctx().deps, company.dispatcher, {
      tripId: trip.id,
      shipment: aShipment({ shipmentControlNumber: `${company.scac}0000000324` }),
    });
    const error = await appFailure(
      renderShipmentPapers(deps(), company.viewer, { shipmentId: paps.id }),
    );
    expect(error.kind).toBe('INVALID_STATE');
    expect(error.issues.map((issue) => issue.code)).toEqual(['SHIPMENT_PAPERS_NOT_INFORMAL']);
  });

  it('reserves label SCNs in the sequence so the shipment path never issues them again', async () => {
    const company = await ctx().newCompany();
    const labels = await reserveScnLabels(deps(), company.dispatcher, { count: 3 });
    expect(labels.scns).toEqual(
      [1, 2, 3].map((n) => `${company.scac}${String(n).padStart(10, '0')}`),
    );
    expect(valuesOf(decodePage(labels.pdf), 'CODE-128')).toEqual([...labels.scns]);
    const generated = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: undefined }),
    });
    expect(generated.shipment.shipment.shipmentControlNumber).toBe(`${company.scac}0000000004`);
    const next = await reserveScnLabels(deps(), company.dispatcher, { count: 2, size: 'a4' });
    expect(next.scns).toEqual([`${company.scac}0000000005`, `${company.scac}0000000006`]);
    // A label's SCN is claimed by the shipment that carries it, once.
    const labelled = await createShipment(ctx().deps, company.dispatcher, {
      tripId: null,
      shipment: aShipment({ shipmentControlNumber: labels.scns[0] }),
    });
    expect(labelled.shipment.shipment.shipmentControlNumber).toBe(labels.scns[0]);
    const again = await appFailure(
      createShipment(ctx().deps, company.dispatcher, {
        tripId: null,
        shipment: aShipment({ shipmentControlNumber: labels.scns[0] }),
      }),
    );
    expect(again.issues[0]?.code).toBe('SHIPMENT_SCN_ALREADY_USED');
  });

  it('gives concurrent reservations and generated SCNs disjoint numbers', async () => {
    const company = await ctx().newCompany();
    const [a, b, shipment] = await Promise.all([
      reserveScnLabels(deps(), company.dispatcher, { count: 5 }),
      reserveScnLabels(deps(), company.dispatcher, { count: 5 }),
      createShipment(ctx().deps, company.dispatcher, {
        tripId: null,
        shipment: aShipment({ shipmentControlNumber: undefined }),
      }),
    ]);
    const all = [...a.scns, ...b.scns, shipment.shipment.shipment.shipmentControlNumber];
    expect(new Set(all).size).toBe(11);
  });

  it('writes who reserved which SCNs into the audit log, in the same transaction', async () => {
    const company = await ctx().newCompany();
    const labels = await reserveScnLabels(deps(), company.dispatcher, { count: 2 });
    const entries = await ctx().deps.store.transaction((repos) =>
      repos.audit.listForEntity(company.companyId, 'company', company.companyId),
    );
    const entry = entries.find((e) => e.action === 'scns_reserved');
    expect(entry?.after).toEqual({
      count: 2,
      first: labels.scns[0],
      last: labels.scns[1],
      scns: labels.scns,
    });
    expect(entry?.actorUserId).toBe(
      company.dispatcher.kind === 'user' ? company.dispatcher.userId : undefined,
    );
  });

  it('leaves reserving labels to editors and refuses a count out of range', async () => {
    const company = await ctx().newCompany();
    expect((await appFailure(reserveScnLabels(deps(), company.viewer, { count: 1 }))).kind).toBe(
      'FORBIDDEN',
    );
    for (const count of [0, 3001, 1.5]) {
      const error = await appFailure(reserveScnLabels(deps(), company.dispatcher, { count }));
      expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['LABEL_COUNT_INVALID', '/count'],
      ]);
    }
    // Nothing was taken from the sequence by the refusals.
    const labels = await reserveScnLabels(deps(), company.dispatcher, { count: 1 });
    expect(labels.scns).toEqual([`${company.scac}0000000001`]);
  });

  it("prints a day's trips by port-local ETA date in one PDF; deleted trips, other days and other companies left out", async () => {
    const company = await ctx().newCompany();
    const other = await ctx().newCompany();
    const scn = (n: number) => `${company.scac}${String(n).padStart(10, '0')}`;
    await storedTrip(company, {
      tripNumber: `${company.scac}B`,
      estimatedArrivalDateTime: '2026-11-28 18:30:00',
      shipments: [901, 902].map((n) => aShipment({ shipmentControlNumber: scn(n) })),
    });
    await storedTrip(company, {
      tripNumber: `${company.scac}A`,
      estimatedArrivalDateTime: '2026-11-28 06:15:00',
      shipments: [aShipment({ shipmentControlNumber: scn(903) })],
    });
    // 23:30 at Buffalo (EST) is already 04:30 UTC on the 29th: the port's date counts.
    await storedTrip(company, {
      tripNumber: `${company.scac}C`,
      estimatedArrivalDateTime: '2026-11-28 23:30:00',
      shipments: [],
    });
    await storedTrip(company, {
      tripNumber: `${company.scac}NEXTDAY`,
      estimatedArrivalDateTime: '2026-11-29 00:30:00',
      shipments: [],
    });
    const deleted = await storedTrip(company, {
      tripNumber: `${company.scac}GONE`,
      shipments: [],
    });
    await deleteTrip(ctx().deps, company.dispatcher, { tripId: deleted.id, expectedVersion: 1 });
    await storedTrip(other, { tripNumber: `${other.scac}OTHER`, shipments: [] });
    const batch = await renderDayLeadSheets(deps(), company.viewer, { date: '2026-11-28' });
    expect(batch.tripNumbers).toEqual([`${company.scac}A`, `${company.scac}B`, `${company.scac}C`]);
    expect(batch.pages).toBe(3);
    expect(pdfText(batch.pdf, 1)).toContain(`Trip number: ${company.scac}A`);
    expect(pdfText(batch.pdf, 3)).toContain(`Trip number: ${company.scac}C`);
    // Each trip's sheet lists its own shipments, read for the whole day at once.
    const scnsOnPage = (page: number) =>
      [901, 902, 903].map(scn).filter((s) => pdfText(batch.pdf, page).includes(s));
    expect([1, 2, 3].map(scnsOnPage)).toEqual([[scn(903)], [scn(901), scn(902)], []]);
    expect(batch.filename).toBe('lead-sheets-2026-11-28.pdf');
    const none = await appFailure(
      renderDayLeadSheets(deps(), company.viewer, { date: '2026-12-25' }),
    );
    expect(none.kind).toBe('NOT_FOUND');
    const wrong = await appFailure(
      renderDayLeadSheets(deps(), company.viewer, { date: '28.11.2026' }),
    );
    expect(wrong.issues.map((issue) => issue.code)).toEqual(['LEAD_SHEET_DATE_INVALID']);
  });

  it("refuses the day's batch when one trip's QR code would be unreadable, naming the trip", async () => {
    const company = await ctx().newCompany();
    await storedTrip(company, { tripNumber: `${company.scac}OK`, shipments: [] });
    await storedTrip(company, {
      tripNumber: `${company.scac}NOPLATE`,
      truck: undefined,
      shipments: [],
    });
    const error = await appFailure(
      renderDayLeadSheets(deps(), company.viewer, { date: '2026-11-28' }),
    );
    expect(error.kind).toBe('VALIDATION_FAILED');
    expect(error.issues[0]?.message).toContain(`Trip ${company.scac}NOPLATE:`);
  });
});
