#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm ci` (the prepare script).
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (error) {
  console.error('emanifest: the compiled CLI is missing; run `npm run build` first.');
  console.error(String(error));
  process.exit(2);
}
await cli.main();
