/**
 * `npm run validate -- --changed`: checks only the entries changed against `main`, for quick feedback
 * on a pull request. The entries are copied into a small tree with the real data files and the media
 * they use, and that tree goes through the same validateContent as everything else.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryFilesOf, isDraft, validateContent } from './validator.ts';
import { checkTreeFiles } from './tree-files.ts';
import { readEntryText } from './frontmatter.ts';
import { localFiles, resolveLocalFile, type MediaFields } from './entry-files.ts';
import { KINDS, slugFromPath } from '../config/paths.ts';
import type { Problem } from '../report/problems.ts';

export type ChangedPlan =
  /** Check everything, for the reason given (in Chinese) */
  | { mode: 'all'; reason: string }
  /** Check these entry files and drafts (absolute paths under the content directory); may be empty */
  | { mode: 'some'; base: string; entries: string[] };

/** The branch changes are measured against; `origin/main` serves where only the remote branch exists (CI). */
export const BASE_BRANCH = 'main';

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ok: result.status === 0, out: result.stdout ?? '' };
}

const nulSeparated = (out: string) => out.split('\0').filter((s) => s !== '');

const isEntryFile = (relative: string) =>
  KINDS.some((kind) => relative.startsWith(`${kind}/`)) && /\.mdx?$/i.test(relative);

/** Local files (cover, video, captions, PDF) an entry file names, as absolute paths; unreadable entries name none. */
function mediaOf(file: string): string[] {
  try {
    const read = readEntryText(fs.readFileSync(file, 'utf8'));
    if (!read.ok) return [];
    const frontmatter = read.entry.data;
    const fields: MediaFields = {};
    for (const key of ['cover', 'video', 'captions', 'file'] as const) {
      if (typeof frontmatter[key] === 'string') fields[key] = (frontmatter[key] as string).trim();
    }
    return localFiles(fields).map(({ value }) => resolveLocalFile(file, value));
  } catch {
    return [];
  }
}

/** Works out what `--changed` should check. */
export function planChangedCheck(contentDir: string, baseBranch: string = BASE_BRANCH): ChangedPlan {
  const all = (reason: string): ChangedPlan => ({ mode: 'all', reason: `${reason}，改为检查全部内容。` });
  if (!fs.existsSync(contentDir)) return all('找不到内容目录');
  const top = git(contentDir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return all('内容目录不在 git 仓库里（或没有安装 git），无法找出改动');
  const root = top.out.trim();
  if (git(root, ['rev-parse', '--is-shallow-repository']).out.trim() === 'true') {
    return all(`这是浅克隆（shallow clone），历史不完整，无法和 ${baseBranch} 分支比较`);
  }
  const base = [`refs/heads/${baseBranch}`, `refs/remotes/origin/${baseBranch}`].find(
    (ref) => git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok,
  );
  if (!base) return all(`找不到 ${baseBranch} 分支（也没有 origin/${baseBranch}），无法找出改动`);
  const baseName = base.replace(/^refs\/(heads|remotes)\//, '');
  const mergeBase = git(root, ['merge-base', base, 'HEAD']);
  if (!mergeBase.ok) return all(`当前分支和 ${baseName} 没有共同的历史，无法找出改动`);

  const realContent = fs.realpathSync(contentDir);
  const scope = path.relative(root, realContent) || '.';
  // Committed, staged and unstaged changes since the branch left main, plus new files not yet added.
  const changed = new Set([
    ...nulSeparated(git(root, ['diff', '--name-only', '-z', '--no-renames', mergeBase.out.trim(), '--', scope]).out),
    ...nulSeparated(git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', scope]).out),
  ]);
  const exists = (file: string) => fs.existsSync(path.join(realContent, file));
  const inContent = [...changed]
    .map((file) => path.relative(realContent, path.join(root, file)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('..'));
  // Drafts are not published, but the repository is public: they get the privacy and markup rules (privacy-check.ts).
  const drafts = inContent.filter((file) => isDraft(file) && exists(file));
  const relativeToContent = inContent.filter((file) => !isDraft(file));

  const entries = relativeToContent.filter((file) => isEntryFile(file) && exists(file));
  const used = new Set(entries.flatMap((file) => mediaOf(path.join(realContent, file))));
  // Data files, deleted files and files no changed entry uses may affect entries (or lists) nobody touched.
  const others = relativeToContent.filter(
    (file) => !exists(file) || (!isEntryFile(file) && !used.has(path.join(realContent, file))),
  );
  if (others.length > 0) {
    const listed = others.slice(0, 3).join('、') + (others.length > 3 ? ` 等 ${others.length} 个文件` : '');
    return all(`改动或删除了 ${listed}，可能影响其他条目`);
  }
  return { mode: 'some', base: baseName, entries: [...entries, ...drafts].map((file) => path.join(contentDir, file)) };
}

/** A hard link where the file system allows one (no copying of large videos); a symbolic link would be refused. */
function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/**
 * Validates the given entries with the real data files, the media they name and any entry of the same
 * kind with the same slug (so that a clash is still reported). Problems name the real files. A rule that
 * relates an entry to other entries would see only this small tree: such a rule belongs with the full check.
 */
export function validateEntries(contentDir: string, entries: string[]): { problems: Problem[]; checked: number } {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'zhulao-changed-'));
  try {
    const toTree = (file: string) => path.join(tree, path.relative(contentDir, file));
    for (const d of fs.readdirSync(contentDir, { withFileTypes: true })) {
      if (d.isFile()) fs.copyFileSync(path.join(contentDir, d.name), path.join(tree, d.name));
    }
    const files = new Set(entries);
    for (const entry of entries) {
      const kind = path.relative(contentDir, entry).split(path.sep)[0]!;
      const slug = slugFromPath(entry).replace(/\.mdx$/i, '');
      for (const other of entryFilesOf(contentDir, kind)) {
        if (slugFromPath(other).replace(/\.mdx$/i, '') === slug) files.add(other);
      }
    }
    for (const file of files) {
      fs.mkdirSync(path.dirname(toTree(file)), { recursive: true });
      fs.copyFileSync(file, toTree(file));
      for (const media of mediaOf(file)) {
        const inside = !path.relative(contentDir, media).startsWith('..');
        if (inside && !/\.mdx?$/i.test(media) && fs.existsSync(media) && fs.statSync(media).isFile()) {
          if (!fs.existsSync(toTree(media))) linkOrCopy(media, toTree(media));
        }
      }
    }
    // Only the entries' own problems count: the data files are unchanged, and what they say about
    // entries left out of this small tree (a beginner path naming one, say) is not news.
    // The media an entry names are its own too: a caption or an SVG picture is read by the privacy rule.
    const checked = new Set([...files, ...[...files].flatMap(mediaOf)].map(toTree));
    const problems = validateContent(tree)
      .problems.filter((p) => checked.has(p.file))
      .map((p) => ({ ...p, file: path.join(contentDir, path.relative(tree, p.file)) }));
    // The small tree holds copies, so links and unsafe pictures are looked for in the real one.
    return { problems: [...checkTreeFiles(contentDir), ...problems], checked: files.size };
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}
