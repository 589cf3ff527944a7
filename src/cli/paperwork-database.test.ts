import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSection321Shipment, aShipment, aTrip } from '../../test/builders.js';
import bwipjs from 'bwip-js';
import { decodePage, imageList, pdfText, pdfToolsMissing, valuesOf } from '../../test/pdf-tools.js';
import {
  bootstrapCompany,
  createShipment,
  createTrip,
  removeCompanyLogo,
  setCompanyLogo,
  type Actor,
} from '../app/index.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

/** The commands that print from the service's database: a real SQLite file, seeded by the use cases. */
const dir = mkdtempSync(join(tmpdir(), 'emanifest-paperwork-'));
const sqlitePath = join(dir, 'db.sqlite');
const deps = () => {
  const db = openDatabase({ sqlitePath });
  return {
    db,
    deps: {
      store: createSqlStore(db),
      clock: { now: () => new Date() },
      ids: { newId: () => crypto.randomUUID() },
    },
  };
};
let demo: Actor;

async function seedCompany(scac: string): Promise<Actor> {
  const { db, deps: app } = deps();
  try {
    await migrateToLatest(db);
    const { company, admin } = await bootstrapCompany(
      { ...app, scrypt: { ln: 10, r: 8, p: 1 } },
      {
        company: { name: `${scac} Haul`, scac, defaultPortOfArrival: '0901' },
        admin: {
          email: `a@${scac.toLowerCase()}.example`,
          displayName: 'A',
          password: 'correct horse battery',
        },
      },
    );
    return { kind: 'user', companyId: company.id, userId: admin.id, role: 'admin' };
  } finally {
    await db.destroy();
  }
}

async function withApp<T>(work: (app: ReturnType<typeof deps>['deps']) => Promise<T>): Promise<T> {
  const { db, deps: app } = deps();
  try {
    return await work(app);
  } finally {
    await db.destroy();
  }
}

function database(files: Record<string, Uint8Array> = {}) {
  const memory = memoryIo(files);
  return { ...memory, io: { ...memory.io, env: { SQLITE_PATH: sqlitePath } } };
}

function pdfOf(written: Map<string, string | Uint8Array>, file = 'out.pdf'): Uint8Array {
  const pdf = written.get(file);
  if (pdf === undefined || typeof pdf === 'string')
    throw new Error(`${file} was not written as bytes`);
  return pdf;
}

