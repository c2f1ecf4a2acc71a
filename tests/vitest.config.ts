import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// A build for publishing needs the public address (src/config/paths.ts); the tests build for this one unless a
// test sets its own. Set here, before Vitest starts, so that the global setup's build and every worker see it.
process.env.SITE_URL ||= 'https://zhulao.example.org';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/.output/**', 'node_modules/**'],
    globalSetup: ['tests/global-setup.ts'],
    // Builds and browsers are slow on a 2-core machine; these are ceilings, not targets.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Build-running tests share .astro caches; run files one at a time to keep them independent.
    fileParallelism: false,
  },
});
