import { expect, it, describe } from 'vitest';
import {
  aCompany,
  anApiToken,
  call,
  signIn,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { aShipment, aTrip } from '../../../test/builders.js';
import { inProcessCbp } from '../../../test/in-process-cbp.js';
import { readBackStrictly } from '../../../test/x12-readback.js';
import { deliverOutbox, ingestResponses } from '../../app/index.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;
let outsider: Credentials;

withSignedInHarness('FILE', async (signedIn) => {
  ({ harness, admin } = signedIn);
  viewer = await anApiToken(harness, admin, 'viewer');
  const other = await aCompany(harness, 'OTHR');
  outsider = await signIn(harness, other.email);
});

async function newTrip(document: object) {
  const response = await call(harness, admin, 'POST', '/api/v1/trips', { body: document });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ trip: { id: string } }>().trip.id;
}

interface FilingView {
  trip: { status: string };
  shipments: { scn: string; status: string }[];
  history: {
    scn: string | null;
    status: string;
    reasons: { text: string; explanation: { fix: string } | null }[];
  }[];
  shipmentsCursor: string | null;
  shipmentTotal: number;
  shipmentCounts: { status: string; count: number }[];
  historyTotal: number;
  historyCursor: string | null;
  transmissions: { state: string; controlNumber: number }[];
  interchanges: { id: string; direction: string; setId: string | null }[];
}

