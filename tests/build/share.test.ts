import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { SHARE_IMAGE, SITE_CARD, renderShareImage, shareImagePath } from '../../src/export/share-image.ts';
import { DIST } from '../helpers/run.ts';

// The global setup built the bundled content into dist/.
const { catalogue } = validateContent();
const page = (pagePath: string) => fs.readFileSync(path.join(DIST, pagePath, 'index.html'), 'utf8');
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
/** The site path of an absolute URL on this build's origin. */
const sitePath = (url: string) => new URL(url).pathname;
const ldJson = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );

describe('share cards', () => {
  it('give every entry with a cover its own JPEG share image of 1200×630, under 60 KB, in dist', async () => {
    const withCover = catalogue.entries.filter((e) => e.data.cover);
    expect(withCover.length).toBeGreaterThan(0);
    for (const entry of withCover) {
      const html = page(`${entry.kind}/${entry.slug}`);
      const image = meta(html, 'og:image')!;
      expect(sitePath(image), entry.file).toBe(shareImagePath(entry.kind, entry.slug));
      expect(meta(html, 'og:image:alt'), entry.file).toBe(entry.data.coverAlt);
      expect(meta(html, 'og:image:width')).toBe('1200');
      expect(meta(html, 'og:image:height')).toBe('630');
      expect(meta(html, 'og:image:type')).toBe('image/jpeg');
      const file = path.join(DIST, sitePath(image));
      const info = await sharp(file).metadata();
      expect([info.format, info.width, info.height]).toEqual(['jpeg', 1200, 630]);
      expect(fs.statSync(file).size, file).toBeLessThan(SHARE_IMAGE.maxBytes);
    }
  });

  it('give every other page the committed site-wide PNG card', async () => {
    const withoutCover = catalogue.entries.find((e) => !e.data.cover)!;
    for (const pagePath of ['', 'courses', 'data', `${withoutCover.kind}/${withoutCover.slug}`]) {
      const html = page(pagePath);
      expect(sitePath(meta(html, 'og:image')!), pagePath).toBe(SITE_CARD.path);
      expect(meta(html, 'og:image:alt')).toMatch(/^智慧助老/);
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    }
    const card = path.join(DIST, SITE_CARD.path);
    const info = await sharp(card).metadata();
    expect([info.format, info.width, info.height]).toEqual(['png', 1200, 630]);
    expect(fs.statSync(card).size).toBeLessThan(SHARE_IMAGE.maxBytes);
  });

  it('offer a PNG apple-touch-icon', async () => {
    expect(page('')).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png">/);
    const info = await sharp(path.join(DIST, 'apple-touch-icon.png')).metadata();
    expect([info.format, info.width, info.height]).toEqual(['png', 180, 180]);
  });

  it('stay under 60 KB even for a detailed photograph', async () => {
    const noise = Buffer.alloc(1600 * 900 * 3);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 23;
    const photo = await sharp(noise, { raw: { width: 1600, height: 900, channels: 3 } })
      .jpeg()
      .toBuffer();
    const shared = await renderShareImage(photo);
    expect(shared.length).toBeLessThanOrEqual(SHARE_IMAGE.maxBytes);
    expect(await renderShareImage(photo)).toEqual(shared);
  });
});

describe('robots.txt', () => {
  it('allows everything and points to the sitemap, which exists', () => {
    const robots = fs.readFileSync(path.join(DIST, 'robots.txt'), 'utf8');
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(sitemap).toMatch(/^https?:\/\/[^/]+\/sitemap-index\.xml$/);
    expect(fs.existsSync(path.join(DIST, sitePath(sitemap!)))).toBe(true);
  });
});

describe('JSON-LD', () => {
  it('says only what the entry says: no price claim, a licence only as a URL, nothing for withdrawn entries', () => {
    let reserved = 0;
    for (const entry of catalogue.entries) {
      const blocks = ldJson(page(`${entry.kind}/${entry.slug}`));
      if (entry.data.withdrawn) {
        expect(blocks, entry.file).toEqual([]);
        continue;
      }
      expect(blocks).toHaveLength(1);
      const [ld] = blocks as [Record<string, unknown>];
      expect(ld['@type']).toBe(entry.kind === 'courses' ? 'Course' : 'Article');
      expect(ld).not.toHaveProperty('isAccessibleForFree');
      if (entry.data.license === '保留所有权利') {
        reserved++;
        expect(ld, entry.file).not.toHaveProperty('license');
      } else {
        expect(ld.license, entry.file).toMatch(/^https:\/\/creativecommons\.org\/licenses\//);
      }
    }
    expect(reserved).toBeGreaterThan(0);
    expect(catalogue.entries.some((e) => e.data.withdrawn)).toBe(true);
  });
});