beforeAll(async () => {
  demo = await seedCompany('DEMO');
  await withApp((app) =>
    createTrip(app, demo, {
      document: aTrip({ shipments: [aShipment({ shipmentControlNumber: 'DEMO0000000900' })] }),
    }),
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('emanifest lead-sheet TRIPNUMBER (from the database)', () => {
  it("writes the stored trip's lead sheet, found by its number in any case", async () => {
    const { io, stdout, written } = database();
    expect(await run(io, ['lead-sheet', 'demo2026112801', '-o', 'out.pdf'])).toBe(0);
    expect(stdout()).toBe('Wrote out.pdf: standard lead sheet of trip DEMO2026112801, 1 page.\n');
    if (pdfToolsMissing) return;
    const text = pdfText(pdfOf(written));
    expect(text).toContain('Trip number: DEMO2026112801');
    expect(text).toContain('DEMO0000000900');
  });

  it("carries the company's logo when one is set; --logo puts another on this sheet", async () => {
    const logo = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'COMPANY', scale: 2 });
    const other = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'ONE SHEET ONLY', scale: 5 });
    const facts = await withApp((app) => setCompanyLogo(app, demo, { bytes: logo }));
    try {
      const stored = database();
      expect(await run(stored.io, ['lead-sheet', 'DEMO2026112801', '-o', 'out.pdf'])).toBe(0);
      const given = database({ 'other.png': other });
      const args = ['lead-sheet', 'DEMO2026112801', '-o', 'out.pdf', '--logo', 'other.png'];
      expect(await run(given.io, args)).toBe(0);
      if (pdfToolsMissing) return;
      // pdfimages -list: page, num, type, width, height …
      const widths = (pdf: Uint8Array) =>
        imageList(pdf)
          .filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line))
          .map((line) => Number(line.trim().split(/\s+/)[3]));
      expect(widths(pdfOf(stored.written))).toEqual([facts.width]);
      const [width] = widths(pdfOf(given.written));
      expect(width).toBeGreaterThan(facts.width);
    } finally {
      await withApp((app) => removeCompanyLogo(app, demo));
    }
    const none = database();
    expect(await run(none.io, ['lead-sheet', 'DEMO2026112801', '-o', 'out.pdf'])).toBe(0);
    expect(imageList(pdfOf(none.written))).toEqual([]);
  });

  it('prints the placard and the detailed variant without the driver', async () => {
    const placard = database();
    expect(
      await run(placard.io, ['lead-sheet', 'DEMO2026112801', '-o', 'out.pdf', '--placard']),
    ).toBe(0);
    expect(placard.stdout()).toContain('QR placard of trip DEMO2026112801');
    const detailed = database();
    const args = [
      'lead-sheet',
      'DEMO2026112801',
      '-o',
      'out.pdf',
      '--variant',
      'detailed',
      '--no-driver-name',
    ];
    expect(await run(detailed.io, args)).toBe(0);
    if (pdfToolsMissing) return;
    expect(valuesOf(decodePage(pdfOf(placard.written), 1, 72), 'QR-Code')[0]).toMatch(
      /^001\*DEMO2026112801/,
    );
    expect(pdfText(pdfOf(detailed.written))).not.toContain('Tremblay');
  });

  it('exits 1 for an unknown trip or company, and asks for --company when there are several', async () => {
    const unknown = database();
    expect(await run(unknown.io, ['lead-sheet', 'DEMO9999', '-o', 'out.pdf'])).toBe(1);
    expect(unknown.stderr()).toContain('Trip DEMO9999 not found.');
    expect(unknown.written.size).toBe(0);
    const noCompany = database();
    expect(
      await run(noCompany.io, ['lead-sheet', 'DEMO2026112801', '-o', 'o.pdf', '--company', 'ZZZZ']),
    ).toBe(1);
    expect(noCompany.stderr()).toContain('Company ZZZZ not found.');
    const other = await seedCompany('OTHR');
    await withApp((app) =>
      createTrip(app, other, { document: aTrip({ tripNumber: 'OTHR0001', shipments: [] }) }),
    );
    const several = database();
    expect(await run(several.io, ['lead-sheet', 'DEMO2026112801', '-o', 'o.pdf'])).toBe(1);
    expect(several.stderr()).toContain('name one by its SCAC (DEMO, OTHR)');
    // A company sees only its own trips.
    const wrong = database();
    expect(
      await run(wrong.io, ['lead-sheet', 'OTHR0001', '-o', 'o.pdf', '--company', 'DEMO']),
    ).toBe(1);
    const right = database();
    expect(
      await run(right.io, ['lead-sheet', 'OTHR0001', '-o', 'o.pdf', '--company', 'othr']),
    ).toBe(0);
  });

  it('exits 2 for a trip number and --document together, or neither', async () => {
    for (const args of [
      ['DEMO2026112801', '--document', 'trip.json', '-o', 'o.pdf'],
      ['-o', 'o.pdf'],
      ['A', 'B', '-o', 'o.pdf'],
    ]) {
      const { io, stderr } = database();
      expect(await run(io, ['lead-sheet', ...args])).toBe(2);
      expect(stderr()).toContain('Usage: emanifest lead-sheet');
    }
  });
});

describe('emanifest labels', () => {
  it('reserves the next SCNs and prints them; the generator steps over them', async () => {
    const { io, stdout, written } = database();
    expect(
      await run(io, [
        'labels',
        '--count',
        '3',
        '-o',
        'out.pdf',
        '--company',
        'DEMO',
        '--paper',
        'a4',
      ]),
    ).toBe(0);
    expect(stdout()).toBe(
      'Wrote out.pdf: 3 PAPS labels, SCNs DEMO0000000001 to DEMO0000000003 reserved, 1 page.\n',
    );
    const created = await withApp((app) =>
      createShipment(app, demo, {
        tripId: null,
        shipment: aShipment({ shipmentControlNumber: undefined }),
      }),
    );
    expect(created.shipment.shipment.shipmentControlNumber).toBe('DEMO0000000004');
    if (pdfToolsMissing) return;
    expect(valuesOf(decodePage(pdfOf(written)), 'CODE-128')).toEqual([
      'DEMO0000000001',
      'DEMO0000000002',
      'DEMO0000000003',
    ]);
  });

  it('reserves no SCN when the PDF cannot be written: the path is checked first (exit 2)', async () => {
    const unwritable = database();
    const args = ['labels', '--count', '2', '--company', 'DEMO'];
    expect(await run(unwritable.io, [...args, '-o', '/nonexistent/o.pdf'])).toBe(2);
    expect(unwritable.stderr()).toBe(
      'emanifest labels: /nonexistent/o.pdf cannot be written (ENOENT).\n',
    );
    const next = database();
    expect(await run(next.io, [...args, '-o', 'out.pdf'])).toBe(0);
    // DEMO0000000004 went to the shipment above; nothing was drawn for the failed run.
    expect(next.stdout()).toContain('SCNs DEMO0000000005 to DEMO0000000006 reserved');
  });

  it('exits 1 for a count out of range and 2 for a wrong command line', async () => {
    const tooMany = database();
    expect(
      await run(tooMany.io, ['labels', '--count', '5000', '-o', 'o.pdf', '--company', 'DEMO']),
    ).toBe(1);
    expect(tooMany.stderr()).toContain('LABEL_COUNT_INVALID /count');
    for (const args of [
      ['-o', 'o.pdf'],
      ['--count', 'ten', '-o', 'o.pdf'],
      ['--count', '1'],
    ]) {
      const { io, stderr } = database();
      expect(await run(io, ['labels', ...args])).toBe(2);
      expect(stderr()).toContain('Usage: emanifest labels');
    }
  });

  it('exits 2 with the reason when the database cannot be opened', async () => {
    const memory = memoryIo({});
    // Nothing listens on port 1.
    const io = { ...memory.io, env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } };
    expect(await run(io, ['labels', '--count', '1', '-o', 'o.pdf'])).toBe(2);
    expect(memory.stderr()).toContain(
      'emanifest labels: the database at DATABASE_URL cannot be opened',
    );
  });
});

