import fs from 'node:fs';
import path from 'node:path';

const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/;
const CHARSET_META = /<meta charset="utf-8"\s*\/?>/i;

/**
 * Astro writes its CSP `<meta>` after the head's other tags. A policy applies only to what follows it, so it
 * moves to just after `<meta charset>`: before any script, JSON-LD block or stylesheet.
 */
export function moveCspFirst(html: string): string {
  const csp = CSP_META.exec(html);
  const charset = CHARSET_META.exec(html);
  if (!csp || !charset || csp.index < charset.index) return html;
  const withoutCsp = html.slice(0, csp.index) + html.slice(csp.index + csp[0].length);
  const at = charset.index + charset[0].length;
  return withoutCsp.slice(0, at) + csp[0] + withoutCsp.slice(at);
}

/** Applies moveCspFirst to every page of a built site. */
export function moveCspFirstInSite(outDir: string): void {
  for (const name of fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const file = path.join(outDir, name);
    const html = fs.readFileSync(file, 'utf8');
    const moved = moveCspFirst(html);
    if (moved !== html) fs.writeFileSync(file, moved);
  }
}
