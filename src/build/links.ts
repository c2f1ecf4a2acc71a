import { decodeEntities } from '../core/html-entities.ts';

/** Links in built HTML: every href and src, as written. */
export function linksInHtml(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** Whether a link leaves the site (an absolute http(s) URL on another origin). */
export function isExternal(link: string, siteUrl: string): boolean {
  return /^https?:\/\//i.test(link) && new URL(link).origin !== new URL(siteUrl).origin;
}
