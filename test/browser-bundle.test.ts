/**
 * The web app will run the rule engine in the browser (live validation on the Start New ACE
 * Shipment screen), so domain, codes and rules must bundle for a browser with no Node built-ins.
 * Lint bans such imports file by file; this proves it for the whole dependency graph, including
 * third-party packages.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('browser bundle of the rule engine', () => {
  it('bundles src/rules for the browser without Node built-ins', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/rules/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.startsWith('node:'))).toBe(false);
    expect(inputs).toContain('src/rules/engine.ts');
  });
});
