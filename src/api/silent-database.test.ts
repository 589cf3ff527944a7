/**
 * PostgreSQL behind a proxy that accepts connections but never replies. /readyz must
 * answer 503 promptly and API calls 503 (not 500, not a hang), with no port but loopback.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, randomIds } from '../app/index.js';
import { createSqlStore, openDatabase } from '../storage/index.js';
import { buildServer } from './server.js';
import type { Api } from './types.js';

let silent: Server;
const sockets: Socket[] = [];
let app: Api;
let destroy: () => Promise<void>;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket); // accept, read, never answer
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const db = openDatabase({ url: `postgres://nobody@127.0.0.1:${port}/none`, sqlitePath: '' });
  destroy = () => db.destroy();
  app = await buildServer({
    mode: 'test',
    logger: false,
    app: { store: createSqlStore(db), clock: systemClock, ids: randomIds },
    checkReady: async () => {
      await sql`select 1`.execute(db);
    },
  });
});

afterAll(async () => {
  await app.close();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await destroy().catch(() => undefined);
});

// Concurrent: each test only waits out the connect timeout (3 s) of its own request, and the
// pool (10 connections) has room for all three at once.
describe.concurrent('a database that never answers', () => {
  it('/readyz answers 503 problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json<{ code: string }>().code).toBe('UNAVAILABLE');
  });

  it('an API call answers 503, not 500', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/trips',
      headers: { authorization: 'Bearer emt_0000000000000000000000000000' },
    });
    expect(response.statusCode, response.body).toBe(503);
    expect(response.json<{ code: string }>().code).toBe('UNAVAILABLE');
  });

  it('a sign-in answers 503 too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'someone@example.com', password: 'secret secret' },
    });
    expect(response.statusCode, response.body).toBe(503);
  });
});
