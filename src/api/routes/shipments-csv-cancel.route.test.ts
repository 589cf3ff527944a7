/**
 * Cancelling a CSV upload: the client closes the request (a browser's AbortController, a
 * dropped connection) while the file is sent or while it is imported. Over a real socket, since
 * inject() cannot go away mid-request.
 */
import { request as httpRequest } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import {
  anApiToken,
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { importFootprint } from '../../../test/storage-harness.js';
import { csvText, templateRow } from '../../csv/test-csv.js';

interface LogLine {
  level: number;
  msg?: string;
  err?: { stack?: string };
}

interface Progress {
  type: string;
  phase?: string;
  stored?: number;
}

let harness: Harness;
let dispatcher: Extract<Credentials, { kind: 'token' }>;
let companyId: string;
let origin: string;
const logs: LogLine[] = [];

withSignedInHarness(
  'CSVC',
  async (signedIn) => {
    ({ harness, companyId } = signedIn);
    dispatcher = await anApiToken(harness, signedIn.admin, 'dispatcher');
    origin = await harness.app.listen({ port: 0, host: '127.0.0.1' });
  },
  {
    api: {
      logger: {
        level: 'info',
        stream: {
          write: (line: string) => {
            logs.push(JSON.parse(line) as LogLine);
          },
        },
      },
    },
  },
);

/** 20,000 rows: 10,000 AUTOFILL shipments of two commodities each, like the bench's file. */
const file = Buffer.from(
  csvText(
    Array.from({ length: 20_000 }, (_, n) =>
      templateRow({
        SCN: 'CSVCAUTOFILL',
        'Consignee Name': `Consignee ${Math.floor(n / 2)}`,
        'Order Reference': `PO-${Math.floor(n / 2)}`,
        Description: `Parcel ${n}, assorted goods`,
      }),
    ),
  ),
);

const cancelled = (): number =>
  logs.filter((line) => line.msg === 'CSV upload cancelled by the client; nothing was stored')
    .length;

/**
 * Sends the file and closes the connection once `stop` says so: from the progress lines read
 * so far (NDJSON), or when half the body is written (the plain JSON answer has no progress).
 */
function abortedUpload(
  path: string,
  stop: ((lines: Progress[]) => boolean) | 'half-sent',
): Promise<Progress[]> {
  return new Promise((resolve, reject) => {
    const ndjson = stop !== 'half-sent';
    const request = httpRequest(`${origin}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${dispatcher.token}`,
        'content-type': 'text/csv',
        'content-length': String(file.length),
        ...(ndjson ? { accept: 'application/x-ndjson' } : {}),
      },
    });
    let aborted = false;
    request.on('error', (error) => {
      if (!aborted) reject(error);
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const lines = text
          .split('\n')
          .slice(0, -1)
          .map((line) => JSON.parse(line) as Progress);
        if (aborted || !ndjson || !stop(lines)) return;
        aborted = true;
        request.destroy();
        resolve(lines);
      });
      response.on('error', () => undefined);
      response.on('end', () => {
        if (!aborted) reject(new Error(`the upload ended before it was cancelled: ${text}`));
      });
    });
    if (ndjson) {
      request.end(file);
      return;
    }
    request.write(file.subarray(0, file.length / 2), () => {
      aborted = true;
      request.destroy();
      resolve([]);
    });
  });
}

function storedState() {
  return importFootprint(harness.db, companyId);
}

describe('cancelling a CSV upload', () => {
  it('stores nothing when the client goes away while sending, while checking or after batches were stored; the same file then imports', async () => {
    const before = await storedState();
    const cases: [string, ((lines: Progress[]) => boolean) | 'half-sent'][] = [
      ['/api/v1/shipments/csv', (lines) => lines.length > 0],
      ['/api/v1/shipments/csv?mode=partial', (lines) => lines.length > 0],
      [
        '/api/v1/shipments/csv?mode=partial',
        (lines) => lines.some((line) => line.phase === 'storing' && (line.stored ?? 0) > 0),
      ],
      [
        '/api/v1/shipments/csv',
        (lines) => lines.some((line) => line.phase === 'storing' && (line.stored ?? 0) > 0),
      ],
      ['/api/v1/shipments/csv', 'half-sent'],
    ];
    for (const [n, [path, stop]] of cases.entries()) {
      const seen = await abortedUpload(path, stop);
      if (stop !== 'half-sent') expect(seen.at(-1)?.type).toBe('progress');
      // The server notices at its next chunk or batch, rolls back and logs the cancel.
      await vi.waitFor(
        () => {
          expect(cancelled()).toBe(n + 1);
        },
        { timeout: 50_000, interval: 50 },
      );
      expect(await storedState(), path).toEqual(before);
    }
    // Info lines only: no warning, no error with a stack.
    expect(logs.filter((line) => line.level > 30)).toEqual([]);

    const response = await call(harness, dispatcher, 'POST', '/api/v1/shipments/csv', {
      body: file.toString('utf8'),
      headers: { 'content-type': 'text/csv' },
    });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'imported', created: 10_000 });
    const after = await storedState();
    expect(after).toMatchObject({ shipments: 10_000, nextScn: before.nextScn + 10_000 });
  });
});

describe('a CSV upload too large', () => {
  it('sent in chunks without a length: 413 once past 128 MiB, not a reset, and nothing stored', async () => {
    const before = await storedState();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${origin}/api/v1/shipments/csv`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${dispatcher.token}`,
          'content-type': 'text/csv',
          'transfer-encoding': 'chunked',
        },
      });
      request.on('error', reject);
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
        });
        response.on('error', reject);
      });
      // 130 MiB of rows, written as the socket takes them; the answer may come before the end.
      const piece = Buffer.alloc(1 << 20, 'CSVC1,x\n');
      let sent = 0;
      const send = (): void => {
        while (sent < 130) {
          sent += 1;
          if (!request.write(piece)) {
            request.once('drain', send);
            return;
          }
        }
        request.end();
      };
      request.write('SCN,Description\n');
      send();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await storedState()).toEqual(before);
  });
});
