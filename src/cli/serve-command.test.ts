import { describe, expect, it } from 'vitest';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

describe('emanifest serve', () => {
  it('prints why it cannot start, without the usage text', async () => {
    const { io, stderr } = memoryIo({});
    const withEnv = { ...io, env: { PORT: 'eighty' } };
    expect(await run(withEnv, ['serve'])).toBe(2);
    expect(stderr()).toContain('emanifest serve: configuration is invalid:');
    expect(stderr()).not.toContain('Usage:');
  });

  it('refuses an EDI profile file it cannot read, naming the setting and the file', async () => {
    const { io, stderr } = memoryIo({});
    const withEnv = { ...io, env: { EDI_PROFILE: '/nonexistent/cbp-profile.json' } };
    expect(await run(withEnv, ['serve'])).toBe(2);
    expect(stderr()).toContain(
      'emanifest serve: cannot start: EDI_PROFILE /nonexistent/cbp-profile.json cannot be read (ENOENT).',
    );
    expect(stderr()).not.toContain('Usage:');
  });
});
