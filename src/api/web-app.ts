/**
 * Serves the built web app (dist/web, made by `npm run build`) from the API's own process:
 * one port, one origin, so the session cookie and CSRF token need no CORS. Paths the app
 * routes in the browser (`/`, `/sign-in`, …) get index.html; API paths never do, so an
 * unknown API route stays a problem+json 404.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from './types.js';

/** dist/web of this package, from src/ (tests) and from dist/ (production) alike. */
export function builtWebRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  const root = join(dir, 'dist', 'web');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

export async function registerWebApp(app: Api, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // Files are listed once at start-up: a request never touches the disk for a missing file.
    wildcard: false,
    // The build wrote a Brotli and a gzip copy of each file (scripts/precompress.ts): the one
    // the browser accepts is sent as it is, with `vary: accept-encoding`.
    preCompressed: true,
    setHeaders: (reply, path) => {
      // Vite names assets by content hash, so they never change; index.html must be revalidated
      // or a browser would keep asking for the assets of an old build.
      reply.header(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

const API_PATH = /^\/(api|healthz|readyz)(\/|$)/;

/** A browser navigation to a path of the single-page app (not an API call, not a file). */
export function isAppPath(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  const last = path.split('/').pop() ?? '';
  return !API_PATH.test(path) && !last.includes('.');
}

export function sendApp(reply: FastifyReply): FastifyReply {
  return reply.sendFile('index.html');
}
