import { describe, expect, it } from 'vitest';
import { csvRecords, CsvRefusal } from './csv-records.js';
import { csvRecordsInWorker } from './csv-records-worker.js';
import { chunked, utf8 } from './test-csv.js';

type Reader = 'Node' | 'worker';

async function records(text: string, size: number, reader: Reader): Promise<string[][]> {
  return recordsOf(chunked(utf8(text), size), reader);
}

async function recordsOf(chunks: Iterable<Uint8Array>, reader: Reader): Promise<string[][]> {
  const source = reader === 'worker' ? csvRecordsInWorker(chunks) : csvRecords(chunks);
  const all: string[][] = [];
  for await (const record of source.records) all.push(record);
  return all;
}

// A large upload is parsed in a worker thread: it must read the same records as this thread.
describe.each<[Reader]>([['Node'], ['worker']])('csvRecords: %s', (reader) => {
  const text = 'SCN,Description\r\nA1,"Oats, ""rolled""\nbags"\nA2,Rye\r\n\n';

  it.each([1, 4, 1000])(
    'reads mixed line ends and quoted fields in %i-byte chunks',
    async (size) => {
      expect(await records(text, size, reader)).toEqual([
        ['SCN', 'Description'],
        ['A1', 'Oats, "rolled"\nbags'],
        ['A2', 'Rye'],
        [''],
      ]);
    },
  );

  it('reads an empty file as no records', async () => {
    expect(await records('', 10, reader)).toEqual([]);
  });

  it('refuses a quote never closed, at the row where it opens', async () => {
    const refused = records('a,b\nx,1\n"x,1\ny,2\n', 3, reader);
    await expect(refused).rejects.toBeInstanceOf(CsvRefusal);
    await expect(refused).rejects.toThrow(/the quoted field that starts on row 3 is never closed/);
  });

  it.each([1, 5, 1000])(
    'refuses more after a closing quote, at its row, in %i-byte chunks',
    async (size) => {
      await expect(records('a,b\nx,"1"2\ny,3\n', size, reader)).rejects.toThrow(
        /a quoted field on row 2 has more after its closing quote/,
      );
    },
  );

  it.each([1, 3, 1000])(
    'reads a quote inside an unquoted field as part of it, in %i-byte chunks',
    async (size) => {
      // Inches, as a description is often typed: spreadsheet programs read the quote as text.
      expect(await records('SCN,Description\nA1,12" pipe\n', size, reader)).toEqual([
        ['SCN', 'Description'],
        ['A1', '12" pipe'],
      ]);
    },
  );

  it.each([1, 2, 7, 1000])(
    'reads CR line ends, a CRLF split between chunks and a last row without a line end, in %i-byte chunks',
    async (size) => {
      expect(await records('a,b\r1,"x\r\ny"\r\n2,z', size, reader)).toEqual([
        ['a', 'b'],
        ['1', 'x\ny'],
        ['2', 'z'],
      ]);
    },
  );
});

describe.each<[Reader]>([['Node'], ['worker']])('a quote never closed: %s', (reader) => {
  it('refuses the file once a row passes 1 MiB, without reading the rest', async () => {
    // 32 MiB after an opening quote that is never closed: without a limit the parser would
    // hold all of it as one field (a 100 MB upload took 1.4 GB) and refuse only at the end.
    let given = 0;
    function* chunks(): Generator<Uint8Array> {
      given += 1;
      yield utf8('SCN,Description\nA1,"Oats\n');
      const line = utf8(`${'x'.repeat(1023)}\n`);
      const piece = new Uint8Array(line.length * 64);
      for (let at = 0; at < piece.length; at += line.length) piece.set(line, at);
      for (let n = 0; n < 512; n += 1) {
        given += 1;
        yield piece.slice();
      }
    }
    await expect(recordsOf(chunks(), reader)).rejects.toThrow(
      /row 2 is longer than 1 MiB, so a quoted field in it is probably never closed/,
    );
    // 1 MiB is 16 pieces of 64 KiB; the worker has a few more in flight.
    expect(given).toBeLessThan(32);
  });
});

