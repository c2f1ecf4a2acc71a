import path from 'node:path';
import type { Kind } from './paths.ts';

/**
 * Where a local video, captions or PDF file of an entry is published: `/media/<kind>/<slug>/<file name>`.
 * The content-checks integration copies the files there after the build.
 */
export function mediaPath(kind: Kind, slug: string, value: string): string {
  return `/media/${kind}/${slug}/${encodeURIComponent(path.basename(value))}`;
}
