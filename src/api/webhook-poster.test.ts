/**
 * Webhooks never reach private networks unless the operator allows it: the poster refuses a
 * loopback address written in the URL and a name that resolves to one, before any byte is sent
 * (server-side request forgery), and posts to them when allowed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookUnreachable } from '../app/index.js';
import { httpWebhookPoster } from './webhook-poster.js';

let receiver: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    hits += 1;
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) =>
    receiver.close(() => {
      resolve();
    }),
  );
});

const aRequest = (url: string) => ({ url, body: '{"event":"test"}', headers: {} });

describe('httpWebhookPoster', () => {
  it('refuses a private address written in the URL, and sends nothing', async () => {
    const before = hits;
    const refused = httpWebhookPoster().post(aRequest(`http://127.0.0.1:${String(port)}/hook`));
    await expect(refused).rejects.toThrow(WebhookUnreachable);
    await expect(refused).rejects.toThrow(/127\.0\.0\.1 is in a private network/);
    expect(hits).toBe(before);
  });

  it('refuses a name that resolves to a private address, and sends nothing', async () => {
    const before = hits;
    const refused = httpWebhookPoster().post(aRequest(`http://localhost:${String(port)}/hook`));
    await expect(refused).rejects.toThrow(/is in a private network/);
    expect(hits).toBe(before);
  });

  it('posts there when the operator allows private networks', async () => {
    const before = hits;
    const poster = httpWebhookPoster({ privateNetworks: 'allow' });
    expect(await poster.post(aRequest(`http://localhost:${String(port)}/hook`))).toEqual({
      status: 204,
    });
    expect(hits).toBe(before + 1);
  });
});
