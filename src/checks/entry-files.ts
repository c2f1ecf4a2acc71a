import fs from 'node:fs';
import path from 'node:path';
import { fieldAt } from '../schemas/contract.ts';
import { CourseSchema } from '../schemas/course.ts';
import { isLocalVideo } from '../schemas/shared.ts';
import { isInsideTree } from './tree-files.ts';
import { checkCaptions, checkPdf, checkVideoSize, RASTER_IMAGE, type Inspection } from './file-checks.ts';

/** An image to decode or a video to read once every entry is loaded (file-checks.ts: inspectFilesSync). */
export interface DeferredInspection extends Inspection {
  /** The entry that names the file */
  entry: string;
  field: string;
}

export interface MediaFields {
  cover?: string;
  video?: string;
  captions?: string;
  file?: string;
}

export interface FileProblem {
  field: keyof MediaFields;
  message: string;
}

/** Local files an entry names, resolved against the entry's folder. */
export function localFiles(entry: MediaFields): { field: keyof MediaFields; value: string }[] {
  const fields: (keyof MediaFields)[] = ['cover', 'video', 'captions', 'file'];
  return fields
    .filter((field) => entry[field] !== undefined && (field !== 'video' || isLocalVideo(entry.video)))
    .map((field) => ({ field, value: entry[field]! }));
}

export function resolveLocalFile(entryFile: string, value: string): string {
  return path.resolve(path.dirname(entryFile), value);
}

/**
 * The path as it must be written when a file exists whose name differs from `value` only in letter case
 * (Windows and macOS ignore case; the build and the web do not), or undefined.
 */
export function caseInsensitiveMatch(fromDir: string, value: string): string | undefined {
  const parts = value.split('/');
  let dir = fromDir;
  const written: string[] = [];
  for (const part of parts) {
    if (part === '.' || part === '..' || part === '') {
      written.push(part);
      dir = path.join(dir, part);
      continue;
    }
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return undefined;
    const names = fs.readdirSync(dir);
    const name = names.includes(part) ? part : names.find((n) => n.toLowerCase() === part.toLowerCase());
    if (!name) return undefined;
    written.push(name);
    dir = path.join(dir, name);
  }
  const result = written.join('/');
  return result !== value && fs.statSync(dir).isFile() ? result : undefined;
}

/**
 * Every local cover, video, captions and PDF file must exist inside the content tree and be what it claims to be.
 * PDFs, captions and video sizes are checked here; images and videos to decode go to `deferred`.
 */
export function checkLocalFiles(
  entryFile: string,
  entry: MediaFields,
  contentDir: string,
  deferred: DeferredInspection[] = [],
): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const { field, value } of localFiles(entry)) {
    const resolved = resolveLocalFile(entryFile, value);
    // Courses have all four media fields, and each means the same in every kind.
    const label = fieldAt(CourseSchema, [field]).contract?.label ?? field;
    if (path.relative(contentDir, resolved).startsWith('..')) {
      problems.push({
        field,
        message: `${label}「${value}」在内容目录之外，请把文件放进内容目录（例如和本文件放在同一文件夹）`,
      });
    } else if (fs.existsSync(resolved) && !isInsideTree(resolved, contentDir)) {
      problems.push({
        field,
        message: `${label}「${value}」经过符号链接指向内容目录之外的文件，不会发布；请把真正的文件复制进内容目录，再删去链接`,
      });
    } else if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
      const written = caseInsensitiveMatch(path.dirname(entryFile), value);
      problems.push({
        field,
        message: written
          ? `找不到${label}文件「${value}」：文件名的大小写和硬盘上的不一样（网站区分大小写，Windows 不区分）；请写成「${written}」`
          : `找不到${label}文件「${value}」，请检查文件名和路径（路径相对于本文件所在的文件夹，区分大小写）`,
      });
    } else {
      const message = checkContents(field, resolved, value);
      if (message) problems.push({ field, message });
      else if (field === 'video') deferred.push({ kind: 'video', path: resolved, value, entry: entryFile, field });
      else if (field === 'cover' && RASTER_IMAGE.test(resolved)) {
        deferred.push({ kind: 'image', path: resolved, value, entry: entryFile, field });
      }
    }
  }
  return problems;
}

/** What the quick checks find wrong inside a file that exists: a PDF that is not one, captions, a video's size. */
function checkContents(field: keyof MediaFields, resolved: string, value: string): string | undefined {
  if (field === 'file') {
    const head = Buffer.alloc(8);
    const fd = fs.openSync(resolved, 'r');
    try {
      fs.readSync(fd, head, 0, 8, 0);
    } finally {
      fs.closeSync(fd);
    }
    return checkPdf(head, value);
  }
  if (field === 'captions') return checkCaptions(fs.readFileSync(resolved), value);
  if (field === 'video') return checkVideoSize(fs.statSync(resolved).size, value);
  return undefined;
}

/**
 * Every image a body shows must be a file inside the content tree: Astro would otherwise stop the build with an
 * English error (ImageNotFound). Paths are as the Markdown renderer collected them (./markdown/pipeline.ts).
 */
export function checkBodyImages(
  entryFile: string,
  images: readonly string[],
  contentDir: string,
  deferred: DeferredInspection[] = [],
): BodyImageProblem[] {
  const problems: BodyImageProblem[] = [];
  for (const image of new Set(images)) {
    const resolved = resolveLocalFile(entryFile, image);
    if (path.relative(contentDir, resolved).startsWith('..')) {
      problems.push({
        field: '正文',
        message: `正文里的图片「${image}」在内容目录之外，请把图片放进内容目录（例如 ./images/），再写成 ![图片说明](./images/图片.png)`,
      });
    } else if (fs.existsSync(resolved) && !isInsideTree(resolved, contentDir)) {
      problems.push({
        field: '正文',
        message: `正文里的图片「${image}」经过符号链接指向内容目录之外的文件，不会发布；请把真正的图片复制进内容目录，再删去链接`,
      });
    } else if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
      problems.push({
        field: '正文',
        message: `找不到正文里的图片「${image}」，请检查文件名和路径（路径相对于本文件所在的文件夹，区分大小写），或删去这张图片`,
      });
    } else if (RASTER_IMAGE.test(resolved)) {
      deferred.push({ kind: 'image', path: resolved, value: image, entry: entryFile, field: '正文' });
    }
  }
  return problems;
}

export interface BodyImageProblem {
  field: '正文';
  message: string;
}
