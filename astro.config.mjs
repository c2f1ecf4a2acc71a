// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { SITE_URL, BASE_PATH, astroCacheDir } from './src/config/paths.ts';
import { contentChecks } from './src/build/content-checks-integration.ts';
import { bodyProcessor } from './src/markdown/pipeline.ts';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  // A cache of its own for each content tree (CONTENT_DIR): see astroCacheDir.
  cacheDir: astroCacheDir(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentChecks(), mdx(), sitemap({ filter: (page) => !page.endsWith('/book/') })],
  // Entry bodies go through the one Markdown pipeline that validate also runs (src/markdown/pipeline.ts).
  // Shiki writes inline styles that a strict CSP would block; entries rarely contain code.
  markdown: { processor: bodyProcessor(), syntaxHighlight: false },
  security: {
    // Astro hashes its own scripts and styles into a <meta> CSP on every page.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs WebAssembly; nothing else needs more than 'self'.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
