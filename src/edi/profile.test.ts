import { describe, expect, it } from 'vitest';
import profileJson from './profiles/cbp-truck.json' with { type: 'json' };
import { parseEdiProfile } from './profile.js';

describe('EDI profile', () => {
  it('the shipped profile is valid', () => {
    expect(parseEdiProfile(profileJson).ok).toBe(true);
  });

  it('reports every problem at its JSON Pointer', () => {
    const broken = structuredClone(profileJson);
    const segments: Record<string, Record<string, unknown>> = broken.segments;
    Object.assign(broken, { maxShipmentsPer309: 10_000 });
    segments['N10'] = { ...segments['N10'], weigth: { element: 8, maxLength: 10 } };
    segments['M11'] = { ...segments['M11'], port: { element: 1, maxLength: 4 } };
    const result = parseEdiProfile(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ['EDI_PROFILE_INVALID', '/maxShipmentsPer309'],
        ['EDI_PROFILE_INVALID', '/segments/N10'],
        ['EDI_PROFILE_INVALID', '/segments/M11/port/element'],
      ]),
    );
  });
});
