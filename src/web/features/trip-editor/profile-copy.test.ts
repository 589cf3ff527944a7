import { describe, expect, it } from 'vitest';
import type { ProfileOf } from './profile-copy';
import { tripCopyOf } from './profile-copy';

const saved = { id: 'p1', version: 1, createdAt: '', updatedAt: '' };

describe('tripCopyOf', () => {
  it("copies every field of a saved truck into the trip's truck, as a copy", () => {
    const truck: ProfileOf<'truck'> = {
      ...saved,
      kind: 'truck',
      name: 'T-101',
      data: {
        number: 'T-101',
        type: 'TL',
        vinNumber: '1M8GDM9AXKP042788',
        dotNumber: '1234567',
        transponderNumber: 'TR99',
        licensePlates: [{ number: 'AB12345', stateProvince: 'ON', country: 'CA' }],
        sealNumbers: ['S-1'],
        insurancePolicy: { insuranceCompanyName: 'Intact', policyAmount: 5_000_000 },
      },
    };
    const copy = tripCopyOf(truck);
    expect(copy).toEqual(truck.data);
    copy.licensePlates?.push({ number: 'X' });
    expect(truck.data.licensePlates).toHaveLength(1);
  });

  it("copies a saved trailer's unit number, equipment type, plates and seals", () => {
    const data = {
      number: 'TR-5501',
      type: 'TL',
      licensePlates: [{ number: 'P4471K', stateProvince: 'ON', country: 'CA' }],
      sealNumbers: ['A1'],
    };
    expect(tripCopyOf({ ...saved, kind: 'trailer', name: 'TR-5501', data })).toEqual(data);
  });

  it("leaves a driver's e-mail with the profile and copies the rest", () => {
    const copy = tripCopyOf({
      ...saved,
      kind: 'driver',
      name: 'Marie Gagnon',
      data: { firstName: 'Marie', lastName: 'Gagnon', email: 'marie@drivers.example' },
    });
    expect(copy).toEqual({ firstName: 'Marie', lastName: 'Gagnon' });
  });
});
