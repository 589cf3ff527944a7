import { describe, expect, it } from 'vitest';
import {
  aCompany,
  anApiToken,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';

let harness: Harness;
let admin: Credentials;
let dispatcher: Credentials;
let outsider: Credentials;

withSignedInHarness('HOOK', async (signedIn) => {
  ({ harness, admin } = signedIn);
  dispatcher = await anApiToken(harness, admin, 'dispatcher');
  outsider = await signIn(harness, (await aCompany(harness, 'OTHH')).email);
});

interface Problem {
  status: number;
  code: string;
  issues: { code: string; path: string; message: string }[];
}

describe('webhook routes', () => {
  it('creates an endpoint, shows its secret once, lists it with a hint, and deletes it', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: {
        url: 'https://receiver.example/hooks/emanifest',
        events: ['shipment.released', 'trip.rejected', 'shipment.released'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { webhook, secret } = created.json<{
      webhook: { id: string; events: string[]; active: boolean; secretHint: string };
      secret: string;
    }>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({ events: ['shipment.released', 'trip.rejected'], active: true });
    const listed = await call(harness, admin, 'GET', '/api/v1/webhooks');
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(secret);
    expect(listed.json<{ items: { id: string; secretHint: string }[] }>().items).toEqual([
      expect.objectContaining({ id: webhook.id, secretHint: `${secret.slice(0, 10)}…` }),
    ]);

    // Another company neither sees nor deletes it.
    const theirs = await call(harness, outsider, 'GET', '/api/v1/webhooks');
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    const stolen = await call(harness, outsider, 'DELETE', `/api/v1/webhooks/${webhook.id}`);
    expect(stolen.statusCode).toBe(404);

    const deleted = await call(harness, admin, 'DELETE', `/api/v1/webhooks/${webhook.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const again = await call(harness, admin, 'DELETE', `/api/v1/webhooks/${webhook.id}`);
    expect(again.statusCode).toBe(404);
    const after = await call(harness, admin, 'GET', '/api/v1/webhooks');
    expect(after.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses a bad URL and unknown events with located issues (422; 400 when mistyped), storing nothing', async () => {
    for (const url of [
      'not a url',
      'ftp://receiver.example/x',
      'https://user:pw@receiver.example/',
    ]) {
      const response = await call(harness, admin, 'POST', '/api/v1/webhooks', {
        body: { url, events: ['shipment.released'] },
      });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json<Problem>().issues).toEqual([
        expect.objectContaining({ code: 'WEBHOOK_URL_INVALID', path: '/url' }),
      ]);
    }
    // The operator's own networks (server-side request forgery): refused unless allowed.
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:22/',
      'http://127.0.0.1:3000/api/v1/trips',
      'http://localhost/hook',
      'https://10.1.2.3/hook',
    ]) {
      const response = await call(harness, admin, 'POST', '/api/v1/webhooks', {
        body: { url, events: ['shipment.released'] },
      });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json<Problem>().issues).toEqual([
        expect.objectContaining({ code: 'WEBHOOK_URL_PRIVATE', path: '/url' }),
      ]);
    }
    const events = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: 'https://receiver.example/x', events: ['shipment.released', 'trip.exploded'] },
    });
    expect(events.statusCode).toBe(422);
    expect(events.json<Problem>().issues).toEqual([
      expect.objectContaining({ code: 'WEBHOOK_EVENT_UNKNOWN', path: '/events/1' }),
    ]);
    const none = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: 'https://receiver.example/x', events: [] },
    });
    expect(none.json<Problem>().issues).toEqual([
      expect.objectContaining({ code: 'WEBHOOK_EVENTS_REQUIRED', path: '/events' }),
    ]);
    const wrongType = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: 42, events: 'shipment.released' },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(
      wrongType
        .json<Problem>()
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(['/events', '/url']);
    const listed = await call(harness, admin, 'GET', '/api/v1/webhooks');
    expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses more than 20 endpoints', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) {
      const response = await call(harness, admin, 'POST', '/api/v1/webhooks', {
        body: { url: `https://receiver.example/${n}`, events: ['trip.accepted'] },
      });
      expect(response.statusCode).toBe(201);
      ids.push(response.json<{ webhook: { id: string } }>().webhook.id);
    }
    const over = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: 'https://receiver.example/21', events: ['trip.accepted'] },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json<Problem>().issues[0]?.code).toBe('WEBHOOK_LIMIT_REACHED');
    for (const id of ids) await call(harness, admin, 'DELETE', `/api/v1/webhooks/${id}`);
  });

  it('changes the URL, events and active flag; refuses bad fields at their path; 404 for another company', async () => {
    const created = await call(harness, admin, 'POST', '/api/v1/webhooks', {
      body: { url: 'https://receiver.example/one', events: ['trip.accepted'] },
    });
    const id = created.json<{ webhook: { id: string } }>().webhook.id;
    const paused = await call(harness, admin, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { active: false },
    });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({
      id,
      url: 'https://receiver.example/one',
      events: ['trip.accepted'],
      active: false,
    });
    const moved = await call(harness, admin, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { url: 'https://receiver.example/two', events: ['shipment.released'] },
    });
    expect(moved.json()).toMatchObject({
      url: 'https://receiver.example/two',
      events: ['shipment.released'],
      active: false,
    });

    const bad = await call(harness, admin, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { url: 'ftp://receiver.example/x', events: ['trip.accepted', 'trip.cancelled'] },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json<Problem>().issues.map((i) => [i.code, i.path])).toEqual([
      ['WEBHOOK_URL_INVALID', '/url'],
      ['WEBHOOK_EVENT_UNKNOWN', '/events/1'],
    ]);
    const inside = await call(harness, admin, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { url: 'http://192.168.0.10/hook' },
    });
    expect(inside.statusCode, inside.body).toBe(422);
    expect(inside.json<Problem>().issues.map((i) => [i.code, i.path])).toEqual([
      ['WEBHOOK_URL_PRIVATE', '/url'],
    ]);
    const none = await call(harness, admin, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { events: [] },
    });
    expect(none.json<Problem>().issues).toEqual([
      expect.objectContaining({ code: 'WEBHOOK_EVENTS_REQUIRED', path: '/events' }),
    ]);
    const mistyped = await call(harness, admin, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { active: 'no', secret: 'whsec_mine' },
    });
    expect(mistyped.statusCode).toBe(400);

    const stolen = await call(harness, outsider, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { active: true },
    });
    expect(stolen.statusCode).toBe(404);
    const byDispatcher = await call(harness, dispatcher, 'PATCH', `/api/v1/webhooks/${id}`, {
      body: { active: true },
    });
    expect(byDispatcher.statusCode).toBe(403);
    const missing = await call(
      harness,
      admin,
      'PATCH',
      '/api/v1/webhooks/00000000-0000-4000-8000-000000000000',
      { body: { active: true } },
    );
    expect(missing.statusCode).toBe(404);
    const listed = await call(harness, admin, 'GET', '/api/v1/webhooks');
    expect(listed.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({
        id,
        url: 'https://receiver.example/two',
        events: ['shipment.released'],
        active: false,
      }),
    ]);
    await call(harness, admin, 'DELETE', `/api/v1/webhooks/${id}`);
  });

  it('is for admins: a dispatcher may neither list nor add endpoints', async () => {
    expect((await call(harness, dispatcher, 'GET', '/api/v1/webhooks')).statusCode).toBe(403);
    const added = await call(harness, dispatcher, 'POST', '/api/v1/webhooks', {
      body: { url: 'https://receiver.example/x', events: ['trip.accepted'] },
    });
    expect(added.statusCode).toBe(403);
    expect((await call(harness, dispatcher, 'GET', '/api/v1/alerts/deliveries')).statusCode).toBe(
      403,
    );
  });
});

