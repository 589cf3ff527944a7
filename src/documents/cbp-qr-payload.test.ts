import { describe, expect, it } from 'vitest';
import { aTrip, aTruck } from '../../test/builders.js';
import { cbpQrPayload, QR_DELIMITER, QR_FIELDS, QR_PAYLOAD_LENGTH } from './cbp-qr-payload.js';

function payloadOf(trip = aTrip()): string {
  const result = cbpQrPayload(trip);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.payload;
}

function codesOf(trip: ReturnType<typeof aTrip>): string[][] {
  const result = cbpQrPayload(trip);
  return result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path]);
}

describe('the CBP QR payload', () => {
  it('is 64 characters: five fixed-width fields of 3, 25, 8, 12 and 12 with four delimiters', () => {
    expect(QR_FIELDS.map((f) => f.width)).toEqual([3, 25, 8, 12, 12]);
    const payload = payloadOf();
    expect(payload).toHaveLength(QR_PAYLOAD_LENGTH);
    const fields = payload.split(QR_DELIMITER);
    expect(fields.map((f) => f.length)).toEqual([3, 25, 8, 12, 12]);
    expect(payload).toBe('001*DEMO2026112801           *20261128*CAON AB12345*            ');
  });

  it('puts the two plates as country (2) + jurisdiction (3) + number (7), upper-cased', () => {
    const payload = payloadOf(
      aTrip({
        truck: aTruck({
          licensePlates: [
            { number: 'ab12345', stateProvince: 'tx', country: 'us' },
            { number: '1234ABC', stateProvince: 'NLE', country: 'MX' },
          ],
        }),
      }),
    );
    const [, , , first, second] = payload.split(QR_DELIMITER);
    expect(first).toBe('USTX AB12345');
    expect(second).toBe('MXNLE1234ABC');
    expect(payload).toHaveLength(64);
  });

  it('takes the ETA date as filed (port-local), yyyymmdd', () => {
    const payload = payloadOf(aTrip({ estimatedArrivalDateTime: '2027-01-02 23:59:00' }));
    expect(payload.slice(30, 38)).toBe('20270102');
  });

  it('fills a 25-character trip number exactly', () => {
    const tripNumber = 'DEMO' + '1'.repeat(21);
    expect(payloadOf(aTrip({ tripNumber })).slice(4, 29)).toBe(tripNumber);
  });

  it('refuses a + or other stray characters (CSMS #64710039), naming the field', () => {
    expect(codesOf(aTrip({ tripNumber: 'DEMO+2026' }))).toEqual([
      ['QR_FIELD_INVALID', '/tripNumber'],
    ]);
    expect(
      codesOf(
        aTrip({
          truck: aTruck({
            licensePlates: [{ number: 'AB-123', stateProvince: 'ON', country: 'CA' }],
          }),
        }),
      ),
    ).toEqual([['QR_FIELD_INVALID', '/truck/licensePlates/0/number']]);
  });

  it('refuses values too long for their field', () => {
    expect(codesOf(aTrip({ tripNumber: 'DEMO' + '1'.repeat(22) }))).toEqual([
      ['QR_FIELD_INVALID', '/tripNumber'],
    ]);
    expect(
      codesOf(
        aTrip({
          truck: aTruck({
            licensePlates: [{ number: 'ABC12345', stateProvince: 'ONTA', country: 'CAN' }],
          }),
        }),
      ),
    ).toEqual([
      ['QR_FIELD_INVALID', '/truck/licensePlates/0/country'],
      ['QR_FIELD_INVALID', '/truck/licensePlates/0/stateProvince'],
      ['QR_FIELD_INVALID', '/truck/licensePlates/0/number'],
    ]);
  });

  it('refuses a trip without trip number, ETA or plate', () => {
    expect(
      codesOf(
        aTrip({
          tripNumber: ' ',
          estimatedArrivalDateTime: undefined,
          truck: aTruck({ licensePlates: [] }),
        }),
      ),
    ).toEqual([
      ['QR_FIELD_MISSING', '/tripNumber'],
      ['QR_FIELD_MISSING', '/estimatedArrivalDateTime'],
      ['QR_FIELD_MISSING', '/truck/licensePlates'],
    ]);
    expect(codesOf(aTrip({ estimatedArrivalDateTime: 'tomorrow' }))).toEqual([
      ['QR_FIELD_INVALID', '/estimatedArrivalDateTime'],
    ]);
  });
});
