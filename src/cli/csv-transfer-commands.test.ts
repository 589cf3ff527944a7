import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTrip } from '../../test/builders.js';
import { TEST_SCRYPT } from '../../test/storage-harness.js';
import {
  bootstrapCompany,
  createApiToken,
  createTrip,
  randomIds,
  systemClock,
  type Actor,
  type AppDeps,
} from '../app/index.js';
import { csvText, templateRow } from '../csv/test-csv.js';
import { createSqlStore, migrateToLatest, openDatabase } from '../storage/index.js';
import { openSqliteFile } from '../storage/open-database.js';
import { processIo, run } from './main.js';
import { memoryIo } from './test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'emanifest-csv-'));
const sqlitePath = join(dir, 'db.sqlite');
let dispatcherToken = '';
let viewerToken = '';
let tripNumber = '';

beforeAll(async () => {
  const db = openDatabase({ sqlitePath });
  await migrateToLatest(db);
  const deps: AppDeps = {
    store: createSqlStore(db),
    clock: systemClock,
    ids: randomIds,
    scrypt: TEST_SCRYPT,
  };
  const { company, admin } = await bootstrapCompany(deps, {
    company: { name: 'CSV Haul', scac: 'CSVH', defaultPortOfArrival: '0901' },
    admin: { email: 'admin@csvh.example', displayName: 'Admin', password: 'correct horse battery' },
  });
  const actor: Actor = { kind: 'user', companyId: company.id, userId: admin.id, role: 'admin' };
  dispatcherToken = (await createApiToken(deps, actor, { name: 'cli', role: 'dispatcher' })).secret;
  viewerToken = (await createApiToken(deps, actor, { name: 'read', role: 'viewer' })).secret;
  const { trip } = await createTrip(deps, actor, {
    document: aTrip({ tripNumber: undefined, shipments: [] }),
  });
  tripNumber = trip.tripNumber;
  await db.destroy();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cli(files: Record<string, string>, token = dispatcherToken, tty = false) {
  const memory = memoryIo(files);
  return {
    ...memory,
    io: {
      ...memory.io,
      stderrIsTty: tty,
      fileSize: (path: string) =>
        files[path] === undefined
          ? Promise.reject(new Error('ENOENT'))
          : Promise.resolve(Buffer.byteLength(files[path] ?? '')),
      env: { SQLITE_PATH: sqlitePath, EMANIFEST_TOKEN: token },
    },
  };
}

const good = () =>
  csvText([
    templateRow({ SCN: 'CSVH100001' }),
    templateRow({ SCN: 'CSVH100001', Description: 'Steel bolts' }),
    templateRow({ SCN: 'CSVH100002' }),
  ]);

describe('emanifest csv import / export', () => {
  it('refuses a file with a bad row, storing nothing, and writes the failed rows (exit 1)', async () => {
    const bad = csvText([templateRow({ SCN: 'CSVH900001', Quantity: 'twelve' })]);
    const { io, stdout, stderr, written } = cli({ 'bad.csv': bad });
    const code = await run(io, [
      'csv',
      'import',
      'bad.csv',
      '--trip',
      tripNumber,
      '--failed-rows',
      'failed.csv',
    ]);
    expect(code).toBe(1);
    expect(stdout()).toContain('NOTHING imported: 1 row with errors (all or nothing;');
    expect(stdout()).toContain('row 2, Quantity = "twelve"');
    expect(String(written.get('failed.csv'))).toContain(',Errors\r\n');
    expect(stdout()).toContain('Nothing was stored: correct bad.csv and import it whole.');
    // Not a terminal: plain progress lines, none counting shipments before any were read.
    expect(stderr()).toContain('reading');
    expect(stderr()).toContain('checking the shipments');
    expect(stderr()).not.toContain('checking 0');
    expect(stderr()).not.toContain('\r');
    // With --partial and no valid shipment, the advice to use --partial is not given.
    const partial = cli({ 'bad.csv': bad });
    const args = ['csv', 'import', 'bad.csv', '--trip', tripNumber, '--partial'];
    expect(await run(partial.io, args)).toBe(1);
    expect(partial.stdout()).toContain('NOTHING imported: 1 row with errors\n');
    expect(partial.stdout()).not.toContain('import it whole');
  });

  it('says a file that is not CSV was refused, not that no rows had errors (exit 2)', async () => {
    const { io, stdout } = cli({ 'sheet.csv': 'PK\u0003\u0004\u0000\u0000binary' });
    expect(await run(io, ['csv', 'import', 'sheet.csv', '--trip', tripNumber])).toBe(2);
    expect(stdout()).toContain('NOTHING imported: the file was refused (below)');
    expect(stdout()).toContain('CSV_NOT_CSV');
  });

  it('imports into a trip (exit 0) with a progress bar on a terminal, and again stores no duplicates', async () => {
    const first = cli({ 'ship.csv': good() }, dispatcherToken, true);
    expect(await run(first.io, ['csv', 'import', 'ship.csv', '--trip', tripNumber])).toBe(0);
    expect(first.stdout()).toContain(`2 shipments imported into trip ${tripNumber}`);
    expect(first.stderr()).toMatch(/\r\[#+\.*\] +\d+% /);
    const again = cli({ 'ship.csv': good() });
    expect(
      await run(again.io, ['csv', 'import', 'ship.csv', '--trip', tripNumber, '--format', 'json']),
    ).toBe(0);
    expect(JSON.parse(again.stdout())).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('reads a file in place, twice when its rows are not grouped; a pipe (no size) once, spooled', async () => {
    for (const [name, size, first, expected] of [
      ['scattered.csv', undefined, 'CSVH600001', 2],
      ['/dev/fd/63', 0, 'CSVH600011', 1],
    ] as const) {
      // Rows of one shipment apart: the file is read whole a second time.
      const text = csvText([
        templateRow({ SCN: first }),
        templateRow({ SCN: `${first}9` }),
        templateRow({ SCN: first, Description: 'Steel bolts' }),
      ]);
      const memory = cli({ [name]: text });
      let reads = 0;
      const io = {
        ...memory.io,
        fileSize: () => Promise.resolve(size ?? Buffer.byteLength(text)),
        // A pipe gives its bytes once; read again, it is empty.
        readChunks: async function* (): AsyncGenerator<Uint8Array> {
          reads += 1;
          if (size === undefined || reads === 1) yield await Promise.resolve(Buffer.from(text));
        },
      };
      expect(await run(io, ['csv', 'import', name, '--unassociated'])).toBe(0);
      expect(memory.stdout()).toContain('2 shipments imported into the unassociated shipments');
      expect(reads).toBe(expected);
    }
  });

  it('exports the trip as the template, which imports back unchanged', async () => {
    const exported = cli({}, viewerToken);
    expect(await run(exported.io, ['csv', 'export', '--trip', tripNumber, '-o', 'out.csv'])).toBe(
      0,
    );
    const text = String(exported.written.get('out.csv'));
    expect(text).toBe(good());
    const back = cli({ 'out.csv': text });
    expect(await run(back.io, ['csv', 'import', 'out.csv', '--trip', tripNumber])).toBe(0);
    expect(back.stdout()).toContain('0 shipments imported');
  });

  it('acts as the operator of the only company without a token', async () => {
    const { io, stdout } = cli({ 'op.csv': csvText([templateRow({ SCN: 'CSVH300001' })]) }, '');
    expect(await run(io, ['csv', 'import', 'op.csv', '--unassociated'])).toBe(0);
    expect(stdout()).toContain('1 shipment imported into the unassociated shipments');
  });

  it('partial imports the valid shipments (exit 1) into the unassociated list', async () => {
    const file = csvText([
      templateRow({ SCN: 'CSVH200001' }),
      templateRow({ SCN: 'CSVH200002', Weight: 'heavy' }),
    ]);
    const { io, stdout } = cli({ 'p.csv': file });
    expect(await run(io, ['csv', 'import', 'p.csv', '--unassociated', '--partial'])).toBe(1);
    expect(stdout()).toContain('1 shipment imported into the unassociated shipments');
    expect(stdout()).toContain('1 shipment NOT imported (1 row)');
  });

  it('partial: says how many rows were left out when they made no shipment', async () => {
    const file = csvText([
      templateRow({ SCN: 'CSVH210001' }),
      templateRow({ SCN: 'CSVHAUTOFILL', 'Consignee Name': 'Other' }),
    ]);
    const { io, stdout } = cli({ 'm.csv': file });
    expect(await run(io, ['csv', 'import', 'm.csv', '--unassociated', '--partial'])).toBe(1);
    expect(stdout()).toContain('1 shipment imported into the unassociated shipments');
    expect(stdout()).toContain('0 unchanged, 1 row NOT imported');
  });

  it('refuses a viewer (exit 1); exits 2 for an unknown trip, another company, a missing file and a bad command line', async () => {
    const viewer = cli({ 'ship.csv': good() }, viewerToken);
    expect(await run(viewer.io, ['csv', 'import', 'ship.csv', '--unassociated'])).toBe(1);
    expect(viewer.stderr()).toContain('dispatcher');
    const elsewhere = cli({ 'ship.csv': good() });
    expect(
      await run(elsewhere.io, ['csv', 'import', 'ship.csv', '--unassociated', '--company', 'ZZZZ']),
    ).toBe(2);
    expect(elsewhere.stderr()).toContain('belongs to another company than --company ZZZZ');
    const unknown = cli({ 'ship.csv': good() });
    expect(await run(unknown.io, ['csv', 'import', 'ship.csv', '--trip', 'NOPE1'])).toBe(2);
    expect(unknown.stderr()).toContain('no trip NOPE1');
    const missing = cli({});
    expect(await run(missing.io, ['csv', 'import', 'gone.csv', '--unassociated'])).toBe(2);
    const both = cli({ 'ship.csv': good() });
    expect(await run(both.io, ['csv', 'import', 'ship.csv'])).toBe(2);
    expect(both.stderr()).toContain('--trip TRIPNUMBER or --unassociated');
  });

  it('checks --failed-rows and -o before anything is imported or read: exit 2, one line, nothing stored', async () => {
    const mixed = csvText([
      templateRow({ SCN: 'CSVH610001' }),
      templateRow({ SCN: 'CSVH610002', Quantity: 'twelve' }),
    ]);
    const importing = cli({ 'mixed.csv': mixed });
    const args = ['csv', 'import', 'mixed.csv', '--unassociated', '--partial'];
    expect(await run(importing.io, [...args, '--failed-rows', '/nonexistent/f.csv'])).toBe(2);
    expect(importing.stderr()).toBe(
      'emanifest csv: --failed-rows /nonexistent/f.csv cannot be written (ENOENT).\n',
    );
    expect(importing.stdout()).toBe('');
    const exported = cli({}, viewerToken);
    expect(await run(exported.io, ['csv', 'export', '--unassociated'])).toBe(0);
    expect(exported.stdout()).not.toContain('CSVH610001');

    // On the real file system: a missing folder, or a folder where the file should be.
    const { checkWritable, writeFile } = processIo;
    for (const [output, code] of [
      [join(dir, 'no-such-folder', 'x.csv'), 'ENOENT'],
      [dir, 'EISDIR'],
    ] as const) {
      const exporting = cli({}, viewerToken);
      const io = { ...exporting.io, checkWritable, writeFile };
      expect(await run(io, ['csv', 'export', '--unassociated', '-o', output])).toBe(2);
      expect(exporting.stderr()).toBe(`emanifest csv: ${output} cannot be written (${code}).\n`);
    }
  });

  it('says the shipments were stored when the failed rows cannot be written afterwards (exit 1, not 2)', async () => {
    const args = ['csv', 'import', 'mixed.csv', '--unassociated', '--partial'];
    // The path could be written when it was checked; the disk filled up during the import.
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    for (const [format, scn] of [
      ['text', 'CSVH620001'],
      ['json', 'CSVH620011'],
    ] as const) {
      const mixed = csvText([
        templateRow({ SCN: scn }),
        templateRow({ SCN: 'CSVH620002', Quantity: 'twelve' }),
      ]);
      const importing = cli({ 'mixed.csv': mixed });
      const io = { ...importing.io, writeFile: () => Promise.reject(full) };
      const code = await run(io, [...args, '--failed-rows', 'f.csv', '--format', format]);
      expect(code, importing.stderr()).toBe(1);
      expect(importing.stderr()).toContain(
        'emanifest csv: 1 shipment stored, but the failed rows could not be written to f.csv (ENOSPC); the report lists them by row number.\n',
      );
      expect(importing.stderr()).not.toMatch(/nothing (was )?stored/i);
      if (format === 'text') {
        expect(importing.stdout()).toContain('1 shipment imported into the unassociated shipments');
        expect(importing.stdout()).toContain(
          'The failed rows could NOT be written to f.csv (ENOSPC).',
        );
        expect(importing.stdout()).not.toContain('The failed rows are in f.csv');
      } else {
        expect(JSON.parse(importing.stdout())).toMatchObject({ created: 1, failedRows: [3] });
      }
    }
    const exported = cli({}, viewerToken);
    expect(await run(exported.io, ['csv', 'export', '--unassociated'])).toBe(0);
    expect(exported.stdout()).toContain('CSVH620001');
    expect(exported.stdout()).toContain('CSVH620011');
  });

  it('says the database is busy, without the usage text, while another process holds it (exit 2)', async () => {
    // Another writer (an import in the running service) holds SQLite's one write lock past
    // the store's wait.
    const other = openSqliteFile(sqlitePath);
    other.prepare('begin immediate').run();
    try {
      const { io, stderr } = cli({ 'wait.csv': csvText([templateRow({ SCN: 'CSVH700001' })]) });
      // The operator's wait (SQLITE_BUSY_WAIT) instead of the 8 s default.
      const env = { ...io.env, SQLITE_BUSY_WAIT: '1' };
      expect(await run({ ...io, env }, ['csv', 'import', 'wait.csv', '--unassociated'])).toBe(2);
      // The token's look-up is a read, served beside the lock: the import meets it, after its
      // progress line.
      expect(stderr().split('\n').slice(-2)).toEqual([
        'emanifest csv: The database is busy: another process (an import or a backup?) holds its write lock. Try again in a moment. Nothing was changed.',
        '',
      ]);
      expect(stderr()).not.toContain('unexpected failure');
      expect(stderr()).not.toContain('Usage');
    } finally {
      other.prepare('rollback').run();
      other.close();
    }
  });

  it('Ctrl-C after stored batches rolls the import back: exit 130, nothing stored, no SCN drawn', async () => {
    const file = csvText(
      Array.from({ length: 450 }, (_, n) =>
        templateRow({ SCN: 'CSVHAUTOFILL', 'Order Reference': `PO-${n}` }),
      ),
    );
    const memory = cli({ 'big.csv': file });
    let cancel: (() => void) | undefined;
    let listening = false;
    const io = {
      ...memory.io,
      // Ctrl-C once the first shipments are stored inside the transaction.
      stderr: (text: string) => {
        memory.io.stderr(text);
        if (/storing [1-9]/.test(text)) cancel?.();
      },
      onInterrupt: (handler: () => void) => {
        cancel = handler;
        listening = true;
        return () => {
          listening = false;
        };
      },
    };
    expect(await run(io, ['csv', 'import', 'big.csv', '--unassociated'])).toBe(130);
    expect(memory.stderr()).toMatch(/storing [1-9]/);
    expect(memory.stderr()).toContain('Cancelled; nothing was stored.');
    expect(memory.stdout()).toBe('');
    expect(listening).toBe(false);
    const before = cli({}, viewerToken);
    expect(await run(before.io, ['csv', 'export', '--unassociated'])).toBe(0);
    expect(before.stdout()).not.toContain('CSVH0000000001');

    const again = cli({ 'big.csv': file });
    expect(
      await run(again.io, ['csv', 'import', 'big.csv', '--unassociated', '--format', 'json']),
    ).toBe(0);
    expect(JSON.parse(again.stdout())).toMatchObject({ created: 450 });
    const after = cli({}, viewerToken);
    expect(await run(after.io, ['csv', 'export', '--unassociated'])).toBe(0);
    // The cancelled import drew nothing: the sequence starts at 1 and ends at 450.
    expect(after.stdout()).toContain('CSVH0000000001');
    expect(after.stdout()).toContain('CSVH0000000450');
    expect(after.stdout()).not.toContain('CSVH0000000451');
  });
});
