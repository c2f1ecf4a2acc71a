import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** A cover as a tiny picture (8×8, its colours), to tell two covers apart whatever their size or format. */
async function thumbnail(file: string): Promise<Buffer> {
  return sharp(file).resize(8, 8, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

const distance = (a: Buffer, b: Buffer) => a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length;

export interface CoverCheck {
  /** Entries whose page shows a cover */
  covers: number;
  /** Images a page names that are not in the site (Astro's ImageNotFound, or a cache from another tree) */
  missing: string[];
  /** Pages whose cover is not the picture in the tree that was built */
  foreign: string[];
}

/**
 * Whether every entry page of a built site shows the cover that its tree holds: the page's optimised image exists
 * in the site, and looks like the tree's cover file (and unlike every other cover of the tree).
 */
export async function checkPublishedCovers(site: string, tree: string): Promise<CoverCheck> {
  const result: CoverCheck = { covers: 0, missing: [], foreign: [] };
  const covers = new Map<string, string>();
  for (const kind of ['courses', 'cases', 'projects']) {
    const dir = path.join(tree, kind);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const cover = /^cover:\s*(\S+)\s*$/m.exec(fs.readFileSync(path.join(dir, name), 'utf8'))?.[1];
      if (cover) covers.set(`${kind}/${name.slice(0, -3)}`, path.join(dir, cover));
    }
  }
  const thumbnails = new Map<string, Buffer>();
  for (const [page, file] of covers) thumbnails.set(page, await thumbnail(file));
  for (const [page, own] of thumbnails) {
    const html = fs.readFileSync(path.join(site, page, 'index.html'), 'utf8');
    // The cover is the entry's only <img> with a srcset of optimised widths.
    const src = /<img\b[^>]*\bsrcset="[^"]*"[^>]*>/.exec(html)?.[0].match(/\bsrc="([^"]+)"/)?.[1];
    if (!src) {
      result.missing.push(`${page}（页面上没有封面）`);
      continue;
    }
    result.covers++;
    const file = path.join(site, decodeURIComponent(src.replace(/^\/+/, '').replace(/\?.*$/, '')));
    if (!fs.existsSync(file)) {
      result.missing.push(`${page}: ${src}`);
      continue;
    }
    const shown = await thumbnail(file);
    const mine = distance(shown, own);
    const closest = Math.min(...[...thumbnails].filter(([other]) => other !== page).map(([, t]) => distance(shown, t)));
    if (mine > closest) result.foreign.push(page);
  }
  return result;
}
