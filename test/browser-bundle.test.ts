/**
 * The web app will run the rule engine in the browser (live validation on the Start New ACE
 * Shipment screen), so domain, codes and rules must bundle for a browser with no Node built-ins.
 * Lint bans such imports file by file; this proves it for the whole dependency graph, including
 * third-party packages.
 */
import { build, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODE_BUILTIN = new RegExp(
  `^(node:.*|${builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|')})(/.*)?$`,
);

describe('browser bundle of the rule engine', () => {
  it('bundles src/rules for the browser without Node built-ins', async () => {
    // esbuild fails the whole build on a built-in it cannot resolve for a browser, so the
    // built-ins are collected here (and left external) to name each one and who imports it.
    const nodeImports: string[] = [];
    const collectNodeImports: Plugin = {
      name: 'collect-node-imports',
      setup(plugin) {
        plugin.onResolve({ filter: NODE_BUILTIN }, (args) => {
          nodeImports.push(`${args.importer} imports ${args.path}`);
          return { path: args.path, external: true };
        });
      },
    };
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/rules/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
      plugins: [collectNodeImports],
    });
    expect(nodeImports).toEqual([]);
    expect(Object.keys(result.metafile.inputs)).toContain('src/rules/engine.ts');
  });
});
