import fs from 'node:fs';
import path from 'node:path';
import { isLocalVideo } from '../schemas/shared.ts';
import { fieldLabel } from '../schemas/fields.ts';
import { isInsideTree } from './tree-files.ts';

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

/** Every local cover, video, captions and PDF file must exist inside the content tree. */
export function checkLocalFiles(entryFile: string, entry: MediaFields, contentDir: string): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const { field, value } of localFiles(entry)) {
    const resolved = resolveLocalFile(entryFile, value);
    const label = fieldLabel(field);
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
      problems.push({
        field,
        message: `找不到${label}文件「${value}」，请检查文件名和路径（路径相对于本文件所在的文件夹，区分大小写）`,
      });
    } else if (
      field === 'captions' &&
      !fs
        .readFileSync(resolved, 'utf8')
        .replace(/^\uFEFF/, '')
        .startsWith('WEBVTT')
    ) {
      problems.push({ field, message: `字幕文件「${value}」不是 WebVTT 格式，第一行必须是 WEBVTT` });
    }
  }
  return problems;
}

/**
 * Every image a body shows must be a file inside the content tree: Astro would otherwise stop the build with an
 * English error (ImageNotFound). Paths are as the Markdown renderer collected them (./markdown/pipeline.ts).
 */
export function checkBodyImages(entryFile: string, images: readonly string[], contentDir: string): BodyImageProblem[] {
  const problems: BodyImageProblem[] = [];
  for (const image of new Set(images)) {
    const resolved = resolveLocalFile(entryFile, image);
    if (path.relative(contentDir, resolved).startsWith('..')) {
      problems.push({
        field: '正文',
        message: `正文里的图片「${image}」在内容目录之外，请把图片放进内容目录（例如 ./images/），再写成 ![图片说明](./images/图片.png)`,
      });
    } else if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
      problems.push({
        field: '正文',
        message: `找不到正文里的图片「${image}」，请检查文件名和路径（路径相对于本文件所在的文件夹，区分大小写），或删去这张图片`,
      });
    }
  }
  return problems;
}

export interface BodyImageProblem {
  field: '正文';
  message: string;
}
