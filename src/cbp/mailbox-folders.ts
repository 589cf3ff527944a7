import { link, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitSegments } from '../edi/index.js';
import { makeFolders } from '../files/make-folders.js';
import {
  TransportUnavailable,
  type CbpTransport,
  type InboundBatch,
  type SendOutcome,
} from '../app/index.js';

/**
 * The EDI mailbox transport: one file per interchange in an outbound folder that a VAN or an
 * MQ bridge carries to CBP, and CBP's answers as files in an inbound folder (docs/edi.md,
 * README "Filing with CBP"). Files appear whole: each is written under a dot-name the bridge
 * ignores and renamed into place (atomic within a folder on POSIX). A file is named after its
 * sender and ISA13 (`SENDER-000000042.x12`), and a ledger (`outbound/.sent/`) remembers what
 * was handed over even after the bridge took the file: a resend is recognised as a duplicate.
 * Inbound files are moved to `inbound/processed/` once stored.
 */
export function mailboxFolderTransport(folders: {
  readonly outbound: string;
  readonly inbound: string;
}): CbpTransport {
  const ledger = join(folders.outbound, '.sent');
  const processed = join(folders.inbound, 'processed');
  const io = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new TransportUnavailable(
        `${what}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    name: `folders:${folders.inbound}`,
    async send(text): Promise<SendOutcome> {
      const isa = splitSegments(text).segments.find((s) => s.id === 'ISA');
      const sender = isa?.elements[5]?.trim() ?? '';
      const control = isa?.elements[12] ?? '';
      if (!/^[A-Za-z0-9]+$/.test(sender) || !/^\d{9}$/.test(control)) {
        return { kind: 'refused', reason: 'no readable ISA06 and ISA13 to name the file by' };
      }
      const name = `${sender}-${control}.x12`;
      return io(`cannot write to ${folders.outbound}`, async () => {
        makeFolders(ledger);
        const mark = join(ledger, name);
        const known = await readFile(mark, 'utf8').then(
          () => true,
          () => false,
        );
        if (known) return { kind: 'duplicate' };
        const temporary = join(folders.outbound, `.${name}.${process.pid}.tmp`);
        await writeFile(temporary, text);
        try {
          // link() refuses an existing name: the file already waiting is kept, never replaced.
          await link(temporary, join(folders.outbound, name));
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
          await unlink(temporary);
          await writeFile(mark, '');
          return { kind: 'duplicate' };
        }
        await unlink(temporary);
        await writeFile(mark, '');
        return { kind: 'delivered' };
      });
    },
    async receive(cursor): Promise<InboundBatch> {
      return io(`cannot read ${folders.inbound}`, async () => {
        makeFolders(folders.inbound);
        const names = (await readdir(folders.inbound, { withFileTypes: true }))
          .filter((e) => e.isFile() && !e.name.startsWith('.'))
          .map((e) => e.name)
          .sort();
        const messages = [];
        for (const name of names) {
          messages.push({ ref: name, text: await readFile(join(folders.inbound, name), 'utf8') });
        }
        // The last file's name: two instances that read the same files race on the cursor, and
        // only one stores them.
        return { messages, cursor: names.at(-1) ?? cursor };
      });
    },
    async settle(batch) {
      await io(`cannot move files in ${folders.inbound}`, async () => {
        makeFolders(processed);
        for (const message of batch.messages) {
          await rename(join(folders.inbound, message.ref), join(processed, message.ref));
        }
      });
    },
  };
}
