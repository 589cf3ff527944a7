import { describe, expect, it } from 'vitest';
import { aDriver, aShipment, aTrip } from '../../test/builders.js';
import { readBackStrictly } from '../../test/x12-readback.js';
import { defaultEdiProfile } from '../edi/index.js';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

const NOW = '2026-11-28T12:00:00Z';

describe('emanifest edi', () => {
  it('writes one file per interchange, in sending order, and says what it wrote', async () => {
    const { io, stdout, written } = memoryIo({ 'trip.json': JSON.stringify(aTrip()) });
    expect(await run(io, ['edi', '--document', 'trip.json', '--out', 'out', '--now', NOW])).toBe(0);
    expect([...written.keys()]).toEqual(['out/001-309.x12', 'out/002-358.x12']);
    expect(stdout()).toContain(
      'wrote out/001-309.x12: 309 preliminary, 1 shipment, 19 segments, ISA13 000000001',
    );
    for (const text of written.values()) {
      expect(typeof text).toBe('string');
      expect(() => readBackStrictly(String(text))).not.toThrow();
    }
    expect(written.get('out/001-309.x12')).toContain(
      'ISA*00*          *00*          *ZZ*EMANIFEST      *ZZ*USCSACE        *261128*1200*',
    );
  });

  it('writes nothing and exits 1 when the document has validation errors', async () => {
    const trip = aTrip({ usPortOfArrival: '9999' });
    const { io, stdout, written } = memoryIo({ 'trip.json': JSON.stringify(trip) });
    expect(await run(io, ['edi', '--document', 'trip.json', '--now', NOW])).toBe(1);
    expect(written.size).toBe(0);
    expect(stdout()).toContain('[TRIP_PORT_UNKNOWN]');
    expect(stdout()).toContain('Nothing written');
  });

  it('writes with a warning when free text had to be adjusted', async () => {
    const trip = aTrip({ drivers: [aDriver({ lastName: 'Côté' })] });
    const { io, stdout, written } = memoryIo({ 'trip.json': JSON.stringify(trip) });
    expect(await run(io, ['edi', '--document', 'trip.json', '--now', NOW])).toBe(0);
    expect(stdout()).toContain('[EDI_TEXT_ADJUSTED]');
    expect(written.get('002-358.x12')).toContain('NM1*PE*1*COTE*JEAN');
  });

  it('uses a replacement profile: the ISA receiver ID comes from the file', async () => {
    const profile = structuredClone(defaultEdiProfile());
    const custom = { ...profile, interchange: { ...profile.interchange, receiverId: 'CBPCERT' } };
    const { io, written } = memoryIo({
      'trip.json': JSON.stringify(aTrip({ shipments: [aShipment()] })),
      'profile.json': JSON.stringify(custom),
    });
    expect(
      await run(io, ['edi', '--document', 'trip.json', '--profile', 'profile.json', '--now', NOW]),
    ).toBe(0);
    expect(written.get('001-309.x12')).toContain('*ZZ*CBPCERT        *');
  });

  it('exits 2 on an invalid profile, naming each problem at its path', async () => {
    const broken = { ...defaultEdiProfile(), maxShipmentsPer309: 0 };
    const { io, stderr, written } = memoryIo({
      'trip.json': JSON.stringify(aTrip()),
      'profile.json': JSON.stringify(broken),
    });
    expect(await run(io, ['edi', '--document', 'trip.json', '--profile', 'profile.json'])).toBe(2);
    expect(stderr()).toContain(
      '--profile profile.json is not a valid EDI profile:\n  profile.json#/maxShipmentsPer309: ',
    );
    expect(written.size).toBe(0);
  });

  it('exits 2 when the document cannot be read or is not a trip', async () => {
    const { io } = memoryIo({
      'list.json': JSON.stringify({ data: 'ACE_SHIPMENT', shipments: [] }),
    });
    expect(await run(io, ['edi', '--document', 'missing.json'])).toBe(2);
    expect(await run(io, ['edi', '--document', 'list.json'])).toBe(2);
    expect(await run(io, ['edi'])).toBe(2);
  });
});
