import { describe, expect, it } from 'vitest';
import { aShipment, aTrip } from '../../../test/builders.js';
import { driverPageHtml } from './driver-page-html.js';

describe("the driver's page", () => {
  const page = (listed: number, count: number) =>
    driverPageHtml(
      {
        ok: true,
        link: {
          id: 'link-1',
          companyId: 'company-1',
          tripId: 'trip-1',
          createdAt: '2026-11-28T12:00:00.000Z',
          expiresAt: '2026-11-29T12:00:00.000Z',
          revokedAt: null,
        },
        companyName: 'Carrier',
        trip: aTrip({
          shipments: Array.from({ length: listed }, (_, i) =>
            aShipment({ shipmentControlNumber: `DEMO${String(i + 1).padStart(10, '0')}` }),
          ),
        }),
        shipmentCount: count,
        qr: { payload: '001*DEMO1' },
      },
      '/driver/x/lead-sheet.pdf',
    );

  it('counts every shipment of the trip and says how many more it does not list', () => {
    const html = page(2, 100_000);
    expect(html).toContain('<h2>100,000 shipments</h2>');
    expect(html).toContain('DEMO0000000002');
    expect(html).toContain(
      'The first 2 of 100,000 shipments are listed here; 99,998 more are on the trip.',
    );
  });

  it('lists a short trip whole, without a note', () => {
    const html = page(1, 1);
    expect(html).toContain('<h2>1 shipment</h2>');
    expect(html).not.toContain('are listed here');
  });
});
