import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Catalogue } from '../checks/validator.ts';
import { resolveLocalFile } from '../checks/entry-files.ts';
import type { Kind } from '../config/paths.ts';

/**
 * The picture that QQ, 钉钉, 飞书, Weibo and other chat apps show beside a shared link (`og:image`).
 * Apps want a raster image of at least 300×300; 1200×630 is the size every app crops well. Only the sharing
 * app fetches it, so it is outside the page-weight budget, but each file stays under MAX_BYTES.
 */
export const SHARE_IMAGE = { width: 1200, height: 630, maxBytes: 60_000, type: 'image/jpeg' } as const;

/** The site-wide card for pages without a cover: a committed PNG (public/share-card.png), so no build renders text. */
export const SITE_CARD = { path: '/share-card.png', width: 1200, height: 630, type: 'image/png' } as const;

/** Where an entry's share image is published. */
export function shareImagePath(kind: Kind, slug: string): string {
  return `/share/${kind}/${slug}.jpg`;
}

export interface ShareImageJob {
  /** The cover file in the content tree */
  from: string;
  /** Its share image's path in the built site, from shareImagePath */
  to: string;
}

/** One share image for every entry with a cover. */
export function shareImageJobs(catalogue: Catalogue): ShareImageJob[] {
  return catalogue.entries
    .filter((entry) => entry.data.cover !== undefined)
    .map((entry) => ({
      from: resolveLocalFile(entry.file, entry.data.cover!),
      to: shareImagePath(entry.kind, entry.slug),
    }));
}

/** JPEG qualities tried in turn until the file fits; the last resort also reduces the detail. */
const QUALITIES = [82, 72, 62, 52, 42] as const;

/**
 * The cover, cropped to fill 1200×630 (centred) and flattened on white, as a baseline JPEG under MAX_BYTES.
 * The same cover always gives the same bytes, so that two builds of the same content are identical.
 */
export async function renderShareImage(cover: string | Buffer): Promise<Buffer> {
  const { width, height, maxBytes } = SHARE_IMAGE;
  const fitted = await sharp(cover, { density: 144 })
    .resize(width, height, { fit: 'cover', position: 'centre' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const encode = (pixels: Sharp, quality: number) =>
    pixels.jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' }).withMetadata({}).toBuffer();
  const fromRaw = () => sharp(fitted.data, { raw: fitted.info });
  for (const quality of QUALITIES) {
    const jpeg = await encode(fromRaw(), quality);
    if (jpeg.length <= maxBytes) return jpeg;
  }
  // A very detailed photo (or noise): keep less detail, at the same size, until it fits.
  for (const factor of [2, 4, 8, 16]) {
    const smaller = await fromRaw()
      .resize(Math.round(width / factor), Math.round(height / factor))
      .png()
      .toBuffer();
    const softened = await encode(sharp(smaller).resize(width, height), QUALITIES.at(-1)!);
    if (softened.length <= maxBytes) return softened;
  }
  throw new Error(`分享图片超过 ${maxBytes / 1000} KB：${typeof cover === 'string' ? cover : '封面图片'}`);
}

/** Writes the share images into a built site at `outDir`, two at a time (libvips uses the other core). */
export async function publishShareImages(jobs: readonly ShareImageJob[], outDir: string): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { from, to } = jobs[next++]!;
      const target = path.join(outDir, to);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, await renderShareImage(from));
    }
  };
  await Promise.all([worker(), worker()]);
}
