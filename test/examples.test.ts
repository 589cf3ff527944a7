/**
 * The examples are the product's demonstration (README): each must keep showing what it claims,
 * through the real, compiled command (`node bin/emanifest.js`, as `npx emanifest` runs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { readBackStrictly } from './x12-readback.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const NOW = '2024-07-15T08:00:00-04:00';

interface Report {
  files: {
    file: string;
    valid: boolean;
    issues: { code: string; severity: string; path: string; message: string }[];
  }[];
}

/** Every example the README lists, and the broken one: a new file is checked without a code change. */
const EXAMPLES = [
  ...readdirSync(join(root, 'examples'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => `examples/${file}`),
  'examples/broken/malformed-trip.json',
];

/**
 * One run of the compiled command over every example (starting Node costs more than
 * validating): its JSON report answers each test below.
 */
const spawned = spawnSync(
  process.execPath,
  ['bin/emanifest.js', 'validate', '--now', NOW, '--format', 'json', ...EXAMPLES],
  { cwd: root, encoding: 'utf8' },
);
const report = JSON.parse(spawned.stdout) as Report;

function validateJson(file: string): Report['files'][number] {
  const found = report.files.find((entry) => entry.file === file);
  if (found === undefined) throw new Error(`${file} is not in the report`);
  return found;
}

/** The same command in-process, for the text report (the spawn above covers the binary). */
async function emanifestText(...args: string[]) {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => out.push(text),
    readFile: (file) => readFile(join(root, file), 'utf8'),
    readBytes: (file) => readFile(join(root, file)),
    writeFile: () => Promise.reject(new Error('the examples test writes no files')),
    makeDirectory: () => Promise.reject(new Error('the examples test writes no files')),
    checkWritable: () => Promise.reject(new Error('the examples test writes no files')),
    clock: () => new Date(),
    env: {},
  };
  const status = await run(io, args);
  return { status, stdout: out.join('') };
}

const errorsOf = (file: Report['files'][number]) =>
  file.issues.filter((i) => i.severity === 'error');

describe('examples/', () => {
  it('paps-trip.json is a clean PAPS trip', () => {
    const file = validateJson('examples/paps-trip.json');
    expect(file.issues).toEqual([]);
    expect(file.valid).toBe(true);
  });

  it('commercial-api-trip.json, as an older integration sends it, is clean', () => {
    const file = validateJson('examples/commercial-api-trip.json');
    expect(file.issues).toEqual([]);
    expect(file.valid).toBe(true);
  });

  it('section-321-trip-2024.json passes: de minimis was open in 2024', () => {
    expect(errorsOf(validateJson('examples/section-321-trip-2024.json'))).toEqual([]);
  });

  it('section-321-trip-2026.json is refused: suspended since 2025-08-29, with what to do instead', () => {
    const file = validateJson('examples/section-321-trip-2026.json');
    expect(file.valid).toBe(false);
    const suspended = errorsOf(file).filter((i) => i.code === 'SECTION_321_SUSPENDED');
    expect(suspended.map((i) => i.path)).toEqual(['/shipments/0/type', '/shipments/1/type']);
    for (const issue of suspended) {
      expect(issue.message).toContain('EO 14324');
      expect(issue.message).toContain('CSMS #66065494');
      expect(issue.message).toContain('PAPS');
    }
  });

  it('hazmat-trip-without-insurance.json is refused for the missing insurance', () => {
    const file = validateJson('examples/hazmat-trip-without-insurance.json');
    expect(file.valid).toBe(false);
    expect(errorsOf(file).map((i) => i.path)).toContain('/truck/insurancePolicy');
  });

  it('in-bond-trip.json is a valid in-bond shipment', () => {
    expect(errorsOf(validateJson('examples/in-bond-trip.json'))).toEqual([]);
  });

  it('unassociated-shipments.json is a valid list of shipments', () => {
    expect(errorsOf(validateJson('examples/unassociated-shipments.json'))).toEqual([]);
  });

  it('all examples together: exit 1, with the text report for people', async () => {
    const result = await emanifestText(
      'validate',
      '--now',
      NOW,
      'examples/paps-trip.json',
      'examples/section-321-trip-2026.json',
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✓ examples/paps-trip.json');
    expect(result.stdout).toContain('✗ examples/section-321-trip-2026.json');
  });

  it('a malformed file exits 2 with its line and column', () => {
    expect(spawned.status).toBe(2);
    expect(validateJson('examples/broken/malformed-trip.json').issues[0]?.message).toContain(
      'examples/broken/malformed-trip.json:5:3: not valid JSON: a comma was expected',
    );
  });

  it('every example that is ready to file becomes X12 that node-x12 reads strictly', async () => {
    const ready = EXAMPLES.filter((file) =>
      validateJson(file).issues.every((i) => i.severity !== 'error'),
    ).filter((file) => !file.includes('unassociated'));
    expect(ready.length).toBeGreaterThan(2);
    const out = mkdtempSync(join(tmpdir(), 'emanifest-edi-'));
    // In-process (the spawn above covers the binary): real files in, real files out.
    const io: CliIo = {
      stdout: () => undefined,
      stderr: () => undefined,
      readFile: (file) => readFile(join(root, file), 'utf8'),
      readBytes: (file) => readFile(join(root, file)),
      writeFile: (file, data) => writeFile(file, data),
      makeDirectory: async (dir) => {
        await mkdir(dir, { recursive: true });
      },
      checkWritable: () => Promise.resolve(),
      clock: () => new Date(),
      env: {},
    };
    try {
      for (const [n, file] of ready.entries()) {
        const dir = join(out, String(n));
        expect(await run(io, ['edi', '--document', file, '--out', dir, '--now', NOW]), file).toBe(
          0,
        );
        const written = readdirSync(dir).sort();
        expect(written.at(-1)).toMatch(/-358\.x12$/);
        for (const name of written) {
          expect(() => readBackStrictly(readFileSync(join(dir, name), 'utf8')), name).not.toThrow();
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
