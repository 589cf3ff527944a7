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
    // Its issues as every command prints them: CODE /path: message.
    expect(stderr()).toContain(
      '\n  COMPANY_SCAC_TAKEN /scac: Another carrier here files under SCAC PRHL',
    );
    const malformed = withDatabase();
    const badScac = ['company', 'create', '--name', 'Bad', '--scac', 'ab1'];
    expect(await run(malformed.io, [...badScac, '--admin-email', 'x@bad.example'])).toBe(1);
    expect(malformed.stderr()).toContain('\n  COMPANY_SCAC_FORMAT /scac: ');
  });

  it('exits 2 when an option is missing', async () => {
    const { io } = withDatabase();
    expect(await run(io, ['company', 'create', '--name', 'X'])).toBe(2);
  });
});

describe('emanifest company edi', () => {
  it('shows the sender ID and filing mode, and sets them as an admin would', async () => {
    const shown = withDatabase();
    expect(await run(shown.io, ['company', 'edi', '--company', 'PRHL'])).toBe(0);
    expect(shown.stdout()).toBe(
      [
        'Sender ID (ISA06): PRHL (the SCAC, until CBP assigns one)',
        'Filing mode: test (ISA15 T): CBP certification',
        'Interchanges sent: 0',
        '',
      ].join('\n'),
    );
    const set = withDatabase();
    const args = ['company', 'edi', '--company', 'prhl', '--sender-id', 'PRHL CERT'];
    expect(await run(set.io, [...args, '--filing-mode', 'production'])).toBe(0);
    expect(set.stdout()).toContain('Sender ID (ISA06): PRHL CERT\n');
    expect(set.stdout()).toContain('Filing mode: production (ISA15 P): filed for real');
    const again = withDatabase();
    expect(await run(again.io, ['company', 'edi', '--company', 'PRHL'])).toBe(0);
    expect(again.stdout()).toContain('Filing mode: production');
  });

  it('exits 1 for a sender ID X12 cannot carry, 2 for a mode that is not one', async () => {
    const bad = withDatabase();
    const args = ['company', 'edi', '--company', 'PRHL', '--sender-id', 'prhl*1'];
    expect(await run(bad.io, args)).toBe(1);
    expect(bad.stderr()).toContain('EDI_SENDER_ID_FORMAT');
    const mode = withDatabase();
    const modeArgs = ['company', 'edi', '--company', 'PRHL', '--filing-mode', 'live'];
    expect(await run(mode.io, modeArgs)).toBe(2);
    expect(mode.stderr()).toContain('--filing-mode must be test or production');
  });
});
