/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside each file of the built web app that
 * compresses, so that the service sends the smaller one a browser accepts without compressing
 * anything per request (@fastify/static's `preCompressed`; src/api/web-app.ts). Run by Vite at
 * the end of `vite build` (vite.config.ts).
 *
 * Brotli at its best quality (11): the files are built once and downloaded on every first
 * visit; 11 made the initial scripts 7 % smaller than quality 9 (236 KB against 254 KB) for
 * about 3 s of the build's CPU, 2 s of its time on two cores (ADR 0025). Source maps are left
 * out: only a developer's tools fetch them, and the service compresses them on the way out
 * like any other answer.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text types a browser fetches from the build; images there are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.txt',
  '.webmanifest',
]);

/** Below this the headers weigh as much as the savings (the service's own threshold). */
const SMALLEST = 1024;

export interface Precompressed {
  /** The files given copies, relative to the root, in name order. */
  readonly files: readonly string[];
  readonly bytes: number;
  readonly brotliBytes: number;
  readonly gzipBytes: number;
}

/** Writes `name.br` and `name.gz` beside each compressible file under `root`. */
export async function precompress(root: string): Promise<Precompressed> {
  const all = await readdir(root, { recursive: true, withFileTypes: true });
  const chosen = all
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const written = await Promise.all(
    chosen.map(async (path) => {
      const bytes = await readFile(path);
      if (bytes.length < SMALLEST) return undefined;
      const [br, gz] = await Promise.all([
        brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
        gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
      return { path, bytes: bytes.length, br: br.length, gz: gz.length };
    }),
  );
  const done = written.filter((file) => file !== undefined);
  return {
    files: done.map((file) => file.path.slice(root.length + 1).replaceAll('\\', '/')),
    bytes: done.reduce((sum, file) => sum + file.bytes, 0),
    brotliBytes: done.reduce((sum, file) => sum + file.br, 0),
    gzipBytes: done.reduce((sum, file) => sum + file.gz, 0),
  };
}
