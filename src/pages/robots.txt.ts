import type { APIRoute } from 'astro';
import { absoluteUrl } from '../config/paths.ts';

/** Every page may be indexed; the sitemap (written by @astrojs/sitemap) lists them, under the public address. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