describe('filing routes', () => {
  it('syncs a trip, shows CBP answers with reasons explained, and serves each raw interchange', async () => {
    const tripId = await newTrip(
      aTrip({
        tripNumber: 'FILE2026112801',
        shipments: [
          aShipment({ shipmentControlNumber: 'FILE0000000001' }),
          aShipment({ shipmentControlNumber: 'FILE0000000002' }),
        ],
      }),
    );
    const sync = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`, { body: {} });
    expect(sync.statusCode, sync.body).toBe(202);
    expect(
      sync
        .json<{ transmissions: { setId: string; purpose: string }[] }>()
        .transmissions.map((t) => `${t.setId} ${t.purpose}`),
    ).toEqual(['309 preliminary', '358 original']);
    const again = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json<{ issues: { code: string }[] }>().issues[0]?.code).toBe('FILING_IN_PROGRESS');

    // Each step of the filing changes the view's tag: sent (the outbox), answered (the ingest).
    const tagNow = async (seen: string) => {
      const asked = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/filing`, {
        headers: { 'if-none-match': seen },
      });
      return { status: asked.statusCode, tag: String(asked.headers.etag) };
    };
    const queued = await tagNow('');
    expect(await tagNow(queued.tag)).toEqual({ status: 304, tag: queued.tag });
    const cbp = inProcessCbp({ shipmentsOnFile: ['FILE0000000002'] });
    await deliverOutbox(harness.appDeps, cbp.transport);
    const sent = await tagNow(queued.tag);
    expect(sent.status).toBe(200);
    await ingestResponses(harness.appDeps, cbp.transport);
    expect((await tagNow(sent.tag)).status).toBe(200);

    const filing = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/filing`);
    expect(filing.statusCode, filing.body).toBe(200);
    // Asked again with its tag, unchanged: 304 without the view.
    const etag = String(filing.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]{22}"$/);
    expect(filing.headers['cache-control']).toBe('private, no-cache');
    const unchanged = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/filing`, {
      headers: { 'if-none-match': `"other", ${etag}` },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(unchanged.headers.etag).toBe(etag);
    const view = filing.json<FilingView>();
    expect(view.trip.status).toBe('accepted');
    expect(view.shipments).toEqual([
      expect.objectContaining({ scn: 'FILE0000000001', status: 'accepted' }),
      expect.objectContaining({ scn: 'FILE0000000002', status: 'rejected' }),
    ]);
    const reject = view.history.find((h) => h.scn === 'FILE0000000002' && h.status === 'rejected');
    expect(reject?.reasons[0]?.text).toBe('SHIPMENT ALREADY ON FILE');
    expect(reject?.reasons[0]?.explanation?.fix).toContain('new SCN');
    expect(view.transmissions.map((t) => t.state)).toEqual(['sent', 'sent']);
    // A small trip's view holds its whole history; the paged history lists it newest first.
    expect(view.historyTotal).toBe(view.history.length);
    expect(view.historyCursor).toBeNull();
    const first = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${tripId}/filing/history?limit=2`,
    );
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ items: FilingView['history']; nextCursor: string | null }>();
    expect(page.items).toEqual(view.history.slice(-2).reverse());
    const rest = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${tripId}/filing/history?limit=500&cursor=${page.nextCursor ?? ''}`,
    );
    expect(rest.json<{ items: unknown[] }>().items).toEqual(view.history.slice(0, -2).reverse());
    const forged = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${tripId}/filing/history?cursor=WzEsMl0`,
    );
    expect(forged.statusCode).toBe(400);
    expect(forged.json<{ issues: { code: string }[] }>().issues[0]?.code).toBe(
      'PAGE_CURSOR_INVALID',
    );

    // The shipments a page at a time, all or those in one status, with the count in each.
    expect(view.shipmentTotal).toBe(2);
    expect(view.shipmentsCursor).toBeNull();
    expect(view.shipmentCounts).toEqual([
      { status: 'rejected', count: 1 },
      { status: 'accepted', count: 1 },
    ]);
    const shipmentsPage = async (query: string) => {
      const asked = await call(
        harness,
        viewer,
        'GET',
        `/api/v1/trips/${tripId}/filing/shipments${query}`,
      );
      return { status: asked.statusCode, body: asked.json<Record<string, unknown>>() };
    };
    const firstShipment = await shipmentsPage('?limit=1');
    expect(firstShipment.body).toEqual({
      items: [view.shipments[0]],
      nextCursor: expect.any(String) as string,
    });
    expect(
      (await shipmentsPage(`?limit=1&cursor=${String(firstShipment.body['nextCursor'])}`)).body,
    ).toEqual({ items: [view.shipments[1]], nextCursor: null });
    expect((await shipmentsPage('?status=rejected')).body).toEqual({
      items: [expect.objectContaining({ scn: 'FILE0000000002', status: 'rejected' })],
      nextCursor: null,
    });
    // A status that is none, and a page too large: located, nothing read.
    const unknownStatus = await shipmentsPage('?status=lost');
    expect(unknownStatus.status).toBe(400);
    expect(unknownStatus.body['issues']).toEqual([
      expect.objectContaining({ code: 'QUERY_PARAMETER_INVALID', path: '/status' }),
    ]);
    expect((await shipmentsPage('?limit=501')).status).toBe(400);
    const outsiders = await call(
      harness,
      outsider,
      'GET',
      `/api/v1/trips/${tripId}/filing/shipments`,
    );
    expect(outsiders.statusCode).toBe(404);

    const out = view.interchanges.find((i) => i.direction === 'out');
    const download = await call(
      harness,
      viewer,
      'GET',
      `/api/v1/trips/${tripId}/filing/interchanges/${out?.id ?? ''}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('application/edi-x12');
    expect(download.headers['content-disposition']).toContain('out-309-000000001.x12');
    expect(Number(readBackStrictly(download.body).isa13)).toBe(1);
  });

  it('refuses a viewer, another company and a trip with errors, without queuing anything', async () => {
    const tripId = await newTrip(
      aTrip({ tripNumber: 'FILE2026112802', drivers: [], shipments: [] }),
    );
    expect(
      (await call(harness, viewer, 'POST', `/api/v1/trips/${tripId}/sync`, {})).statusCode,
    ).toBe(403);
    expect(
      (await call(harness, outsider, 'POST', `/api/v1/trips/${tripId}/sync`, {})).statusCode,
    ).toBe(404);
    expect(
      (await call(harness, outsider, 'GET', `/api/v1/trips/${tripId}/filing`)).statusCode,
    ).toBe(404);
    const invalid = await call(harness, admin, 'POST', `/api/v1/trips/${tripId}/sync`, {});
    expect(invalid.statusCode).toBe(422);
    const view = (
      await call(harness, admin, 'GET', `/api/v1/trips/${tripId}/filing`)
    ).json<FilingView>();
    expect(view).toMatchObject({ trip: { status: 'draft' }, transmissions: [] });
    const missing = await call(
      harness,
      admin,
      'GET',
      `/api/v1/trips/${tripId}/filing/interchanges/nope`,
    );
    expect(missing.statusCode).toBe(404);
  });
});
