// Build-time only: the data that lets search forgive a typing slip or traditional characters (see
// src/search/query-correction.ts, which uses it in the browser). pinyin-pro and OpenCC's tables stay here; the page
// loads only the few kilobytes that the site's own vocabulary needs, and only when a search finds too little.
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js';
import { fuzzySyllable, type LexiconData } from './query-correction.ts';
import type { Catalogue, Entry } from '../collections/catalogue.ts';
import type { GlossaryTerm } from '../schemas/guides.ts';
import { cityOfUnit, PROVINCES } from '../schemas/provinces.ts';
import { htmlToPlainText } from '../markdown/plain-text.ts';

/** What the vocabulary is made of: every text that names a task in the site's own words. */
export interface VocabularySource {
  /** Scenario names and synonyms, glossary terms and aliases, unit, city and province names: kept whole */
  terms: string[];
  /** Entry titles and section headings: cut into words */
  texts: string[];
}

/** An entry's own text as search reads it: title, summary and body. */
export const searchableText = (entry: Entry): string =>
  [entry.data.title, entry.data.summary, htmlToPlainText(entry.rendered?.html ?? '')].join('\n');

/** The entry's section headings (the collections keep the rendered HTML, not the Markdown). */
const headings = (entry: Entry): string[] =>
  [...(entry.rendered?.html ?? '').matchAll(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/g)].map((m) => htmlToPlainText(m[1]!));

/** The site's own words: scenarios and their synonyms, the glossary, units, provinces, titles and headings. */
export function searchVocabularySource(catalogue: Catalogue, glossary: Map<string, GlossaryTerm>): VocabularySource {
  return {
    terms: [
      ...catalogue.scenarios.flatMap((s) => [s.name, ...s.synonyms]),
      ...[...glossary.values()].flatMap((g) => [g.term, ...g.aliases]),
      ...[...catalogue.units.values()].flatMap((u) => [u.name, cityOfUnit(u)?.name ?? '']),
      ...PROVINCES.flatMap((p) => [p.name, p.fullName]),
    ],
    texts: catalogue.all.flatMap((e) => [e.data.title, ...headings(e)]),
  };
}

/** The vocabulary grows with the catalogue; past this many words only the most frequent are kept. */
export const MAX_WORDS = 2500;

const HAN_RUN = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** The characters of GB2312 (6,763, the ones an input method offers first): the slips people make are among them. */
function commonCharacters(): string[] {
  const decoder = new TextDecoder('gb2312');
  const chars: string[] = [];
  for (let high = 0xb0; high <= 0xf7; high++)
    for (let low = 0xa1; low <= 0xfe; low++) {
      const char = decoder.decode(new Uint8Array([high, low]));
      if (/^\p{Script=Han}$/u.test(char)) chars.push(char);
    }
  return chars;
}

/**
 * How characters are built (cjk-decomp, shipped in the hanzi package): 桂 is 木 beside 圭, 挂 is 扌 beside 圭. Read
 * at build time only; the page gets the groups that shapeGroups makes of it.
 */
function decompositions(): Map<string, { layout: string; parts: string[] }> {
  const text = createRequire(import.meta.url)('hanzi/lib/data/cjk-decomp.txt.js') as string;
  const map = new Map<string, { layout: string; parts: string[] }>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([^:]+):([^(]*)\(([^)]*)\)$/.exec(line);
    if (match) map.set(match[1]!, { layout: match[2]!, parts: match[3]!.split(',') });
  }
  return map;
}

/** A part shared by more characters than this (扌, 口 beside anything) makes them no more alike than any two. */
export const MAX_SHAPE_GROUP = 16;

/**
 * Characters that look alike, as handwriting or a wrong pick from a shape input method confuses them: those built
 * the same way from the same parts but one (桂 挂 佳 娃 蛙 …: something beside 圭). Only groups that hold a character of
 * `chars` (the vocabulary's) are kept, and only the common characters (GB2312) among their members.
 */
export function shapeGroups(chars: ReadonlySet<string>): string[][] {
  const built = decompositions();
  const groups = new Map<string, string[]>();
  for (const char of new Set([...commonCharacters(), ...chars])) {
    const shape = built.get(char);
    if (!shape || shape.parts.length < 2) continue;
    shape.parts.forEach((_, i) => {
      const key = `${shape.layout}(${shape.parts.map((p, j) => (j === i ? '*' : p)).join(',')})`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(char);
    });
  }
  return [...groups.values()].filter(
    (group) => group.length >= 2 && group.length <= MAX_SHAPE_GROUP && group.some((c) => chars.has(c)),
  );
}

function readings(char: string): string[] {
  return pinyin(char, { toneType: 'none', multiple: true, type: 'array', v: true });
}