describe('alert settings routes', () => {
  it('keeps checked, lower-cased addresses and says the service sends no e-mail', async () => {
    const initial = await call(harness, dispatcher, 'GET', '/api/v1/alerts/settings');
    expect(initial.json()).toEqual({
      dispatcherEmails: [],
      emailBrokers: false,
      emailDrivers: false,
      emailEnabled: false,
      updatedAt: null,
    });
    const changed = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: {
        dispatcherEmails: [' Night@HOOK.example ', 'night@hook.example', 'day@hook.example'],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      dispatcherEmails: ['night@hook.example', 'day@hook.example'],
      emailBrokers: false,
      emailEnabled: false,
    });
    const brokers = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: { emailBrokers: true },
    });
    expect(brokers.json()).toMatchObject({
      dispatcherEmails: ['night@hook.example', 'day@hook.example'],
      emailBrokers: true,
      emailDrivers: false,
    });
    const drivers = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: { emailDrivers: true },
    });
    expect(drivers.json()).toMatchObject({ emailBrokers: true, emailDrivers: true });
    const read = await call(harness, dispatcher, 'GET', '/api/v1/alerts/settings');
    expect(read.json()).toMatchObject({ emailBrokers: true, emailDrivers: true });
    const theirs = await call(harness, outsider, 'GET', '/api/v1/alerts/settings');
    expect(theirs.json()).toMatchObject({ dispatcherEmails: [], emailBrokers: false });
  });

  it('refuses a bad address at its index and too many addresses, changing nothing', async () => {
    const bad = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: { dispatcherEmails: ['ok@hook.example', 'not an address'] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problem>().issues).toEqual([
      expect.objectContaining({ code: 'ALERT_EMAIL_INVALID', path: '/dispatcherEmails/1' }),
    ]);
    const many = await call(harness, admin, 'PUT', '/api/v1/alerts/settings', {
      body: { dispatcherEmails: Array.from({ length: 21 }, (_, n) => `d${n}@hook.example`) },
    });
    expect(many.statusCode).toBe(422);
    expect(many.json<Problem>().issues).toEqual([
      expect.objectContaining({ code: 'ALERT_RECIPIENTS_TOO_MANY', path: '/dispatcherEmails' }),
    ]);
    const forbidden = await call(harness, dispatcher, 'PUT', '/api/v1/alerts/settings', {
      body: { dispatcherEmails: [] },
    });
    expect(forbidden.statusCode).toBe(403);
    const now = await call(harness, admin, 'GET', '/api/v1/alerts/settings');
    expect(now.json<{ dispatcherEmails: string[] }>().dispatcherEmails).toEqual([
      'night@hook.example',
      'day@hook.example',
    ]);
  });
});
