import { describe, expect, it } from 'vitest';
import { instantText, portLocalTime } from './port-time';

describe('times shown with their zone', () => {
  it('shows an ETA in the port clock, zone named', () => {
    expect(portLocalTime('2026-12-01 12:00:00', '0901').text).toBe('2026-12-01 12:00 EST');
  });

  it('shows a recorded moment in the user clock with the zone named, as ETAs are', () => {
    const at = '2026-12-01T11:15:28.000Z';
    expect(instantText(at, { zone: 'America/Toronto' })).toBe('2026-12-01 06:15 EST');
    expect(instantText(at, { zone: 'America/Chicago', seconds: true })).toBe(
      '2026-12-01 05:15:28 CST',
    );
    expect(instantText(at, { zone: 'America/Toronto', timeOfDay: true })).toBe('06:15 EST');
    // In the browser's own zone, still named.
    expect(instantText(at)).toMatch(/^2026-12-0[12] \d\d:\d\d \S+$/);
  });
});
