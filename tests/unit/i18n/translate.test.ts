import { describe, expect, it } from 'vitest';
import { fill, translator } from '../../../src/i18n/translate.ts';
import { t, UI } from '../../../src/i18n/zh-CN.ts';
import { ENTRY_ACTIONS_UI } from '../../../src/i18n/zh-CN/entry-actions.ts';
import { FAVORITES_UI } from '../../../src/i18n/zh-CN/favorites.ts';
import { SEARCH_UI } from '../../../src/i18n/zh-CN/search.ts';

describe('fill', () => {
  it('fills every placeholder, the same one twice included', () => {
    expect(
      fill('没有找到“{query}”，您是不是要找“{fixed}”？已为您搜索“{fixed}”，找到 {count} 条结果', {
        query: '卦号',
        fixed: '挂号',
        count: 3,
      }),
    ).toBe('没有找到“卦号”，您是不是要找“挂号”？已为您搜索“挂号”，找到 3 条结果');
  });

  it('never fills a placeholder that a value brought in (a search for “{count}”)', () => {
    expect(fill('“{query}”找到 {count} 条结果', { query: '{count}', count: 0 })).toBe('“{count}”找到 0 条结果');
  });

  it('leaves a placeholder without a value visible, and writes 0 as 0', () => {
    expect(fill('第 {page} / {pages} 页', { page: 0 })).toBe('第 0 / {pages} 页');
  });
});

describe('translator', () => {
  it('reads the site table and the small tables a browser script imports alike', () => {
    expect(t('entry.minutesValue', { minutes: 12.5 })).toBe('12.5 分钟');
    const forFavorites = translator(FAVORITES_UI);
    expect(forFavorites('favorites.count', { count: 2 })).toBe(t('favorites.count', { count: 2 }));
  });

  it('spreads every browser table into the site table, unchanged, with no key defined twice', () => {
    const tables = [ENTRY_ACTIONS_UI, FAVORITES_UI, SEARCH_UI];
    const keys = tables.flatMap((table) => Object.keys(table));
    expect(new Set(keys).size).toBe(keys.length);
    for (const table of tables)
      for (const [key, text] of Object.entries(table)) expect(UI[key as keyof typeof UI]).toBe(text);
  });
});

describe('strings with markup', () => {
  it('hold markup only under a key ending in Html, and only <code> and links', () => {
    for (const [key, text] of Object.entries(UI)) {
      if (!key.endsWith('Html')) {
        expect(text, key).not.toMatch(/<[a-z/]/i);
        continue;
      }
      const tags = [...text.matchAll(/<\/?([a-z]+)[^>]*>/gi)].map((m) => m[0]);
      for (const tag of tags)
        expect(tag, key).toMatch(/^(<\/?code>|<a href="(#[\w-]+|https:\/\/[^"]+|\{url\})"( rel="[a-z ]+")?>|<\/a>)$/);
    }
  });
});
