import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  searchEachWord,
  type Pagefind,
  type PagefindResult,
  type PagefindResultData,
} from '../../../src/scripts/search.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * A Pagefind that behaves as its web worker does: each result's data lives in the worker until the result object
 * that was handed out is garbage-collected (a FinalizationRegistry tells the worker to release it), after which
 * reading it gives null.
 */
function workerLikePagefind(pages: Record<string, string[]>): Pagefind {
  const store = new Map<string, PagefindResultData>();
  const release = new FinalizationRegistry<string>((id) => store.delete(id));
  return {
    init: async () => {},
    mergeIndex: async () => {},
    options: async () => {},
    filters: async () => ({}),
    search: async (word) => {
      const results: PagefindResult[] = Object.entries(pages)
        .filter(([, words]) => words.includes(word ?? ''))
        .map(([url]) => {
          const id = `${url}#${word}`;
          store.set(id, { url, excerpt: '', content: url, meta: {} });
          const result: PagefindResult = { id: url, score: 1, data: async () => store.get(id) ?? (null as never) };
          release.register(result, id);
          return result;
        });
      return { results, filters: {} };
    },
  };
}

describe('searchEachWord: the wider search, one word at a time', () => {
  it('keeps every result readable after the garbage collector has run (Pagefind releases data of collected results)', async () => {
    const pagefind = workerLikePagefind({ '/a/': ['叫车', '出租'], '/b/': ['叫车'], '/c/': ['出租'] });
    const merged = await searchEachWord(pagefind, ['叫车', '出租'], {}, new Set());
    expect(merged.results.map((r) => r.id)).toEqual(['/a/', '/b/', '/c/']);
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const data = await Promise.all(merged.results.map((r) => r.data()));
    expect(data.map((d) => d?.url)).toEqual(['/a/', '/b/', '/c/']);
  });
});
