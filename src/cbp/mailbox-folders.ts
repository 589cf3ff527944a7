import { link, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitSegments } from '../edi/index.js';
import { makeFolders } from '../files/make-folders.js';
import { readInboundFile } from './inbound-file.js';
import {
  TransportUnavailable,
  type CbpTransport,
  type InboundBatch,
  type InboundMessage,
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
  /** The largest answer file read (MAX_INBOUND_FILE_BYTES); larger ones are kept unread. */
  readonly maxFileBytes?: number;
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
        const messages: InboundMessage[] = [];
        for (const name of names) {
          const path = join(folders.inbound, name);
          const message = await readInboundFile(path, name, folders.maxFileBytes);
          if (message !== undefined) messages.push(message);
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
          await moveAside(join(folders.inbound, message.ref), processed, message.ref);
        }
      });
    },
  };
}

/**
 * Moves a stored file into `folder` under its name, or `name.2`, `name.3` … when a file of that
 * name is there already (CBP or the bridge sent the same name twice): rename() would replace
 * the earlier file, and link() refuses an existing name. A file gone already is left alone.
 */
async function moveAside(path: string, folder: string, name: string): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      await link(path, join(folder, n === 1 ? name : `${name}.${String(n)}`));
      break;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'ENOENT') return;
      if (code !== 'EEXIST') throw error;
    }
  }
  await unlink(path);
}
