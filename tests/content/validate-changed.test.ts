import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree, minimalCase, minimalCourse, toMarkdown, variant } from '../fixtures/entries.ts';
import { run } from '../helpers/run.ts';

// Git repositories live in the system temp folder, well away from the project's own repository.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zhulao-validate-changed-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

let repos = 0;

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: '测试',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: '测试',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** A repository whose first commit, on `branch`, holds the valid tree plus the given files under content/. */
function repoWithTree(files: Record<string, string> = {}, branch = 'main'): { repo: string; content: string } {
  const repo = path.join(scratch, `repo-${++repos}`);
  const content = makeTree(path.join(repo, 'content'), [], files);
  git(repo, 'init', '--quiet', '--initial-branch', branch);
  git(repo, 'add', '--all');
  git(repo, 'commit', '--quiet', '--message', '有效的内容');
  return { repo, content };
}

function write(content: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  fs.writeFileSync(path.join(content, file), text);
}

const validateChanged = (content: string) =>
  run('npm', ['run', '--silent', 'validate', '--', '--changed'], { CONTENT_DIR: content });
const validateAll = (content: string) => run('npm', ['run', '--silent', 'validate'], { CONTENT_DIR: content });

/** Entries that break one rule each, so that a report shows exactly which files were checked. */
const badOnMain = toMarkdown(variant(minimalCourse, 'x.md', { status: '已推荐' }));
const badOnBranch = toMarkdown(variant(minimalCourse, 'x.md', { batch: 9 }));
const badUntracked = toMarkdown(variant(minimalCase, 'x.md', { areas: [] }));
const good = toMarkdown(variant(minimalCourse, 'x.md', {}));

