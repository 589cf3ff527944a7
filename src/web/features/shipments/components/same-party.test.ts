import { describe, expect, it } from 'vitest';
import { sameParty } from './same-party';

describe('a shipment party compared with an address-book entry', () => {
  const entry = {
    name: 'Maple Parcels Ltd',
    address: { addressLine: '200 Ouellette Ave', city: 'Windsor', country: 'CA' },
  };

  it('is the same when quick-assigned as it is, whatever the key order or blank fields', () => {
    expect(sameParty({ ...entry }, entry)).toBe(true);
    expect(
      sameParty(
        {
          address: {
            country: 'CA',
            city: 'Windsor',
            addressLine: '200 Ouellette Ave',
            postalCode: '',
          },
          name: 'Maple Parcels Ltd',
          email: undefined,
        },
        entry,
      ),
    ).toBe(true);
  });

  it('differs once a field is typed over', () => {
    expect(sameParty({ ...entry, name: 'Maple Parcels Limited' }, entry)).toBe(false);
    expect(sameParty({ ...entry, address: { ...entry.address, city: 'Tecumseh' } }, entry)).toBe(
      false,
    );
    expect(sameParty({ ...entry, phone: '519-555-0100' }, entry)).toBe(false);
  });
});
