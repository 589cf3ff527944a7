#!/usr/bin/env node
// Thin launcher: the CLI is written in TypeScript and compiled to dist/ by `npm ci` (prepare).
import('../dist/src/cli/main.js').catch((error) => {
  console.error('emanifest: the compiled CLI is missing; run `npm run build` first.');
  console.error(String(error));
  process.exit(2);
});
