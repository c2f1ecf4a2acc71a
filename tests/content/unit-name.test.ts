/**
 * A clerk copies the unit's name from the form into `unit`, where its id belongs. Validation and the build both
 * read it as that unit: the entry is published under the unit's id, with the unit's own name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/checks/validator.ts';
import { unitIdForName } from '../../src/checks/unit-names.ts';
import { makeTree, minimalCourse, variant } from '../fixtures/entries.ts';
import { OUTPUT, run } from '../helpers/run.ts';

const UNITS = new Map([
  ['zhejiang-shili-laonian-kaida', { name: '浙江示例市老年开放大学' }],
  ['shandong-shili-shequ-xuexiao', { name: '山东示例县社区学校（示例县老年大学）' }],
]);

describe('unitIdForName', () => {
  it('matches a unit by its name, look-alike spellings included', () => {
    expect(unitIdForName('浙江示例市老年开放大学', UNITS)).toBe('zhejiang-shili-laonian-kaida');
    expect(unitIdForName(' 浙江示例市 老年开放大学 ', UNITS)).toBe('zhejiang-shili-laonian-kaida');
    expect(unitIdForName('山东示例县社区学校(示例县老年大学)', UNITS)).toBe('shandong-shili-shequ-xuexiao');
  });

  it('leaves ids, unknown names and non-text alone', () => {
    expect(unitIdForName('zhejiang-shili-laonian-kaida', UNITS)).toBeUndefined();
    expect(unitIdForName('浙江示例市老年大学', UNITS)).toBeUndefined();
    expect(unitIdForName(42, UNITS)).toBeUndefined();
    expect(unitIdForName('', UNITS)).toBeUndefined();
  });
});

describe('an entry whose unit is written as the unit’s name', () => {
  const entry = variant(minimalCourse, 'unit-by-name.md', { unit: '浙江示例市老年开放大学' });
  const tree = makeTree(path.join(OUTPUT, 'trees', 'unit-by-name'), [entry]);

  it('passes validation, read as the unit’s id', () => {
    const { problems, catalogue } = validateContent(tree);
    expect(problems).toEqual([]);
    expect(catalogue.entries.find((e) => e.slug === 'unit-by-name')?.data.unit).toBe('zhejiang-shili-laonian-kaida');
  });

  it('is built under that unit: its page names it and the open data carries its id', () => {
    const out = path.join(OUTPUT, 'unit-by-name-build');
    const result = run('npx', ['astro', 'build', '--outDir', out], { CONTENT_DIR: tree });
    expect(result.status, result.output).toBe(0);
    expect(fs.readFileSync(path.join(out, 'courses/unit-by-name/index.html'), 'utf8')).toContain(
      '浙江示例市老年开放大学',
    );
    const exported = JSON.stringify(JSON.parse(fs.readFileSync(path.join(out, 'data/entries.json'), 'utf8')));
    expect(exported).toContain('zhejiang-shili-laonian-kaida');
  });
});
