import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseManifestDocument, shapeIssues } from './parse-document.js';

describe('parseManifestDocument', () => {
  it('reads a trip and a list of unassociated shipments', () => {
    expect(parseManifestDocument({ data: 'ACE_TRIP', tripNumber: 'DEMO1234' })).toMatchObject({
      ok: true,
      document: { data: 'ACE_TRIP', tripNumber: 'DEMO1234' },
    });
    expect(parseManifestDocument({ data: 'ACE_SHIPMENT', shipments: [] })).toMatchObject({
      ok: true,
    });
  });

  it('says a number too large for JSON to read is one, not null', () => {
    const parsed = parseManifestDocument(
      JSON.parse(
        '{"data":"ACE_SHIPMENT","shipments":[{"commodities":[{"weight":1e400}]}]}',
      ) as unknown,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        path: '/shipments/0/commodities/0/weight',
        message: expect.stringContaining('found a number too large to read') as string,
      }),
    ]);
  });

  it('drops the commercial API transport fields', () => {
    const parsed = parseManifestDocument({
      data: 'ACE_TRIP',
      sendId: '8812',
      companyKey: 'abc',
      operation: 'CREATE',
      autoSend: false,
    });
    expect(parsed).toEqual({ ok: true, document: { data: 'ACE_TRIP' } });
  });

  it('drops the transport fields integrations repeat on nested shipments, in trips and lists', () => {
    const nested = { data: 'ACE_SHIPMENT', sendId: '8812-1', operation: 'CREATE', type: 'PAPS' };
    expect(parseManifestDocument({ data: 'ACE_TRIP', shipments: [nested] })).toEqual({
      ok: true,
      document: { data: 'ACE_TRIP', shipments: [{ type: 'PAPS' }] },
    });
    expect(parseManifestDocument({ data: 'ACE_SHIPMENT', shipments: [nested] })).toEqual({
      ok: true,
      document: { data: 'ACE_SHIPMENT', shipments: [{ type: 'PAPS' }] },
    });
  });

  it('keeps driverNumber on drivers, and still refuses it on passengers and unknown fields', () => {
    const driver = { firstName: 'Jean', driverNumber: 'D-0042' };
    expect(parseManifestDocument({ data: 'ACE_TRIP', drivers: [driver] })).toEqual({
      ok: true,
      document: { data: 'ACE_TRIP', drivers: [driver] },
    });
    const refused = parseManifestDocument({
      data: 'ACE_TRIP',
      passengers: [driver],
      shipments: [{ sendID: '1' }],
    });
    expect(refused.ok ? [] : refused.issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'DOCUMENT_UNKNOWN_FIELD /passengers/0/driverNumber',
      'DOCUMENT_UNKNOWN_FIELD /shipments/0/sendID',
    ]);
  });

  it('reads the older single licensePlate object as one plate', () => {
    const parsed = parseManifestDocument({
      data: 'ACE_TRIP',
      truck: { number: 'T1', licensePlate: { number: 'AB123', stateProvince: 'ON' } },
      trailers: [{ number: 'TR1', licensePlate: { number: 'P1', stateProvince: 'QC' } }],
    });
    expect(parsed).toMatchObject({
      ok: true,
      document: {
        truck: { licensePlates: [{ number: 'AB123', stateProvince: 'ON' }] },
        trailers: [{ licensePlates: [{ number: 'P1', stateProvince: 'QC' }] }],
      },
    });
  });

  it('refuses a document that does not say what it holds', () => {
    expect(parseManifestDocument({ data: 'ACE_MANIFEST' })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'DOCUMENT_KIND_UNKNOWN', path: '/data' })],
    });
    expect(parseManifestDocument({})).toMatchObject({
      ok: false,
      issues: [{ code: 'DOCUMENT_KIND_UNKNOWN', path: '/data' }],
    });
  });

  it('refuses misspelt fields with their JSON Pointer, so no data is silently dropped', () => {
    const parsed = parseManifestDocument({
      data: 'ACE_TRIP',
      shipments: [{ shipmentControlNumer: 'DEMO0001' }],
    });
    expect(parsed).toEqual({
      ok: false,
      issues: [
        expect.objectContaining({
          code: 'DOCUMENT_UNKNOWN_FIELD',
          path: '/shipments/0/shipmentControlNumer',
        }),
      ],
    });
  });

  it('refuses wrong JSON types, saying what was found', () => {
    const parsed = parseManifestDocument({
      data: 'ACE_TRIP',
      shipments: [{ commodities: [{ quantity: '3' }] }],
      drivers: {},
    });
    if (parsed.ok) throw new Error('expected the shape to be refused');
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        {
          code: 'DOCUMENT_WRONG_TYPE',
          severity: 'error',
          path: '/shipments/0/commodities/0/quantity',
          message: 'Expected number, found string "3".',
        },
        expect.objectContaining({ code: 'DOCUMENT_WRONG_TYPE', path: '/drivers' }),
      ]),
    );
  });

  it('refuses JSON that is not an object at all', () => {
    expect(parseManifestDocument([1, 2])).toMatchObject({ ok: false });
    expect(parseManifestDocument(null)).toMatchObject({ ok: false });
  });
});

describe('shapeIssues', () => {
  it("reads another discriminated union's tag as a field with values, not as a document kind", () => {
    const kinds = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal(['shipper', 'consignee']) }),
      z.object({ kind: z.literal('broker') }),
    ]);
    const issues = (input: unknown) =>
      shapeIssues(kinds.safeParse(input, { reportInput: true }).error?.issues ?? [], '/body');
    expect([...issues({ kind: 'carrier' }), ...issues({})]).toEqual([
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/body/kind',
        message: 'Expected one of "shipper", "consignee", "broker", found string "carrier".',
      },
      {
        code: 'DOCUMENT_VALUE_INVALID',
        severity: 'error',
        path: '/body/kind',
        message: 'Required: one of "shipper", "consignee", "broker".',
      },
    ]);
  });
});