/** Words of two or more Chinese characters, ranked by how many texts contain them, most first. */
export function vocabulary(source: VocabularySource): string[] {
  const words = new Set<string>();
  for (const term of source.terms) for (const run of term.match(HAN_RUN) ?? []) if (run.length >= 2) words.add(run);
  for (const text of source.texts)
    for (const run of text.match(HAN_RUN) ?? [])
      for (const { segment } of segmenter.segment(run)) if ([...segment].length >= 2) words.add(segment);
  const counts = new Map([...words].map((w) => [w, 0]));
  const longest = Math.max(0, ...[...words].map((w) => w.length));
  for (const text of [...source.terms, ...source.texts]) {
    const seen = new Set<string>();
    for (const run of text.match(HAN_RUN) ?? [])
      for (let i = 0; i < run.length; i++)
        for (let n = 2; n <= longest && i + n <= run.length; n++) {
          const piece = run.slice(i, i + n);
          if (counts.has(piece)) seen.add(piece);
        }
    for (const w of seen) counts.set(w, counts.get(w)! + 1);
  }
  const terms = new Set(source.terms.flatMap((t) => t.match(HAN_RUN) ?? []));
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([w]) => w)
    .filter((w, i) => i < MAX_WORDS || terms.has(w));
}

const HAN_CHARACTER = /\p{Script=Han}/u;

/**
 * The Chinese characters that the texts use, read one text at a time: matching all of the site's text at once made
 * an array of every character (some 50 million strings, over 1 GB, at 10,000 entries).
 */
export function hanCharacters(texts: Iterable<string>): Set<string> {
  const chars = new Set<string>();
  for (const text of texts) for (const char of text) if (!chars.has(char) && HAN_CHARACTER.test(char)) chars.add(char);
  return chars;
}

/**
 * The correction and conversion data: the vocabulary, the readings of the characters that sound like its
 * characters, the groups of characters that look like them, and the traditional forms of the characters that the
 * site's text uses.
 */
export function buildLexicon(source: VocabularySource, siteTexts: Iterable<string>): LexiconData {
  const words = vocabulary(source);
  const vocabularyChars = new Set(words.flatMap((w) => [...w]));
  const fuzzy = new Set([...vocabularyChars].flatMap(readings).map(fuzzySyllable));
  const bySound = new Map<string, Set<string>>();
  for (const char of new Set([...commonCharacters(), ...vocabularyChars]))
    for (const syllable of readings(char))
      if (fuzzy.has(fuzzySyllable(syllable))) {
        if (!bySound.has(syllable)) bySound.set(syllable, new Set());
        bySound.get(syllable)!.add(char);
      }
  const sounds = [...bySound.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([syllable, chars]) => `${syllable}${[...chars].join('')}`)
    .join(' ');

  const siteChars = hanCharacters(siteTexts);
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const toTraditional = [
    OpenCC.Converter({ from: 'cn', to: 'tw' }),
    OpenCC.Converter({ from: 'cn', to: 'hk' }),
    OpenCC.Converter({ from: 'cn', to: 't' }),
  ];
  const pairs = new Map<string, string>();
  for (const char of siteChars)
    for (const convert of toTraditional) {
      const traditional = convert(char);
      if (traditional !== char && [...traditional].length === 1 && toSimplified(traditional) === char)
        pairs.set(traditional, char);
    }
  const simplified = [...pairs.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([t, s]) => t + s)
    .join('');
  const shapes = shapeGroups(vocabularyChars)
    .map((group) => group.join(''))
    .join(' ');
  return { words: words.join(' '), sounds, simplified, shapes };
}

/**
 * Pairs of neighbouring characters found on more than `share` of the entries (手机, 老年, 工作): they are no evidence
 * that a page is about a query (找工作 is not about the pages that say 工作). Counted on at most `sample` entries,
 * spread over the catalogue.
 */
export function commonPairs<T>(items: readonly T[], textOf: (item: T) => string, share = 0.4, sample = 2000): string[] {
  const step = Math.max(1, Math.ceil(items.length / sample));
  // Only the sampled items' texts are made: at 10,000 entries, all of them at once would hold some 150 MB.
  const picked = items.filter((_, i) => i % step === 0).map(textOf);
  const counts = new Map<string, number>();
  for (const text of picked) {
    const seen = new Set<string>();
    for (const run of text.match(HAN_RUN) ?? []) for (let i = 0; i + 1 < run.length; i++) seen.add(run.slice(i, i + 2));
    for (const pair of seen) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return [...counts.entries()]
    .filter(([, n]) => n > picked.length * share)
    .map(([pair]) => pair)
    .sort();
}