describe.each<[Reader]>([['Node'], ['worker']])(
  'a byte that is not UTF-8 after letters that were: %s',
  (reader) => {
    const source = (chunks: Uint8Array[]) =>
      reader === 'worker' ? csvRecordsInWorker(chunks) : csvRecords(chunks);
    async function read(chunks: Uint8Array[]) {
      const records = source(chunks);
      const all: string[][] = [];
      for await (const record of records.records) all.push(record);
      return { all, encoding: records.encoding() };
    }
    // Pieces of 64 KiB and more reach the parser thread: the stray byte comes in a later one.
    const utf8Rows = utf8(
      ['SCN,Description', ...Array.from({ length: 3_000 }, (_, n) => `S${n},Crème brûlée`)].join(
        '\n',
      ) + '\n',
    );
    const asciiRows = utf8(
      ['SCN,Description', ...Array.from({ length: 3_000 }, (_, n) => `S${n},Rolled oats`)].join(
        '\n',
      ) + '\n',
    );
    const stray = Uint8Array.of(0x53, 0x2c, 0x43, 0x61, 0x66, 0xe9, 0x0a); // "S,Caf\xe9\n"

    it('is said as a file read in two encodings once UTF-8 letters came before it', async () => {
      expect((await read([utf8Rows, stray])).encoding).toBe('utf-8-then-windows-1252');
    });

    it('is Windows-1252 when all before it was ASCII (the same in either encoding)', async () => {
      const { all, encoding } = await read([asciiRows, stray]);
      expect(encoding).toBe('windows-1252');
      expect(all.at(-1)).toEqual(['S', 'Café']);
    });
  },
);

describe.each<[Reader]>([['Node'], ['worker']])('the switch to Windows-1252: %s', (reader) => {
  it('reads the bytes held back as an unfinished UTF-8 sequence in the same encoding', async () => {
    // The second chunk is not UTF-8, and ends in 0xE9, which would begin a 3-byte sequence:
    // held back for the next chunk, it is still read, as é, when the switch comes.
    const chunks = [
      utf8('SCN,Description\nA1,Caf'),
      Uint8Array.of(0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0xe9),
      utf8('\n'),
    ];
    expect(await recordsOf(chunks, reader)).toEqual([
      ['SCN', 'Description'],
      ['A1', 'Café crèmeé'],
    ]);
  });

  it('reads bytes 0x80–0x9F as Windows-1252 has them (smart quotes, dashes, €), not as C1 controls', async () => {
    // "S1,“Maple” syrup – 5€ ’n" as a spreadsheet on Windows exports it.
    const chunks = [
      utf8('SCN,Description\nS1,'),
      Uint8Array.of(0x93, 0x4d, 0x61, 0x70, 0x6c, 0x65, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80, 0x92),
      utf8('\n'),
    ];
    expect(await recordsOf(chunks, reader)).toEqual([
      ['SCN', 'Description'],
      ['S1', '\u201cMaple\u201d \u2013 5\u20ac\u2019'],
    ]);
  });
});

// Concurrent: each read starts a thread, which loads TypeScript through tsx (about half a second).
// Line ends, quoting, an empty file and a quote never closed: csvRecords' cases above, in both.
describe.concurrent('csvRecordsInWorker', () => {
  it('reads the same records as in this thread, in order, across many chunks in flight', async () => {
    // About 400 KB: seven messages of 64 KiB, four of them in flight at once.
    const rows = Array.from({ length: 12_000 }, (_, n) => `S${n},"line ${n}\nsecond, part"`);
    const text = ['SCN,Description', ...rows].join('\r\n');
    const inThread = await records(text, 997, 'Node');
    expect(inThread).toHaveLength(12_001);
    expect(await records(text, 997, 'worker')).toEqual(inThread);
  });

  it('drops a byte-order mark and switches to Windows-1252 at the first byte that is not UTF-8', async () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
    const head = utf8('SCN,Description\nA1,Caf');
    // 0xE9 is é in Windows-1252 and no UTF-8 sequence.
    const tail = Uint8Array.of(0xe9, 0x0a);
    const source = csvRecordsInWorker([bom, head, tail]);
    const all: string[][] = [];
    for await (const record of source.records) all.push(record);
    expect(all).toEqual([
      ['SCN', 'Description'],
      ['A1', 'Café'],
    ]);
    expect(source.encoding()).toBe('windows-1252');
  });

  it('reads characters of several bytes split between the pieces it is sent', async () => {
    // About 600 KB in 997-byte chunks: the 64 KiB pieces end inside characters.
    const rows = Array.from({ length: 12_000 }, (_, n) => `S${n},Crème brûlée ✓ 𝄞 ${n}`);
    const text = ['SCN,Description', ...rows].join('\n');
    const inThread = await records(text, 997, 'Node');
    expect(inThread[12_000]).toEqual(['S11999', 'Crème brûlée ✓ 𝄞 11999']);
    expect(await records(text, 997, 'worker')).toEqual(inThread);
  });

  it('refuses a binary file (a NUL byte)', async () => {
    await expect(
      recordsOf([utf8('a,b\n'), Uint8Array.of(0x50, 0x4b, 0x00)], 'worker'),
    ).rejects.toThrow(/NUL bytes/);
  });

  it('stops its thread when the reader stops early', async () => {
    const text = ['SCN', ...Array.from({ length: 500 }, (_, n) => `S${n}`)].join('\n');
    const source = csvRecordsInWorker(chunked(utf8(text), 16));
    let seen = 0;
    for await (const record of source.records) {
      expect(record).toHaveLength(1);
      seen += 1;
      if (seen === 3) break;
    }
    expect(seen).toBe(3);
  });
});