describe('npm run validate -- --changed', () => {
  it('checks only the entries changed against main: committed on the branch, edited, and new', () => {
    const { repo, content } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain });
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    write(content, 'courses/xin-kecheng.md', badOnBranch);
    git(repo, 'add', '--all');
    git(repo, 'commit', '--quiet', '--message', '新课程');
    write(content, 'cases/hai-mei-tijiao.md', badUntracked);

    const result = validateChanged(content);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toContain('只检查与 main 分支相比有改动的条目（2 个）');
    expect(result.stderr).toMatch(/courses\/xin-kecheng\.md:batch — 第 \d+ 行：没有第 9 批/);
    expect(result.stderr).toMatch(/cases\/hai-mei-tijiao\.md:areas — 第 \d+ 行：至少要选一个案例方面/);
    expect(result.stderr).toContain('内容检查发现 2 个问题（涉及 2 个文件）');
    // The bad file already on main is not this branch's doing
    expect(result.output).not.toContain('jiu-cuowu');

    // …whereas the full check reports it too
    const all = validateAll(content);
    expect(all.status).toBe(1);
    expect(all.stderr).toContain('courses/jiu-cuowu.md:status');
  });

  it('annotates each problem on its file and line for GitHub, under GitHub Actions only', () => {
    const { repo, content } = repoWithTree();
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    write(content, 'courses/xin-kecheng.md', badOnBranch);
    write(content, 'cases/hai-mei-tijiao.md', badUntracked);

    const result = run('npm', ['run', '--silent', 'validate', '--', '--changed'], {
      CONTENT_DIR: content,
      GITHUB_ACTIONS: 'true',
    });
    expect(result.status, result.output).toBe(1);
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(2);
    const batchLine = badOnBranch.split('\n').findIndex((line) => line.startsWith('batch:')) + 1;
    const course = annotations.find((a) => a.includes('courses/xin-kecheng.md'))!;
    expect(course).toMatch(
      new RegExp(`^::error file=[^,:]*courses/xin-kecheng\\.md,line=${batchLine},title=内容检查：batch::没有第 9 批`),
    );
    expect(annotations.find((a) => a.includes('cases/hai-mei-tijiao.md'))).toContain('::至少要选一个案例方面');
    // The readable report is still there, and nothing is annotated outside GitHub Actions
    expect(result.stderr).toContain('内容检查发现 2 个问题');
    expect(validateChanged(content).stdout).not.toContain('::error');
  });

  it('passes when the changed entries are good, using the media they name', () => {
    const { repo, content } = repoWithTree({
      'courses/images/fengmian.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    write(
      content,
      'courses/you-fengmian.md',
      toMarkdown(variant(minimalCourse, 'x.md', { cover: './images/fengmian.svg', coverAlt: '一部手机的屏幕' })),
    );
    write(content, 'courses/2022/ling-yi-men.md', good);

    const result = validateChanged(content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('内容检查通过：检查了 2 个条目');
  });

  it('reads a changed draft and the caption a changed entry names with the privacy rule (issue #19)', () => {
    const { repo, content } = repoWithTree();
    git(repo, 'checkout', '--quiet', '-b', 'caogao');
    write(content, 'courses/_caogao.md', '---\ntitle: 没写完\n---\n\n联系王老师 138 1234 5678\n');
    write(content, 'courses/media/zimu.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n报名请打一三八一二三四五六七八\n');
    write(
      content,
      'courses/you-zimu.md',
      toMarkdown(
        variant(minimalCourse, 'x.md', {
          resourceType: '视频资源',
          minutes: 3,
          video: 'https://www.lndx.edu.cn/video/example',
          captions: './media/zimu.vtt',
        }),
      ),
    );
    const result = validateChanged(content);
    expect(result.status, result.output).not.toBe(0);
    expect(result.stderr).toMatch(/_caogao\.md:正文 — 第 5 行：这里有像手机号码的数字（138\*{5}678）/);
    expect(result.stderr).toMatch(/zimu\.vtt:\(字幕\) — 第 4 行：这里有像手机号码的数字（138\*{5}678）/);
  });

  it('still reports a missing cover and a clash with an unchanged entry of the same name', () => {
    const { repo, content } = repoWithTree();
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    write(
      content,
      'courses/que-fengmian.md',
      toMarkdown(variant(minimalCourse, 'x.md', { cover: './images/mei-you.png', coverAlt: '一部手机' })),
    );
    write(content, 'courses/2022/shouji-yuyue-guahao.md', good);

    const result = validateChanged(content);
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toMatch(
      /courses\/que-fengmian\.md:cover — 第 \d+ 行：找不到封面图片文件「\.\/images\/mei-you\.png」/,
    );
    expect(result.stderr).toMatch(/shouji-yuyue-guahao\.md:\(文件名\) — 与 .*重名/);
  });

  it('compares against origin/main where only the remote branch exists, as in CI', () => {
    const { repo } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain });
    const clone = path.join(scratch, `ci-${++repos}`);
    git(scratch, 'clone', '--quiet', `file://${repo}`, clone);
    git(clone, 'checkout', '--quiet', '--detach');
    git(clone, 'branch', '--quiet', '--delete', 'main');
    write(path.join(clone, 'content'), 'courses/xin-kecheng.md', badOnBranch);

    const result = validateChanged(path.join(clone, 'content'));
    expect(result.stdout).toContain('只检查与 origin/main 分支相比有改动的条目（1 个）');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('courses/xin-kecheng.md:batch');
    expect(result.output).not.toContain('jiu-cuowu');
  });

  it('has nothing to check when no entry changed', () => {
    const { repo, content } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain });
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    fs.writeFileSync(path.join(repo, 'README.md'), '内容目录以外的改动\n');

    const result = validateChanged(content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('没有改动的条目，无需检查');
  });

  it('checks a changed draft for privacy and markup only: an unfinished field is no error', () => {
    const { repo, content } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain });
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    write(content, 'courses/_caogao.md', badOnBranch);

    const result = validateChanged(content);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('内容检查通过');
  });

  it.each([
    [
      'a data file changes',
      (content: string) => fs.appendFileSync(path.join(content, 'units.yaml'), '\n# 新单位\n'),
      'units.yaml',
    ],
    [
      'an entry is deleted',
      (content: string) => fs.rmSync(path.join(content, 'courses/shouji-yuyue-guahao.md')),
      '删除',
    ],
  ])('checks everything when %s, and says why', (_, change, reason) => {
    const { repo, content } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain });
    git(repo, 'checkout', '--quiet', '-b', 'xin-tiaomu');
    change(content);

    const result = validateChanged(content);
    expect(result.stdout).toContain(reason);
    expect(result.stdout).toContain('改为检查全部内容');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('courses/jiu-cuowu.md:status');
  });

  it('falls back to checking everything, and says so, when there is no main branch', () => {
    const { content } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain }, 'trunk');
    write(content, 'courses/xin-kecheng.md', good);

    const result = validateChanged(content);
    expect(result.stdout).toContain('找不到 main 分支');
    expect(result.stdout).toContain('改为检查全部内容');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('courses/jiu-cuowu.md:status');
  });

  it('falls back to checking everything in a shallow clone', () => {
    const { repo } = repoWithTree({ 'courses/jiu-cuowu.md': badOnMain });
    const clone = path.join(scratch, `shallow-${++repos}`);
    git(scratch, 'clone', '--quiet', '--depth', '1', `file://${repo}`, clone);

    const result = validateChanged(path.join(clone, 'content'));
    expect(result.stdout).toContain('浅克隆');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('courses/jiu-cuowu.md:status');
  });

  it('falls back to checking everything outside a git repository', () => {
    const content = makeTree(path.join(scratch, `plain-${++repos}`), [], { 'courses/jiu-cuowu.md': badOnMain });
    const result = validateChanged(content);
    expect(result.stdout).toContain('不在 git 仓库里');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('courses/jiu-cuowu.md:status');
  });

  it('refuses an option it does not know, in Chinese', () => {
    const result = run('npm', ['run', '--silent', 'validate', '--', '--change']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('不认识的参数：--change');
  });
});
