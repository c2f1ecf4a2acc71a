import type { Nodes } from 'mdast';
import { canParse, parseMarkdown } from './plain-text.ts';
import type { Problem } from '../report/problems.ts';
import { nodesOf } from '../core/walk.ts';

/**
 * Links that are allowed but not encrypted. Provincial platforms publish courses at http:// addresses that a
 * clerk cannot change, so a course's `link` and links in a body may be http://: the site marks them 不加密, and
 * `npm run validate` lists them as notes, not errors, so that staff can switch to https:// where the other
 * site offers it. GFM turns a bare `www.…` into an http:// link, so it is listed too.
 */

/** A bare address in text, as GFM's autolink literals find it. */
const BARE_ADDRESS = /(?<![\w@/.-])(?:https?:\/\/|www\.)[^\s<>\u3000-\u303f\uff08\uff09\uff0c\uff1b\uff01\uff1f]+/gi;

export function isInsecureUrl(url: string): boolean {
  return /^http:\/\//i.test(url.trim()) || /^www\./i.test(url.trim());
}

/** The http:// (and bare www.) addresses a Markdown body links to, each once, in order. */
export function insecureLinksInBody(markdown: string): string[] {
  if (!canParse(markdown)) return [];
  const found = new Set<string>();
  for (const node of nodesOf<Nodes>(parseMarkdown(markdown))) {
    if ((node.type === 'link' || node.type === 'definition') && isInsecureUrl(node.url)) found.add(node.url);
    if (node.type === 'text') {
      for (const [address] of node.value.matchAll(BARE_ADDRESS)) if (isInsecureUrl(address)) found.add(address);
    }
  }
  return [...found];
}

/** Notes for one entry: its `link` and its body's links that are not encrypted. */
export function insecureLinkNotes(file: string, link: string | undefined, body: string): Problem[] {
  const notes: Problem[] = [];
  if (link && isInsecureUrl(link)) notes.push({ file, field: 'link', message: note(link) });
  for (const url of insecureLinksInBody(body)) notes.push({ file, field: '正文', message: note(url) });
  return notes;
}

function note(url: string): string {
  const shown = /^www\./i.test(url) ? `${url}（会按 http://${url} 打开）` : `${url} `;
  return `链接 ${shown}不加密：网站上会标出“不加密”。如果对方网站也能用 https:// 打开，请改成 https://`;
}
