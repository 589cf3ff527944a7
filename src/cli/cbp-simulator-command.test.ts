import { describe, expect, it } from 'vitest';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

describe('emanifest cbp-simulator', () => {
  it('refuses a scenario that is not valid, naming the field, before starting', async () => {
    const { io, stderr } = memoryIo({
      'bad.json': JSON.stringify({ acceleration: 0, holds: [{}] }),
    });
    expect(await run(io, ['cbp-simulator', '--scenario', 'bad.json'])).toBe(2);
    expect(stderr()).toContain('--scenario bad.json is not a valid scenario');
    expect(stderr()).toContain('/acceleration');
    expect(stderr()).toContain('/holds/0/scn');
  });

  it('refuses an EDI profile that is not valid, at its path, before starting', async () => {
    const { io, stderr } = memoryIo({
      'profile.json': JSON.stringify({ name: 'partial' }),
    });
    expect(await run(io, ['cbp-simulator', '--profile', 'profile.json'])).toBe(2);
    expect(stderr()).toContain('--profile profile.json is not a valid EDI profile');
    expect(stderr()).toContain('profile.json#/interchange: ');
  });

  it('refuses a port that is not a number', async () => {
    const { io, stderr } = memoryIo({});
    expect(await run(io, ['cbp-simulator', '--port', 'http'])).toBe(2);
    expect(stderr()).toContain('--port must be a number from 0 to 65535');
  });
});
