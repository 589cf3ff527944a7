/**
 * Answers compressed when the client asks for it (`Accept-Encoding`, RFC 9110 §12.5.3): Brotli
 * (RFC 7932) first, gzip (RFC 1952) else, nothing for a client that asks for neither. JSON and
 * CSV shrink about tenfold: a 100,000-shipment trip's filing status was 11.9 MB on the wire
 * and its export 123 MB, which a dispatcher's office line or a driver's phone pays in full
 * (ADR 0025). The web app's own files are compressed once, at build time (vite.config.ts), and
 * sent as they are (web-app.ts).
 *
 * - Answers below 1 KiB, and types that are compressed already (PDF, PNG), go as they are
 *   (@fastify/compress decides by content type, from mime-db).
 * - Answers that carry a secret (a session's CSRF token, a new API token, a webhook's signing
 *   secret, an invitation, a driver's link) are never compressed: a compressed secret beside
 *   text an attacker chooses leaks through the answer's length (BREACH; RFC 7457 §2.6).
 *   Those routes say so with `SECRET_IN_ANSWER`.
 * - Request bodies are taken as they are: one sent with a `Content-Encoding` is refused with
 *   415 (RFC 9110 §15.5.16) rather than inflated (a small compressed upload can unpack to
 *   gigabytes) or read as if it were plain (a gzip body was refused as "not UTF-8", and a
 *   plain one labelled gzip was taken).
 * - The upload's progress lines (`application/x-ndjson`) are written to the socket as they
 *   come, past this hook, so a proxy or a compressor never holds them back.
 */
import fastifyCompress from '@fastify/compress';
import { HttpProblem } from './problem.js';
import type { Api } from './types.js';

/** The smallest answer worth compressing: below it the headers weigh as much as the savings. */
export const COMPRESS_FROM_BYTES = 1024;

export async function registerCompression(app: Api): Promise<void> {
  await app.register(fastifyCompress, {
    // zstd (Node 22.15+) is left out so that every supported Node answers the same.
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_FROM_BYTES,
    globalDecompression: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    const coding = request.headers['content-encoding']?.trim().toLowerCase() ?? '';
    if (coding === '' || coding === 'identity' || !hasBody(request.headers)) return;
    void reply.header('accept-encoding', 'identity');
    throw new HttpProblem(
      'UNSUPPORTED_MEDIA_TYPE',
      `The body is sent with Content-Encoding: ${coding}; send it as it is, without Content-Encoding.`,
    );
  });
}

function hasBody(headers: { 'content-length'?: string; 'transfer-encoding'?: string }): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'].trim() !== '0')
  );
}

/** Route options of an answer that carries a secret: never compressed (see above). */
export const SECRET_IN_ANSWER = { compress: false } as const;
