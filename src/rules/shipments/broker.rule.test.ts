import { describe, expect, it } from 'vitest';
import type { Broker, ManifestDocument } from '../../domain/index.js';
import { aShipment, aTrip, issuesOf } from '../../../test/builders.js';
import { brokerRule } from './broker.rule.js';

const check = (document: ManifestDocument) => issuesOf(document, { rules: [brokerRule] });

const withBroker = (broker: Broker) => aTrip({ shipments: [aShipment({ broker })] });

describe('broker rule', () => {
  it('accepts a PAPS shipment with a well-formed broker', () => {
    expect(check(aTrip())).toEqual([]);
  });

  it('accepts a non-PAPS shipment without a broker', () => {
    const shipments = [aShipment({ type: 'ATTACHED_CF7523', broker: undefined })];
    expect(check(aTrip({ shipments }))).toEqual([]);
  });

  it('warns when a PAPS shipment has no broker to file its entry', () => {
    expect(check(aTrip({ shipments: [aShipment({ broker: undefined })] }))).toEqual([
      expect.objectContaining({
        code: 'BROKER_MISSING_FOR_PAPS',
        severity: 'warning',
        path: '/shipments/0/broker',
      }),
    ]);
  });

  it('warns when the broker has no filer code', () => {
    expect(check(withBroker({ name: 'Niagara Customs Brokers' }))).toEqual([
      expect.objectContaining({
        code: 'BROKER_FILER_CODE_MISSING',
        severity: 'warning',
        path: '/shipments/0/broker/filerCode',
      }),
    ]);
  });

  it.each(['N7', 'N7BX', 'n7b', 'N-7'])('refuses the filer code %j', (filerCode) => {
    const issues = check(withBroker({ filerCode }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'BROKER_FILER_CODE_FORMAT',
        severity: 'error',
        path: '/shipments/0/broker/filerCode',
      }),
    ]);
    expect(issues[0]?.message).toContain(`"${filerCode}"`);
  });

  it.each(['entries.example.com', 'entries@example', 'a b@example.com'])(
    'warns about the e-mail %j',
    (email) => {
      expect(check(withBroker({ filerCode: 'N7B', email }))).toEqual([
        expect.objectContaining({
          code: 'BROKER_EMAIL_FORMAT',
          path: '/shipments/0/broker/email',
        }),
      ]);
    },
  );
});
