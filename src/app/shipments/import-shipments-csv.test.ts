import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { exportedCsv } from '../../../test/exports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { aTrip } from '../../../test/builders.js';
import { describeOnDatabases, type TestCompany } from '../../../test/storage-harness.js';
import { parserThreadsRunning } from '../../csv/csv-records-worker.js';
import { failedRowsCsv, readShipmentCsv } from '../../csv/index.js';
import { chunked, csvText, templateRow, utf8 } from '../../csv/test-csv.js';
import {
  createTrip,
  CsvImportCancelled,
  importShipmentsCsv,
  listShipments,
  type AppDeps,
  type CsvFile,
  type CsvImportMode,
} from '../index.js';
import type { Repositories, Store } from '../shared/ports/index.js';

const chunks = (text: string): Uint8Array[] => [utf8(text)];

describeOnDatabases('importShipmentsCsv', (ctx) => {
  async function newTrip(company: TestCompany): Promise<string> {
    const { trip } = await createTrip(ctx().deps, company.dispatcher, {
      document: aTrip({ tripNumber: undefined, shipments: [] }),
    });
    return trip.id;
  }

  function upload(
    company: TestCompany,
    tripId: string | null,
    text: string,
    mode: CsvImportMode = 'all-or-nothing',
  ) {
    return importShipmentsCsv(ctx().deps, company.dispatcher, {
      tripId,
      csv: chunks(text),
      mode,
    });
  }

  async function stored(deps: AppDeps, company: TestCompany, tripId: string | null) {
    const page = await listShipments(deps, company.viewer, { tripId, limit: 100 });
    return page.items.map((record) => record.shipment);
  }

  /** Two shipments: the first with two commodities, the second with one. */
  function twoShipments(scac: string, secondQuantity = '5'): string {
    return csvText([
      templateRow({ SCN: `${scac}100001` }),
      templateRow({ SCN: `${scac}100001`, Description: 'Steel bolts', HTS: '731815' }),
      templateRow({ SCN: `${scac}100002`, Quantity: secondQuantity }),
    ]);
  }

  it('stores every template column, and the export writes the same file back', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const text = csvText([
      templateRow({
        SCN: `${company.scac}200001`,
        'Marks and Numbers': 'MLM-4471; MLM-4472',
        'Hazmat UN Number': '1993',
        'Emergency Contact Name': 'CHEMTREC',
        'Emergency Contact Phone': '800-424-9300',
        'Emergency Contact Email': 'help@example.com',
      }),
      templateRow({
        SCN: `${company.scac}200001`,
        'Loaded On': 'TRUCK',
        Value: '12.5',
        // Characters array literals and JSON escape, and a letter outside ASCII.
        Description: 'Steel "bolts" {M8}, back\\slash; Müsli',
      }),
    ]);
    const report = await upload(company, tripId, text);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(report).toMatchObject({ outcome: 'imported', created: 1, rowCount: 2 });
    const [shipment] = await stored(ctx().deps, company, tripId);
    const read = await readShipmentCsv(chunks(text));
    if (read.kind !== 'read') throw new Error('refused');
    expect(shipment).toEqual(read.shipments[0]);
    expect(shipment?.commodities?.[0]?.hazmat).toEqual({
      unNumber: '1993',
      emergencyContact: { name: 'CHEMTREC', phone: '800-424-9300', email: 'help@example.com' },
    });
    expect(await exportedCsv(ctx().deps, company.viewer, { tripId })).toBe(text);
  });

  it('all-or-nothing: one bad row stores nothing and is returned with an Errors column', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const report = await upload(company, tripId, twoShipments(company.scac, 'twelve'));
    expect(report).toMatchObject({ outcome: 'rejected', created: 0, failed: 1 });
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        code: 'CSV_NUMBER_INVALID',
        row: 4,
        column: 'Quantity',
        value: 'twelve',
      }),
    );
    expect(await stored(ctx().deps, company, tripId)).toEqual([]);
    expect(report.failedRows.map((row) => row.row)).toEqual([4]);
    const csv = failedRowsCsv(report.failedRows).split('\r\n');
    expect(csv[0]?.endsWith(',Errors')).toBe(true);
    expect(csv[1]).toContain(',twelve,');
    expect(csv[1]).toContain('CSV_NUMBER_INVALID');
    // Nothing was drawn from the SCN sequence nor claimed: the same file, fixed, goes in.
    const fixed = await upload(company, tripId, twoShipments(company.scac));
    expect(fixed).toMatchObject({ outcome: 'imported', created: 2 });
  });

  it('partial: stores the valid shipments and returns the failed rows', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const report = await upload(company, tripId, twoShipments(company.scac, 'twelve'), 'partial');
    expect(report).toMatchObject({ outcome: 'partial', created: 1, failed: 1 });
    const shipments = await stored(ctx().deps, company, tripId);
    expect(shipments.map((s) => s.shipmentControlNumber)).toEqual([`${company.scac}100001`]);
    expect(shipments[0]?.commodities).toHaveLength(2);
    expect(report.failedRows.map((row) => row.row)).toEqual([4]);
  });

  it('partial: a file whose every shipment failed is rejected, nothing stored', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const text = csvText([templateRow({ SCN: `${company.scac}100003`, Quantity: 'twelve' })]);
    const report = await upload(company, tripId, text, 'partial');
    expect(report).toMatchObject({ outcome: 'rejected', created: 0, failed: 1 });
    expect(report.failedRows.map((row) => row.row)).toEqual([2]);
    expect(await stored(ctx().deps, company, tripId)).toEqual([]);
  });

  /** `count` one-commodity shipments with typed SCNs, numbered from `from`. */
  function manyShipments(scac: string, count: number, from = 300000): string[][] {
    return Array.from({ length: count }, (_, i) => templateRow({ SCN: `${scac}${from + i}` }));
  }
  /**
   * Not grouped by shipment: the first shipment's second row comes after `count` others, so
   * the file is read whole (first SCN `<scac>100001`, with two commodities).
   */
  function scatteredFile(scac: string, count: number): string {
    const first = `${scac}100001`;
    return csvText([
      templateRow({ SCN: first }),
      ...manyShipments(scac, count),
      templateRow({ SCN: first, Description: 'Steel bolts', HTS: '731815' }),
    ]);
  }

  it('all-or-nothing: an error after shipments were stored in earlier steps stores nothing', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const rows = manyShipments(company.scac, 250);
    const bad = [
      ...rows.slice(0, -1),
      templateRow({ SCN: `${company.scac}300249`, Quantity: 'x' }),
    ];
    const report = await upload(company, tripId, csvText(bad));
    expect(report).toMatchObject({ outcome: 'rejected', created: 0, failed: 1 });
    expect(await stored(ctx().deps, company, tripId)).toEqual([]);
    // Nor were the SCNs claimed: the fixed file goes in whole.
    expect(await upload(company, tripId, csvText(rows))).toMatchObject({ created: 250 });
  });

  it('partial: a file with more than 10,000 errors is refused once past them, nothing stored', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    // Valid shipments first, stored in the first steps; then thousands, each with several
    // errors the rules find (no parties, no quantity): the import stops, not the heap.
    const bad = Array.from({ length: 4_000 }, (_, i) =>
      templateRow({
        SCN: `${company.scac}${400000 + i}`,
        'Shipper Name': '',
        'Consignee Name': '',
        Quantity: '0',
        Weight: '0',
      }),
    );
    const report = await upload(
      company,
      tripId,
      csvText([...manyShipments(company.scac, 30), ...bad]),
      'partial',
    );
    expect(report).toMatchObject({ outcome: 'rejected', created: 0 });
    expect(report.issues.at(-1)).toMatchObject({ code: 'CSV_TOO_MANY_ERRORS', row: null });
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.length).toBe(10_001);
    expect(report.failed).toBeLessThan(bad.length);
    // Not read whole: the issues name the rows; there is no failed-rows file to upload again.
    expect(report.failedRows).toEqual([]);
    expect(await stored(ctx().deps, company, tripId)).toEqual([]);
  });

  it('a file whose rows are not grouped by shipment is imported the same, read whole', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const first = `${company.scac}100001`;
    const text = scatteredFile(company.scac, 150);
    expect(await upload(company, tripId, text)).toMatchObject({
      outcome: 'imported',
      created: 151,
    });
    const page = await listShipments(ctx().deps, company.viewer, { tripId, limit: 1 });
    expect(page.items[0]?.shipment.shipmentControlNumber).toBe(first);
    expect(page.items[0]?.shipment.commodities?.map((c) => c.description)).toEqual([
      'Rolled oats in paper bags',
      'Steel bolts',
    ]);
  });

  it('partial: a shipment failed by a rule over all shipments is not stored, the others are', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    // 1,000 commodity lines: over ACE's 999, found by the document-size rule, which weighs the
    // whole file and so speaks after the shipment's own step was stored.
    const big = Array.from({ length: 1000 }, () => templateRow({ SCN: `${company.scac}100001` }));
    const text = csvText([...big, templateRow({ SCN: `${company.scac}100002` })]);
    const report = await upload(company, tripId, text, 'partial');
    expect(report).toMatchObject({ outcome: 'partial', created: 1, failed: 1 });
    expect(report.issues.map((issue) => issue.code)).toContain('SHIPMENT_TOO_MANY_COMMODITIES');
    const shipments = await stored(ctx().deps, company, tripId);
    expect(shipments.map((s) => s.shipmentControlNumber)).toEqual([`${company.scac}100002`]);
  });

  it('re-uploading the same file stores no duplicates; an SCN used elsewhere is refused by name', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const text = twoShipments(company.scac);
    await upload(company, tripId, text);
    const again = await upload(company, tripId, text);
    expect(again).toMatchObject({ outcome: 'imported', created: 0, unchanged: 2 });
    expect(again.issues.map((issue) => issue.code)).toEqual([
      'CSV_SHIPMENT_UNCHANGED',
      'CSV_SHIPMENT_UNCHANGED',
    ]);
    expect(await stored(ctx().deps, company, tripId)).toHaveLength(2);

    const otherTrip = await newTrip(company);
    const elsewhere = await upload(company, otherTrip, text);
    expect(elsewhere.outcome).toBe('rejected');
    expect(elsewhere.issues).toContainEqual(
      expect.objectContaining({
        code: 'CSV_SCN_ALREADY_USED',
        row: 2,
        column: 'SCN',
        value: `${company.scac}100001`,
      }),
    );
    expect(elsewhere.issues[0]?.message).toContain(`${company.scac}100001`);
    expect(await stored(ctx().deps, company, otherTrip)).toEqual([]);

    // The same SCN with other content in the same trip is refused too.
    const changed = await upload(company, tripId, twoShipments(company.scac, '6'));
    expect(changed.issues.map((issue) => issue.code)).toEqual([
      'CSV_SHIPMENT_UNCHANGED',
      'CSV_SCN_ALREADY_USED',
    ]);
    // It says what happened: the shipment is here with other content (an edit), not that
    // another shipment holds the SCN.
    expect(changed.issues[1]?.message).toMatch(
      /^The shipment \w+ on row 4 is already in trip \w+ with other content; an upload adds shipments and does not change them\./,
    );
    expect(elsewhere.issues[0]?.message).toMatch(/already used by another shipment/);
  });

  it('the same AUTOFILL file uploaded twice at once into one trip is stored once', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    const text = csvText([
      templateRow({ SCN: `${company.scac}AUTOFILL`, 'Order Reference': 'PO-1' }),
      templateRow({ SCN: `${company.scac}AUTOFILL`, 'Order Reference': 'PO-2' }),
    ]);
    // The interleaving that made four shipments of two on PostgreSQL, forced: the second upload
    // starts once the first has read the trip's shipments, and the first stores its own only
    // once the second has begun (asked for the lock, or read the trip too). SQLite runs one write transaction at a time, so
    // there the second begins after the first ends and nothing is held back.
    let firstRead!: () => void;
    const read = new Promise<void>((resolve) => (firstRead = resolve));
    let secondBegan!: () => void;
    const began = new Promise<void>((resolve) => (secondBegan = resolve));
    const deps = ctx().deps;
    const gated = (first: boolean): AppDeps => {
      const gate = (repos: Repositories): Repositories => ({
        ...repos,
        shipments: {
          ...repos.shipments,
          lockList: (...args) => {
            if (!first) secondBegan();
            return repos.shipments.lockList(...args);
          },
          insert: async (records) => {
            if (first && ctx().kind === 'postgres') await began;
            return repos.shipments.insert(records);
          },
        },
        // Asked once a step's shipments were compared with the trip's.
        scns: {
          ...repos.scns,
          used: (...args) => {
            (first ? firstRead : secondBegan)();
            return repos.scns.used(...args);
          },
        },
      });
      const store: Store = {
        transaction: (work, options) =>
          deps.store.transaction((repos) => work(gate(repos)), options),
      };
      return { ...deps, store };
    };
    const importOnce = (first: boolean) =>
      importShipmentsCsv(gated(first), company.dispatcher, { tripId, csv: chunks(text) });
    const reports = await Promise.all([importOnce(true), read.then(() => importOnce(false))]);
    expect(reports.map((report) => [report.created, report.unchanged])).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(await stored(deps, company, tripId)).toHaveLength(2);
  });

  it('draws AUTOFILL SCNs from the company sequence, one per consignee and order reference', async () => {
    const company = await ctx().newCompany();
    const autofill = `${company.scac}AUTOFILL`;
    const text = csvText([
      templateRow({ SCN: autofill, 'Order Reference': 'PO-1' }),
      templateRow({ SCN: autofill, 'Order Reference': 'PO-2' }),
      templateRow({ SCN: autofill, 'Order Reference': 'PO-1', Description: 'Oat flour' }),
    ]);
    const report = await upload(company, null, text);
    expect(report).toMatchObject({ outcome: 'imported', created: 2, rowCount: 3 });
    const shipments = await stored(ctx().deps, company, null);
    expect(shipments.map((s) => [s.shipmentControlNumber, s.commodities?.length])).toEqual([
      [`${company.scac}0000000001`, 2],
      [`${company.scac}0000000002`, 1],
    ]);
    const again = await upload(company, null, text);
    expect(again).toMatchObject({ created: 0, unchanged: 2 });

    const mixed = csvText([
      templateRow({ SCN: autofill }),
      templateRow({ SCN: `${company.scac}300001` }),
    ]);
    const refused = await upload(company, null, mixed);
    expect(refused.outcome).toBe('rejected');
    expect(refused.issues).toContainEqual(
      expect.objectContaining({ code: 'CSV_SCN_MIXED', row: 3 }),
    );
    expect(refused.failedRows.map((row) => row.row)).toEqual([3]);
  });

  it('a refused AUTOFILL file draws no SCN; each stored shipment has its audit entry', async () => {
    const company = await ctx().newCompany();
    const autofill = `${company.scac}AUTOFILL`;
    const bad = csvText([
      templateRow({ SCN: autofill, 'Order Reference': 'PO-1' }),
      templateRow({ SCN: autofill, 'Order Reference': 'PO-2', Quantity: 'many' }),
    ]);
    expect((await upload(company, null, bad)).outcome).toBe('rejected');
    const good = csvText([templateRow({ SCN: autofill, 'Order Reference': 'PO-1' })]);
    expect(await upload(company, null, good)).toMatchObject({ created: 1 });
    const [shipment] = (await listShipments(ctx().deps, company.viewer, { tripId: null })).items;
    expect(shipment?.shipment.shipmentControlNumber).toBe(`${company.scac}0000000001`);
    await ctx().deps.store.transaction(async (repos) => {
      const entries = await repos.audit.listForEntity(
        company.companyId,
        'shipment',
        shipment?.id ?? '',
      );
      expect(entries.map((entry) => entry.action)).toEqual(['csv-import']);
    });
  });

  /** `count` AUTOFILL shipments, one row each (a distinct order reference each). */
  function autofillFile(scac: string, count: number): string {
    return csvText(
      Array.from({ length: count }, (_, n) =>
        templateRow({ SCN: `${scac}AUTOFILL`, 'Order Reference': `PO-${n}` }),
      ),
    );
  }

  async function auditEntries(companyId: string): Promise<number> {
    const row = await ctx()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('company_id', '=', companyId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('an already aborted signal cancels before anything is read or stored', async () => {
    const company = await ctx().newCompany();
    const controller = new AbortController();
    controller.abort();
    let read = false;
    const csv = (function* () {
      read = true;
      yield utf8(autofillFile(company.scac, 1));
    })();
    await expect(
      importShipmentsCsv(ctx().deps, company.dispatcher, {
        tripId: null,
        csv,
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(CsvImportCancelled);
    expect(read).toBe(false);
    expect(await stored(ctx().deps, company, null)).toEqual([]);
  });

  for (const mode of ['all-or-nothing', 'partial'] as const) {
    it(`${mode}: a signal aborted after a stored batch rolls the whole import back`, async () => {
      const company = await ctx().newCompany();
      const auditBefore = await auditEntries(company.companyId);
      const text = autofillFile(company.scac, 450);
      const controller = new AbortController();
      let storedWhenAborted = 0;
      // The upload's spooled copy goes to a folder of this test's own, to see it deleted.
      const spoolDir = mkdtempSync(join(tmpdir(), 'emanifest-cancel-'));
      const tmp = process.env.TMPDIR;
      process.env.TMPDIR = spoolDir;
      try {
        await expect(
          importShipmentsCsv(ctx().deps, company.dispatcher, {
            tripId: null,
            csv: chunks(text),
            mode,
            signal: controller.signal,
            onProgress: (progress) => {
              if (
                progress.phase === 'storing' &&
                progress.stored > 0 &&
                !controller.signal.aborted
              ) {
                storedWhenAborted = progress.stored;
                controller.abort();
              }
            },
          }),
        ).rejects.toBeInstanceOf(CsvImportCancelled);
        expect(readdirSync(spoolDir)).toEqual([]);
      } finally {
        if (tmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = tmp;
        rmSync(spoolDir, { recursive: true, force: true });
      }
      // The cancel came after shipments were stored inside the transaction.
      expect(storedWhenAborted).toBeGreaterThan(0);
      expect(await stored(ctx().deps, company, null)).toEqual([]);
      expect(await auditEntries(company.companyId)).toBe(auditBefore);
      // The same file again: the sequence starts where it was, nothing was drawn by the cancel.
      const again = await upload(company, null, text, mode);
      expect(again).toMatchObject({ outcome: 'imported', created: 450 });
      const first = await listShipments(ctx().deps, company.viewer, { tripId: null, limit: 1 });
      expect(first.items[0]?.shipment.shipmentControlNumber).toBe(`${company.scac}0000000001`);
    });
  }

  it('a file of 1 MiB or more: its parser thread starts during the upload; a cancel then stops it', async () => {
    const company = await ctx().newCompany();
    const bytes = utf8(autofillFile(company.scac, 5_000));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const before = parserThreadsRunning();
    const controller = new AbortController();
    let duringUpload: number | undefined;
    await expect(
      importShipmentsCsv(ctx().deps, company.dispatcher, {
        tripId: null,
        csv: chunked(bytes, 1 << 16),
        signal: controller.signal,
        onProgress: (progress) => {
          // Past 1 MiB the thread has started; the next piece of the upload sees the cancel.
          if (progress.phase === 'reading' && progress.bytes > 1 << 20) {
            duringUpload ??= parserThreadsRunning();
            controller.abort();
          }
        },
      }),
    ).rejects.toBeInstanceOf(CsvImportCancelled);
    expect(duringUpload).toBe(before + 1);
    // Stopped by the cancel: no thread is left behind.
    expect(parserThreadsRunning()).toBe(before);
    expect(await stored(ctx().deps, company, null)).toEqual([]);
    const report = await importShipmentsCsv(ctx().deps, company.dispatcher, {
      tripId: null,
      csv: chunked(bytes, 1 << 16),
    });
    expect(report).toMatchObject({ outcome: 'imported', created: 5_000, rowCount: 5_000 });
    expect(parserThreadsRunning()).toBe(before);
  });

  it('a file parsed in its thread: the progress only goes forward, its estimate near the count', async () => {
    const company = await ctx().newCompany();
    const bytes = utf8(autofillFile(company.scac, 5_000));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const shares: number[] = [];
    const estimates: number[] = [];
    const report = await importShipmentsCsv(ctx().deps, company.dispatcher, {
      tripId: null,
      csv: chunked(bytes, 1 << 16),
      onProgress: (progress) => {
        if (progress.phase !== 'storing') return;
        shares.push(progress.stored / progress.shipments);
        estimates.push(progress.shipments);
      },
    });
    expect(report).toMatchObject({ outcome: 'imported', created: 5_000 });
    expect(shares.length).toBeGreaterThan(20);
    // The count is estimated from the bytes the thread's steps were read from, not from the
    // bytes sent to it (a few pieces ahead), which made the bar go back by tens of points;
    // rows of different lengths leave it a few hundredths of a point to sway.
    shares.forEach((share, n) => {
      expect(share).toBeGreaterThan((shares[n - 1] ?? 0) - 0.01);
    });
    expect(estimates.slice(1).every((estimate) => Math.abs(estimate - 5_000) < 500)).toBe(true);
  });

  it.each(['checking', 'storing'] as const)(
    'a file read whole hears a cancel that comes from outside while %s it, and stores nothing',
    async (phase) => {
      const company = await ctx().newCompany();
      const tripId = await newTrip(company);
      // Read whole, then checked and stored with nothing else to wait on.
      const text = scatteredFile(company.scac, 1_500);
      const controller = new AbortController();
      let checks = 0;
      let asked = false;
      let reportsAfter = 0;
      await expect(
        importShipmentsCsv(ctx().deps, company.dispatcher, {
          tripId,
          csv: chunks(text),
          signal: controller.signal,
          onProgress: (progress) => {
            if (asked) reportsAfter += 1;
            if (progress.phase === 'checking') checks += 1;
            // The second check is the file read whole; its store follows the last step.
            const now =
              phase === 'checking'
                ? progress.phase === 'checking' && checks === 2
                : progress.phase === 'storing' && progress.stored > 0 && checks === 2;
            if (asked || !now) return;
            asked = true;
            // As a Ctrl-C or a closed connection comes: on a later turn of the event loop.
            setImmediate(() => {
              controller.abort();
            });
          },
        }),
      ).rejects.toBeInstanceOf(CsvImportCancelled);
      expect(asked).toBe(true);
      // Heard at the next step, not after 1,500 shipments were checked or stored.
      expect(reportsAfter).toBeLessThanOrEqual(2);
      expect(await stored(ctx().deps, company, tripId)).toEqual([]);
    },
  );

  it.each([100, 5_000])(
    'refuses a UTF-8 file with a stray byte that is not UTF-8 (%i shipments), even in partial mode',
    async (count) => {
      const company = await ctx().newCompany();
      const tripId = await newTrip(company);
      // UTF-8 letters in every row, then one Windows-1252 é (0xE9) pasted into the last row.
      const text = csvText(
        Array.from({ length: count }, (_, n) =>
          templateRow({ SCN: `${company.scac}${400000 + n}`, Description: 'Crème brûlée' }),
        ),
      );
      const last = text.lastIndexOf('Crème brûlée');
      const bytes = utf8(`${text.slice(0, last)}Caf\u0000${text.slice(last + 12)}`);
      bytes[bytes.lastIndexOf(0)] = 0xe9;
      for (const mode of ['all-or-nothing', 'partial'] as const) {
        const report = await importShipmentsCsv(ctx().deps, company.dispatcher, {
          tripId,
          csv: chunked(bytes, 1 << 16),
          mode,
        });
        expect(report).toMatchObject({ outcome: 'rejected', created: 0 });
        expect(report.issues).toContainEqual(
          expect.objectContaining({ code: 'CSV_ENCODING_MIXED', severity: 'error', row: null }),
        );
      }
      expect(await stored(ctx().deps, company, tripId)).toEqual([]);
    },
  );

  it('a file that can be read again is read in place: once when grouped, twice when not', async () => {
    const company = await ctx().newCompany();
    const inPlace = (text: string): { file: CsvFile; reads: () => number } => {
      const bytes = utf8(text);
      let reads = 0;
      const file: CsvFile = {
        kind: 'file',
        bytes: bytes.length,
        read: () => {
          reads += 1;
          return Readable.from(chunked(bytes, 1 << 16));
        },
      };
      return { file, reads: () => reads };
    };
    // 1 MiB or more: parsed in a thread started at once, stopped at the end.
    const before = parserThreadsRunning();
    const grouped = inPlace(autofillFile(company.scac, 5_000));
    expect(grouped.file.bytes).toBeGreaterThan(1 << 20);
    const report = await importShipmentsCsv(ctx().deps, company.dispatcher, {
      tripId: null,
      csv: grouped.file,
    });
    expect(report).toMatchObject({ outcome: 'imported', created: 5_000 });
    expect(grouped.reads()).toBe(1);
    expect(parserThreadsRunning()).toBe(before);

    const tripId = await newTrip(company);
    const scattered = inPlace(scatteredFile(company.scac, 150));
    expect(
      await importShipmentsCsv(ctx().deps, company.dispatcher, { tripId, csv: scattered.file }),
    ).toMatchObject({ outcome: 'imported', created: 151 });
    expect(scattered.reads()).toBe(2);
  });

  it('an unreadable file is rejected with one located issue and stores nothing', async () => {
    const company = await ctx().newCompany();
    const report = await upload(company, null, 'Description,Quantity\r\nOats,1\r\n');
    expect(report.outcome).toBe('rejected');
    expect(report.issues.map((issue) => issue.code)).toEqual(['CSV_HEADER_INVALID']);
  });

  it('a viewer may not import', async () => {
    const company = await ctx().newCompany();
    await expect(
      importShipmentsCsv(ctx().deps, company.viewer, { tripId: null, csv: [] }),
    ).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });

  it('export then import round-trips exactly: the upload finds every shipment as it is', async () => {
    const company = await ctx().newCompany();
    const tripId = await newTrip(company);
    await upload(company, tripId, twoShipments(company.scac));
    const exported = await exportedCsv(ctx().deps, company.viewer, { tripId });
    // The file is unchanged by the round trip, so uploading it again finds every shipment as is.
    const again = await upload(company, tripId, exported);
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
    expect(exported).toBe(await exportedCsv(ctx().deps, company.viewer, { tripId }));
  });
});
