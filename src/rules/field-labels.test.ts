import { describe, expect, it } from 'vitest';
import { describePath, placeOfPath } from './field-labels.js';

const scns = ['DEMO0000000003', 'DEMO0000000004'];
const scnAt = (index: number) => scns[index];

describe('placeOfPath: where a problem is, for a list a dispatcher scans', () => {
  it('names the shipment by number and SCN, and the commodity in it', () => {
    expect(placeOfPath('/shipments/1/commodities/0/description', scnAt)).toBe(
      'Shipment 2 (SCN DEMO0000000004) · Commodity 1',
    );
    expect(placeOfPath('/shipments/0/commodities/2', scnAt)).toBe(
      'Shipment 1 (SCN DEMO0000000003) · Commodity 3',
    );
  });

  it('names the shipment of a party or field problem, and by number alone without its SCN', () => {
    expect(placeOfPath('/shipments/1/shipper', scnAt)).toBe('Shipment 2 (SCN DEMO0000000004)');
    expect(placeOfPath('/shipments/0/consignee/address/country', scnAt)).toBe(
      'Shipment 1 (SCN DEMO0000000003)',
    );
    expect(placeOfPath('/shipments/7999/type')).toBe('Shipment 8000');
  });

  it('names the crew, equipment and documents of the trip the same way', () => {
    expect(placeOfPath('/drivers/0/citizenshipCountry')).toBe('Driver 1');
    expect(placeOfPath('/drivers/1/travelDocuments/0/country')).toBe(
      'Driver 2 · Travel document 1',
    );
    expect(placeOfPath('/truck/licensePlates/1/stateProvince')).toBe('Truck · Licence plate 2');
    expect(placeOfPath('/trailers/0/number')).toBe('Trailer 1');
  });

  it('names a commodity on a shipment page, whose pointers start inside the shipment', () => {
    expect(placeOfPath('/commodities/1/hazmat/emergencyContact/name')).toBe('Commodity 2');
  });

  it('says nothing for a field outside any list: the field itself says where it is', () => {
    expect(placeOfPath('/truck/vinNumber')).toBeUndefined();
    expect(placeOfPath('/shipper')).toBeUndefined();
    expect(placeOfPath('')).toBeUndefined();
  });
});

describe('describePath', () => {
  it('still names every step of the pointer, the shipment by its SCN from the document', () => {
    expect(
      describePath(
        { shipments: [{ shipmentControlNumber: 'DEMO0001' }] } as never,
        '/shipments/0/commodities/1/weight',
      ),
    ).toBe('Shipment 1 (SCN DEMO0001) › Commodity 2 › Weight');
  });
});
