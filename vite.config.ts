/**
 * Builds the web app (src/web) into dist/web, which the API process serves at `/` (see
 * docs/web-app.md). `npm run build` runs it after tsc, so `npm ci` (prepare) and `npm start`
 * (prestart) both leave a current build behind: no second command on a fresh clone.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './scripts/precompress.js';

const outDir = fileURLToPath(new URL('dist/web', import.meta.url));

/** Brotli and gzip copies of the built files, which the service sends as they are. */
function precompressed(): Plugin {
  return {
    name: 'emanifest-precompressed',
    apply: 'build',
    async closeBundle() {
      await precompress(outDir);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('src/web', import.meta.url)),
  plugins: [react(), precompressed()],
  // Served by Fastify at the site root; API paths (/api, /healthz) never reach the SPA.
  base: '/',
  build: {
    outDir,
    emptyOutDir: true,
    // Source maps stay beside the bundle for debugging; they are fetched only by dev tools.
    sourcemap: true,
    // Vite's 500 kB (minified) warning is not our budget: the is 350 KB gzip of initial
    // JavaScript, reported in docs/web-app.md and, later, by `npm run bench`.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite` during development proxies the API to a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