describe('emanifest shipment-papers SCN (from the database)', () => {
  it("writes a stored informal shipment's papers, found by its SCN in any case", async () => {
    await withApp((app) =>
      createShipment(app, demo, {
        tripId: null,
        shipment: aSection321Shipment({ shipmentControlNumber: 'DEMO0001000321' }),
      }),
    );
    const { io, stdout, written } = database();
    const args = ['shipment-papers', 'demo0001000321', '-o', 'out.pdf', '--company', 'DEMO'];
    expect(await run(io, args)).toBe(0);
    expect(stdout()).toBe('Wrote out.pdf: papers of shipment DEMO0001000321, 1 page.\n');
    if (pdfToolsMissing) return;
    const text = pdfText(pdfOf(written));
    expect(text).toContain('DEMO0001000321');
    expect(text).toContain('Maple syrup gift boxes');
  });

  it('exits 1 for a PAPS shipment (it travels on the lead sheet) and for an unknown SCN', async () => {
    const paps = database();
    const args = ['shipment-papers', 'DEMO0000000900', '-o', 'out.pdf', '--company', 'DEMO'];
    expect(await run(paps.io, args)).toBe(1);
    expect(paps.stderr()).toContain('it is not informal; it travels on the lead sheet');
    expect(paps.written.size).toBe(0);
    const unknown = database();
    const missing = ['shipment-papers', 'DEMO0000009999', '-o', 'out.pdf', '--company', 'DEMO'];
    expect(await run(unknown.io, missing)).toBe(1);
    expect(unknown.stderr()).toContain('Shipment DEMO0000009999 not found.');
  });

  it('exits 2 for an SCN and --document together, or neither', async () => {
    for (const args of [
      ['DEMO0001000321', '--document', 'trip.json', '-o', 'o.pdf'],
      ['-o', 'o.pdf'],
      ['--document', 'trip.json', '--company', 'DEMO', '-o', 'o.pdf'],
    ]) {
      const { io, stderr } = database();
      expect(await run(io, ['shipment-papers', ...args])).toBe(2);
      expect(stderr()).toContain('Usage: emanifest shipment-papers');
    }
  });
});

describe('emanifest lead-sheet --date (the trips of a day)', () => {
  it('writes the lead sheets of every trip arriving that day, by ETA, in one PDF', async () => {
    await withApp((app) =>
      createTrip(app, demo, {
        document: aTrip({
          tripNumber: 'DEMO2026112802',
          estimatedArrivalDateTime: '2026-11-28 09:00:00',
          shipments: [],
        }),
      }),
    );
    const { io, stdout, written } = database();
    const args = ['lead-sheet', '--date', '2026-11-28', '-o', 'out.pdf', '--company', 'DEMO'];
    expect(await run(io, args)).toBe(0);
    expect(stdout()).toBe(
      'Wrote out.pdf: standard lead sheets of the 2 trips arriving 2026-11-28 (DEMO2026112802, DEMO2026112801), 2 pages.\n',
    );
    if (pdfToolsMissing) return;
    const text = pdfText(pdfOf(written));
    expect(text.indexOf('DEMO2026112802')).toBeLessThan(text.indexOf('DEMO2026112801'));
  });

  it('exits 1 for a day without trips or a date that is not one, 2 with --placard', async () => {
    for (const date of ['2026-01-01', '2026-13-01']) {
      const { io, written } = database();
      const args = ['lead-sheet', '--date', date, '-o', 'out.pdf', '--company', 'DEMO'];
      expect(await run(io, args)).toBe(1);
      expect(written.size).toBe(0);
    }
    const placard = database();
    const args = ['lead-sheet', '--date', '2026-11-28', '--placard', '-o', 'o.pdf'];
    expect(await run(placard.io, args)).toBe(2);
    expect(placard.stderr()).toContain('--placard and --logo are for one trip');
  });
});
