import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../../../src/core/placeholders.ts';
import { t } from '../../../src/i18n/zh-CN.ts';
import { contractOf } from '../../../src/schemas/contract.ts';
import { GlossaryTermSchema } from '../../../src/schemas/guides.ts';

describe('fillPlaceholders: the one {name} filler', () => {
  it('fills every placeholder it has a value for, numbers too, in one pass', () => {
    expect(
      fillPlaceholders('{title} 已有 {count} 字，超出上限 {max} 字', { title: '主要做法', count: 1620, max: 1500 }),
    ).toBe('主要做法 已有 1620 字，超出上限 1500 字');
    // A value that itself looks like a placeholder is not filled again.
    expect(fillPlaceholders('{a}{b}', { a: '{b}', b: '乙' })).toBe('{b}乙');
  });

  it('leaves a placeholder without a value visible, so that review notices it', () => {
    expect(fillPlaceholders('共 {count} 条，{missing}', { count: 3 })).toBe('共 3 条，{missing}');
    expect(fillPlaceholders('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('is what UI strings and field contracts are filled with', () => {
    expect(t('book.subtitle', { count: 12 })).not.toMatch(/\{count\}/);
    expect(contractOf(GlossaryTermSchema.shape.explanation)!.hint).toBe('用大白话解释，10–150 字');
  });
});
