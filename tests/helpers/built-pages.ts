import fs from 'node:fs';
import path from 'node:path';

/** The HTML files of a built site, as sorted paths inside it with forward slashes: `courses/index.html`. */
export function builtPages(site: string): string[] {
  return fs
    .readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}
