import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './main.js';
import { memoryIo } from './test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'emanifest-company-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function withDatabase() {
  const memory = memoryIo({});
  return { ...memory, io: { ...memory.io, env: { SQLITE_PATH: join(dir, 'db.sqlite') } } };
}

describe('emanifest company create', () => {
  const args = ['company', 'create', '--name', 'Prairie Haul', '--scac', 'PRHL'];

  it('creates the company and prints an admin invitation token', async () => {
    const { io, stdout } = withDatabase();
    expect(await run(io, [...args, '--admin-email', 'Boss@Prairie.example'])).toBe(0);
    expect(stdout()).toContain('Created Prairie Haul (SCAC PRHL');
    expect(stdout()).toMatch(/invitation for boss@prairie\.example[^\n]*\n {2}emi_\S+/);
  });

  it('exits 1 with the reason when the SCAC is taken or malformed', async () => {
    const { io, stderr } = withDatabase();
    expect(await run(io, [...args, '--admin-email', 'x@prairie.example'])).toBe(1);
    expect(stderr()).toContain('SCAC PRHL already exists');
  });

  it('exits 2 when an option is missing', async () => {
    const { io } = withDatabase();
    expect(await run(io, ['company', 'create', '--name', 'X'])).toBe(2);
  });
});
