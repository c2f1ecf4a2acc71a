import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, shownPath } from '../../../src/report/problems.ts';

describe('shownPath: a file as messages show it', () => {
  const root = path.resolve('/work/zhulao');

  it('is relative, with /, when the file is inside', () => {
    expect(shownPath(path.join(root, 'content', 'courses', 'shouji-guahao.md'), root)).toBe(
      'content/courses/shouji-guahao.md',
    );
  });

  it('is the path as given when the file is outside, or is the folder itself', () => {
    expect(shownPath('/tmp/shenbao/第一批.docx', root)).toBe('/tmp/shenbao/第一批.docx');
    expect(shownPath(root, root)).toBe(root);
  });

  it('is what a problem line starts with', () => {
    const problem = { file: path.join(root, 'content/cases/a.md'), field: 'title', message: '请填写名称' };
    expect(formatProblem(problem, root)).toBe('content/cases/a.md:title — 请填写名称');
  });
});
