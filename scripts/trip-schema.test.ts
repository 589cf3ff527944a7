/**
 * The published JSON Schema is for integrators' own validators: check it with an independent
 * one (Ajv, JSON Schema 2020-12) against every example, the legacy forms we accept, and a typo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('docs/trip.schema.json', root), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const examples = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.json'));

describe('docs/trip.schema.json', () => {
  it.each(examples)('accepts examples/%s', (file) => {
    const document = JSON.parse(readFileSync(new URL(`examples/${file}`, root), 'utf8')) as unknown;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts the commercial transport fields and the older single licence plate', () => {
    const legacy = {
      data: 'ACE_TRIP',
      sendId: '1',
      companyKey: 'k',
      operation: 'CREATE',
      autoSend: true,
      truck: { number: 'T1', licensePlate: { number: 'AB123', stateProvince: 'ON' } },
      drivers: [{ driverNumber: 'D-0042', firstName: 'Jean' }],
      shipments: [{ data: 'ACE_SHIPMENT', sendId: '1-1', operation: 'CREATE', type: 'PAPS' }],
    };
    expect(validate(legacy), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ data: 'ACE_TRIP', passengers: [{ driverNumber: 'D-1' }] })).toBe(false);
  });

  it('refuses a misspelt field and a string where a number belongs', () => {
    expect(validate({ data: 'ACE_TRIP', tripNumer: 'X' })).toBe(false);
    expect(
      validate({ data: 'ACE_SHIPMENT', shipments: [{ commodities: [{ quantity: '3' }] }] }),
    ).toBe(false);
  });
});
