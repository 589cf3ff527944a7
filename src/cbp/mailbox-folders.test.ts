import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aTrip, FIXED_NOW } from '../../test/builders.js';
import { defaultEdiProfile, sequentialControlNumbers, writeFiling } from '../edi/index.js';
import { mailboxFolderTransport } from './mailbox-folders.js';

describe('the EDI mailbox folders transport', () => {
  const [first] = writeFiling(aTrip(), {
    profile: defaultEdiProfile(),
    controlNumbers: sequentialControlNumbers(),
    now: FIXED_NOW,
  }).interchanges;
  const text = first?.text ?? '';

  it('puts each interchange whole under its sender and ISA13, and knows a resend even after the bridge took the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailbox-'));
    const folders = { outbound: join(dir, 'out'), inbound: join(dir, 'in') };
    const transport = mailboxFolderTransport(folders);
    expect(await transport.send(text)).toEqual({ kind: 'delivered' });
    expect(readdirSync(folders.outbound).filter((n) => !n.startsWith('.'))).toEqual([
      'EMANIFEST-000000001.x12',
    ]);
    expect(readFileSync(join(folders.outbound, 'EMANIFEST-000000001.x12'), 'utf8')).toBe(text);
    expect(await transport.send(text)).toEqual({ kind: 'duplicate' });
    // The bridge carried the file away; a resend is still recognised.
    rmSync(join(folders.outbound, 'EMANIFEST-000000001.x12'));
    expect(await transport.send(text)).toEqual({ kind: 'duplicate' });
    expect(readdirSync(folders.outbound).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(await transport.send('not x12')).toMatchObject({ kind: 'refused' });
  });

  it('reads the inbound files in name order and moves them to processed/ once stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailbox-'));
    const folders = { outbound: join(dir, 'out'), inbound: join(dir, 'in') };
    const transport = mailboxFolderTransport(folders);
    expect((await transport.receive(undefined)).messages).toEqual([]);
    writeFileSync(join(folders.inbound, 'b.x12'), 'second');
    writeFileSync(join(folders.inbound, 'a.x12'), 'first');
    writeFileSync(join(folders.inbound, '.c.x12.tmp'), 'being written');
    const batch = await transport.receive(undefined);
    expect(batch.messages).toEqual([
      { ref: 'a.x12', text: 'first' },
      { ref: 'b.x12', text: 'second' },
    ]);
    await transport.settle(batch);
    expect(existsSync(join(folders.inbound, 'processed', 'a.x12'))).toBe(true);
    expect((await transport.receive(undefined)).messages).toEqual([]);
  });

  it('hands over a file too large or not UTF-8 with its problem, unread, and the files after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailbox-'));
    const folders = { outbound: join(dir, 'out'), inbound: join(dir, 'in'), maxFileBytes: 64 };
    const transport = mailboxFolderTransport(folders);
    await transport.receive(undefined);
    writeFileSync(join(folders.inbound, 'a-huge.x12'), 'X'.repeat(65));
    writeFileSync(join(folders.inbound, 'b-latin1.x12'), Buffer.from([0x49, 0x53, 0x41, 0xe9]));
    writeFileSync(join(folders.inbound, 'c-fine.x12'), 'fine');
    const batch = await transport.receive(undefined);
    expect(batch.messages).toEqual([
      {
        ref: 'a-huge.x12',
        text: '',
        problem: 'larger than 64 bytes, more than any answer of CBP: not read',
      },
      {
        ref: 'b-latin1.x12',
        text: 'ISA\uFFFD',
        problem: 'not UTF-8 text (binary, or another encoding): kept with U+FFFD for what is not',
      },
      { ref: 'c-fine.x12', text: 'fine' },
    ]);
    await transport.settle(batch);
    expect(readdirSync(join(folders.inbound, 'processed')).sort()).toEqual([
      'a-huge.x12',
      'b-latin1.x12',
      'c-fine.x12',
    ]);
  });

  it('keeps both files when an answer comes again under a name already processed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailbox-'));
    const folders = { outbound: join(dir, 'out'), inbound: join(dir, 'in') };
    const transport = mailboxFolderTransport(folders);
    for (const text of ['first', 'second', 'third']) {
      await transport.receive(undefined);
      writeFileSync(join(folders.inbound, 'answer.x12'), text);
      await transport.settle(await transport.receive(undefined));
    }
    const processed = join(folders.inbound, 'processed');
    expect(
      readdirSync(processed)
        .sort()
        .map((name) => readFileSync(join(processed, name), 'utf8')),
    ).toEqual(['first', 'second', 'third']);
  });

  it('reports a folder it cannot write as unavailable, to be retried', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailbox-'));
    // A file where the folder should be: nothing can be written under it.
    writeFileSync(join(dir, 'out'), '');
    const transport = mailboxFolderTransport({
      outbound: join(dir, 'out'),
      inbound: join(dir, 'in'),
    });
    await expect(transport.send(text)).rejects.toMatchObject({ name: 'TransportUnavailable' });
  });

  // Node 20's recursive mkdir never returned (spinning at full CPU) under a folder that takes no
  // new entries: each poll of the filing loop would have left one more such call behind.
  it.skipIf(!existsSync('/proc/self'))(
    'reports folders that cannot be made (/proc/nope) as unavailable, not waiting forever',
    async () => {
      const transport = mailboxFolderTransport({
        outbound: '/proc/nope/out',
        inbound: '/proc/nope/in',
      });
      await expect(transport.send(text)).rejects.toMatchObject({ name: 'TransportUnavailable' });
      await expect(transport.receive(undefined)).rejects.toMatchObject({
        name: 'TransportUnavailable',
      });
    },
  );
});
