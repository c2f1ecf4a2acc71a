import fs from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../checks/validator.ts';
import { localFiles, resolveLocalFile } from '../checks/entry-files.ts';
import { CONTENT_DIR, type Kind } from '../config/paths.ts';
import { isInsideTree } from '../checks/tree-files.ts';

/**
 * Where a local video, captions or PDF file of an entry is published: `/media/<kind>/<slug>/<file name>`.
 * The content-checks integration copies the files there after the build.
 */
export function mediaPath(kind: Kind, slug: string, value: string): string {
  return `/media/${kind}/${slug}/${encodeURIComponent(path.basename(value))}`;
}

export interface MediaCopy {
  /** The file in the content tree */
  from: string;
  /** Its path in the built site, from mediaPath (URL-encoded) */
  to: string;
}

/** The local videos, captions and PDFs of a checked catalogue (covers go through astro:assets instead). */
export function mediaCopies(catalogue: Catalogue): MediaCopy[] {
  return catalogue.entries.flatMap((entry) =>
    localFiles(entry.data)
      .filter(({ field }) => field !== 'cover')
      .map(({ value }) => ({
        from: resolveLocalFile(entry.file, value),
        to: mediaPath(entry.kind, entry.slug, value),
      })),
  );
}

/** Copies the media files into a built site at `outDir`. */
export function publishMedia(copies: readonly MediaCopy[], outDir: string): void {
  for (const { from, to } of copies) {
    // The checks refuse links; this guard keeps a build that skipped them from copying a file outside the tree.
    if (fs.lstatSync(from).isSymbolicLink() || !isInsideTree(from, CONTENT_DIR)) {
      throw new Error(`「${from}」是符号链接或在内容目录之外，不会发布；请运行 npm run validate 查看怎么改`);
    }
    const target = path.join(outDir, decodeURIComponent(to));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(from, target);
  }
}

const MEDIA_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
};

interface DevRequest {
  url?: string;
}
interface DevResponse {
  setHeader(name: string, value: string): void;
  end(body: Buffer): void;
}

/**
 * For `npm run dev`: serves the entries' videos, captions and PDFs at the paths a build publishes them to, which
 * the dev server otherwise answers with 404.
 */
export function serveMedia(copies: readonly MediaCopy[], basePath: string) {
  const byPath = new Map(copies.map((copy) => [`${basePath.replace(/\/$/, '')}${copy.to}`, copy.from]));
  return (req: DevRequest, res: DevResponse, next: () => void): void => {
    const file = byPath.get((req.url ?? '').split(/[?#]/)[0]!);
    if (!file || !fs.existsSync(file)) return next();
    res.setHeader('Content-Type', MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.end(fs.readFileSync(file));
  };
}
