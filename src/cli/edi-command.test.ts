import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aDriver, aShipment, aTrip } from '../../test/builders.js';
import { readBackStrictly } from '../../test/x12-readback.js';
import { defaultEdiProfile } from '../edi/index.js';
import { processIo, run } from './main.js';
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

  /** The command on the real file system: the folder and its files are made as `emanifest` makes them. */
  function onDisk() {
    const memory = memoryIo({ 'trip.json': JSON.stringify(aTrip()) });
    const { makeDirectory, writeFile } = processIo;
    return { ...memory, io: { ...memory.io, makeDirectory, writeFile } };
  }

  // Node 20's recursive mkdir looped forever (at 90% CPU) on a folder /proc refuses.
  it.skipIf(!existsSync('/proc/self'))(
    'exits 2 in one line when the --out folder cannot be made (/proc/nope)',
    async () => {
      const { io, stderr } = onDisk();
      const args = ['edi', '--document', 'trip.json', '--out', '/proc/nope', '--now', NOW];
      expect(await run(io, args)).toBe(2);
      expect(stderr()).toBe('emanifest edi: the folder /proc/nope cannot be written (ENOENT).\n');
    },
    10_000,
  );

  it('exits 2 in one line when --out is a file, or a folder it may not write in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emanifest-edi-out-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const { io, stderr } = onDisk();
    expect(await run(io, ['edi', '--document', 'trip.json', '--out', file, '--now', NOW])).toBe(2);
    expect(stderr()).toBe(
      `emanifest edi: the folder ${file} cannot be written (ENOTDIR: a file is in the way).\n`,
    );
    const full = onDisk();
    const failing = {
      ...full.io,
      writeFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
    };
    expect(await run(failing, ['edi', '--document', 'trip.json', '--out', dir, '--now', NOW])).toBe(
      2,
    );
    expect(full.stderr()).toBe(
      `emanifest edi: ${join(dir, '001-309.x12')} cannot be written (EACCES).\n`,
    );
  });
});
