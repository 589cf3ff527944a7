import { describe, expect, it } from 'vitest';
import {
  anApiToken,
  call,
  withSignedInHarness,
  type Credentials,
  type Harness,
} from '../../../test/api-harness.js';
import { aTrip } from '../../../test/builders.js';
import { TEMPLATE_HEADERS, templateCsv } from '../../csv/index.js';
import { csvText, templateRow } from '../../csv/test-csv.js';

let harness: Harness;
let admin: Credentials;
let viewer: Credentials;

interface Report {
  outcome: string;
  created: number;
  unchanged: number;
  failed: number;
  failedRowCount: number;
  issues: { code: string; row: number | null; column: string | null; value: string | null }[];
  failedRowsCsv: string | null;
}

withSignedInHarness(
  'CSVA',
  async (signedIn) => {
    ({ harness, admin } = signedIn);
    viewer = await anApiToken(harness, admin, 'viewer');
  },
  { api: { bodyLimit: 256 * 1024 } },
);

async function newTrip(): Promise<string> {
  const response = await call(harness, admin, 'POST', '/api/v1/trips', {
    body: aTrip({ tripNumber: undefined, shipments: [] }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ trip: { id: string } }>().trip.id;
}

function upload(
  url: string,
  text: string,
  headers: Record<string, string> = {},
  who: Credentials = admin,
) {
  return call(harness, who, 'POST', url, {
    body: text,
    headers: { 'content-type': 'text/csv', ...headers },
  });
}

const file = (quantity = '5') =>
  csvText([
    templateRow({ SCN: 'CSVA100001' }),
    templateRow({ SCN: 'CSVA100001', Description: 'Steel bolts' }),
    templateRow({ SCN: 'CSVA100002', Quantity: quantity }),
  ]);

describe('bulk upload by CSV', () => {
  it("serves the template with the company's AUTOFILL SCN, which uploads as it is", async () => {
    const response = await call(harness, viewer, 'GET', '/api/v1/csv/template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.body).toBe(templateCsv('CSVA'));
    expect(response.body.split('\r\n')[1]?.startsWith('CSVAAUTOFILL,PAPS,')).toBe(true);
    const tripId = await newTrip();
    const uploaded = await upload(`/api/v1/trips/${tripId}/shipments/csv`, response.body);
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json<Report>()).toMatchObject({ outcome: 'imported', created: 1 });
  });

  it('all-or-nothing: a bad row is 422 with located issues and failed rows, and nothing is stored', async () => {
    const tripId = await newTrip();
    const response = await upload(`/api/v1/trips/${tripId}/shipments/csv`, file('twelve'));
    expect(response.statusCode, response.body).toBe(422);
    const report = response.json<Report>();
    expect(report).toMatchObject({ outcome: 'rejected', created: 0, failed: 1 });
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        code: 'CSV_NUMBER_INVALID',
        row: 4,
        column: 'Quantity',
        value: 'twelve',
      }),
    );
    expect(report.failedRowsCsv?.split('\r\n')[0]).toBe([...TEMPLATE_HEADERS, 'Errors'].join(','));
    const list = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/shipments`);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('partial: the valid shipments are stored; then the export re-uploads as unchanged', async () => {
    const tripId = await newTrip();
    const response = await upload(
      `/api/v1/trips/${tripId}/shipments/csv?mode=partial`,
      file('twelve'),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Report>()).toMatchObject({
      outcome: 'partial',
      created: 1,
      failed: 1,
      failedRowCount: 1,
    });
    const exported = await call(harness, viewer, 'GET', `/api/v1/trips/${tripId}/shipments.csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.body.split('\r\n')).toHaveLength(4);
    const again = await upload(`/api/v1/trips/${tripId}/shipments/csv`, exported.body);
    expect(again.json<Report>()).toMatchObject({ outcome: 'imported', created: 0, unchanged: 1 });
  });

  it('partial: counts the rows placed in no shipment among the rows not imported', async () => {
    const tripId = await newTrip();
    const response = await upload(
      `/api/v1/trips/${tripId}/shipments/csv?mode=partial`,
      csvText([
        templateRow({ SCN: 'CSVA300001' }),
        templateRow({ SCN: 'CSVAAUTOFILL', 'Consignee Name': 'Other' }),
        templateRow({ SCN: 'CSVAAUTOFILL', 'Consignee Name': 'Third' }),
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<Report>();
    // Mixing typed and AUTOFILL SCNs leaves rows 3 and 4 out: no shipment failed, two rows did.
    expect(report).toMatchObject({ outcome: 'partial', created: 1, failed: 0, failedRowCount: 2 });
    expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [3, 'CSV_SCN_MIXED'],
      [4, 'CSV_SCN_MIXED'],
    ]);
    expect(report.failedRowsCsv?.trim().split('\r\n')).toHaveLength(3);
  });

  it('streams NDJSON progress lines ending with the report when asked', async () => {
    const response = await upload(
      '/api/v1/shipments/csv',
      csvText([templateRow({ SCN: 'CSVA200001' })]),
      {
        accept: 'application/x-ndjson',
      },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; phase?: string; created?: number });
    expect(lines.map((line) => line.phase ?? line.type)).toEqual([
      'reading',
      'checking',
      'storing',
      'storing',
      'report',
    ]);
    expect(lines.at(-1)).toMatchObject({ type: 'report', created: 1 });
  });

  it('refuses what is not CSV, a viewer, an unknown trip and a bad mode without a 500', async () => {
    const notCsv = await upload('/api/v1/shipments/csv', 'PK\u0003\u0004\u0000\u0000binary');
    expect(notCsv.statusCode).toBe(422);
    expect(notCsv.json<Report>().issues.map((issue) => issue.code)).toEqual(['CSV_NOT_CSV']);

    const json = await call(harness, admin, 'POST', '/api/v1/shipments/csv', { body: { a: 1 } });
    expect(json.statusCode).toBe(415);
    // The file itself under another type: 415 naming the type to send, whatever the type.
    for (const type of ['application/json', 'text/plain', 'application/vnd.ms-excel']) {
      const wrongType = await upload('/api/v1/shipments/csv', file(), { 'content-type': type });
      expect(wrongType.statusCode, type).toBe(415);
      expect(wrongType.json<{ detail: string }>().detail, type).toMatch(/text\/csv/);
    }

    const forbidden = await upload('/api/v1/shipments/csv', file(), {}, viewer);
    expect(forbidden.statusCode).toBe(403);

    const unknown = await upload('/api/v1/trips/nope/shipments/csv', file(), {
      accept: 'application/x-ndjson',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);

    const mode = await upload('/api/v1/shipments/csv?mode=some', file());
    expect(mode.statusCode).toBe(400);
  });

  it('refuses a declared body over the limit with 413', async () => {
    const response = await upload('/api/v1/shipments/csv', file(), {
      'content-length': String(512 * 1024 * 1024),
    });
    expect(response.statusCode).toBe(413);
  });

  it('documents the routes in OpenAPI', async () => {
    const response = await call(harness, viewer, 'GET', '/api/openapi.json');
    const paths = response.json<{
      paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
    }>().paths;
    expect(Object.keys(paths['/api/v1/shipments/csv']?.post?.requestBody?.content ?? {})).toEqual([
      'text/csv',
    ]);
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/trips/{id}/shipments/csv',
        '/api/v1/shipments/csv',
        '/api/v1/csv/template',
        '/api/v1/trips/{id}/shipments.csv',
      ]),
    );
  });
});
