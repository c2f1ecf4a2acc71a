/**
 * File paths as Windows users write them: backslashes, a path on their own computer, a name whose letter case
 * differs from the file on disk. Each is refused with the path exactly as it should be written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { makeTree, minimalCourse, variant } from '../fixtures/entries.ts';
import { OUTPUT } from '../helpers/run.ts';

const PDF = '%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

function messagesFor(name: string, fields: Record<string, unknown>, files: Record<string, string> = {}) {
  const entry = variant(minimalCourse, `${name}.md`, fields);
  const dir = makeTree(path.join(OUTPUT, 'trees', 'file-paths', name), [entry], files);
  return validateContent(dir)
    .problems.filter((p) => p.file === path.join(dir, 'courses', `${name}.md`))
    .map((p) => `${p.field} — ${p.message}`);
}

describe('local file paths written the Windows way', () => {
  it('refuses backslashes and gives the path with forward slashes', () => {
    const messages = messagesFor(
      'backslash',
      { file: 'files\\读本\\大字版.pdf' },
      { 'courses/files/读本/大字版.pdf': PDF },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^file — /);
    expect(messages[0]).toContain('请写成「./files/读本/大字版.pdf」');
  });

  it('keeps a leading ./ or ../ as written', () => {
    const messages = messagesFor(
      'backslash-dot',
      { file: '.\\files\\reader.pdf' },
      { 'courses/files/reader.pdf': PDF },
    );
    expect(messages[0]).toContain('请写成「./files/reader.pdf」');
  });

  it('tells a path on the writer’s own computer to copy the file in, naming the file', () => {
    const messages = messagesFor('drive-letter', { file: 'C:\\Users\\王老师\\Desktop\\挂号读本.pdf' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('是您电脑上的位置');
    expect(messages[0]).toContain('./images/挂号读本.pdf');
  });

  it('gives the exact spelling when only the letter case differs from the file on disk', () => {
    const messages = messagesFor('letter-case', { file: './Files/Reader.PDF' }, { 'courses/files/reader.pdf': PDF });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('大小写');
    expect(messages[0]).toContain('请写成「./files/reader.pdf」');
  });

  it('still says plainly when no file of that name exists in any case', () => {
    const messages = messagesFor('missing', { file: './files/none.pdf' }, { 'courses/files/reader.pdf': PDF });
    expect(messages[0]).toContain('找不到');
    expect(messages[0]).not.toContain('大小写和硬盘上的不一样');
  });

  it('accepts the path written right', () => {
    expect(messagesFor('right', { file: './files/reader.pdf' }, { 'courses/files/reader.pdf': PDF })).toEqual([]);
    expect(fs.existsSync(path.join(OUTPUT, 'trees', 'file-paths', 'right', 'courses', 'files', 'reader.pdf'))).toBe(
      true,
    );
  });
});
