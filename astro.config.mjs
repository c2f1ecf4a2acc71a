// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { SITE_URL, BASE_PATH } from './src/lib/paths.ts';
import { contentChecks } from './src/lib/content-checks-integration.ts';

export default defineConfig({
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [contentChecks(), mdx()],
});
