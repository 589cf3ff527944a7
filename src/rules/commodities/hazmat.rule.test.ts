import { describe, expect, it } from 'vitest';
import type { Hazmat, ManifestDocument } from '../../domain/index.js';
import { aCommodity, aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { hazmatRule } from './hazmat.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [hazmatRule] });

const contact = { name: 'CHEMTREC', phone: '+1 800 424 9300', email: 'help@chemtrec.example' };

const withHazmat = (hazmat: Hazmat) =>
  aTrip({ shipments: [aShipment({ commodities: [aCommodity({ hazmat })] })] });

const at = '/shipments/0/commodities/0/hazmat';

describe('hazmat rule', () => {
  it('accepts a commodity without hazmat data', () => {
    expect(check(aTrip())).toEqual([]);
  });

  it.each(['1203', 'UN1203', 'NA1993', 'UN 1203', 'un1203'])(
    'accepts the UN/NA number %j with a complete contact',
    (unNumber) => {
      expect(check(withHazmat({ unNumber, emergencyContact: contact }))).toEqual([]);
    },
  );

  it('refuses hazmat without a UN/NA number', () => {
    expect(check(withHazmat({ emergencyContact: contact }))).toEqual([
      expect.objectContaining({
        code: 'HAZMAT_UN_NUMBER_REQUIRED',
        severity: 'error',
        path: `${at}/unNumber`,
      }),
    ]);
  });

  it.each(['120', '12034', 'UN12O3', 'ID8000'])('refuses the UN/NA number %j', (unNumber) => {
    const issues = check(withHazmat({ unNumber, emergencyContact: contact }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'HAZMAT_UN_NUMBER_FORMAT', path: `${at}/unNumber` }),
    ]);
    expect(issues[0]?.message).toContain(`"${unNumber}"`);
  });

  it('refuses hazmat without an emergency contact', () => {
    expect(check(withHazmat({ unNumber: 'UN1203' }))).toEqual([
      expect.objectContaining({
        code: 'HAZMAT_EMERGENCY_CONTACT_REQUIRED',
        path: `${at}/emergencyContact`,
      }),
    ]);
  });

  it('requires the contact name, phone and e-mail', () => {
    expect(check(withHazmat({ unNumber: 'UN1203', emergencyContact: {} }))).toEqual([
      expect.objectContaining({
        code: 'HAZMAT_CONTACT_NAME_REQUIRED',
        path: `${at}/emergencyContact/name`,
      }),
      expect.objectContaining({
        code: 'HAZMAT_CONTACT_PHONE_REQUIRED',
        path: `${at}/emergencyContact/phone`,
      }),
      expect.objectContaining({
        code: 'HAZMAT_CONTACT_EMAIL_REQUIRED',
        path: `${at}/emergencyContact/email`,
      }),
    ]);
  });

  it('refuses a phone number without area code and a malformed e-mail', () => {
    const emergencyContact = { name: 'Dispatch', phone: '424-9300', email: 'dispatch' };
    const issues = check(withHazmat({ unNumber: 'UN1203', emergencyContact }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'HAZMAT_CONTACT_PHONE_FORMAT',
        path: `${at}/emergencyContact/phone`,
      }),
      expect.objectContaining({
        code: 'HAZMAT_CONTACT_EMAIL_FORMAT',
        path: `${at}/emergencyContact/email`,
      }),
    ]);
    expect(issues[0]?.message).toContain('"424-9300"');
  });
});
