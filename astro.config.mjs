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
  // One stylesheet for the whole site, linked by every page, and no <style> in any page: Vite puts all the CSS in one
  // file when it does not split CSS, and Astro links that file from every page (its astro:rollup-plugin-single-css).
  // Inlined page styles and their CSP hashes cost some 8 KB a page, 80–95 MB at 10,000 entries; the shared file is
  // fetched once and cached. Every rule therefore reaches every page: see docs/ARCHITECTURE.md, “加一个页面”.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { cssCodeSplit: false } },
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
