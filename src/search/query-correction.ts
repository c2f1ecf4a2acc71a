// Forgives what a search box receives from a phone: traditional characters (掛號), a pinyin input method's
// homophone (卦号, 依保, 付宽), an accent's (徽信 for 微信), a look-alike from handwriting (桂号 for 挂号), and one
// wrong character in a longer word. Every correction lands on a word of the site's own vocabulary (see
// src/search/lexicon.ts, which builds the data).
import { normalizeQuery } from './query.ts';

/** The correction and conversion data, as the build writes it: compact strings, small once gzipped. */
export interface LexiconData {
  /** The site's vocabulary, space-separated, most frequent first */
  words: string;
  /** `gua挂卦瓜 hao号好…`: each syllable (toneless, ü as v) followed by the characters read so */
  sounds: string;
  /** `掛挂號号…`: each traditional character followed by its simplified form */
  simplified: string;
  /** `挂桂佳娃… 诈炸作昨…`: groups of characters that look alike (one part differs), space-separated */
  shapes: string;
}

export interface Lexicon {
  words: string[];
  known: Set<string>;
  rank: Map<string, number>;
  byLength: Map<number, string[]>;
  syllables: Map<string, Set<string>>;
  simplified: Map<string, string>;
  /** Each character's groups of look-alikes (by number) */
  shapes: Map<string, number[]>;
}

/**
 * A syllable as a southern or dialect speaker may say or type it: zh/ch/sh as z/c/s, n as l, f as h, -ng as -n,
 * and hu- as w- (黄 and 王, 徽 and 微). Two syllables with the same fuzzy form may be confused.
 */
export function fuzzySyllable(syllable: string): string {
  let s = syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?!g)/, 'l')
    .replace(/^f/, 'h')
    .replace(/^yu/, 'v')
    .replace(/^yi/, 'i')
    .replace(/^y/, 'i')
    .replace(/^wu/, 'u')
    .replace(/^w/, 'u')
    .replace(/ui$/, 'uei')
    .replace(/iu$/, 'iou')
    .replace(/un$/, 'uen');
  s = s.replace(/^hu/, 'u');
  return s.replace(/ng$/, 'n');
}

export function readLexicon(data: LexiconData): Lexicon {
  const words = data.words.split(' ').filter(Boolean);
  const byLength = new Map<number, string[]>();
  for (const word of words) {
    const n = [...word].length;
    if (!byLength.has(n)) byLength.set(n, []);
    byLength.get(n)!.push(word);
  }
  const syllables = new Map<string, Set<string>>();
  for (const group of data.sounds.split(' ')) {
    const syllable = group.match(/^[a-z]+/)?.[0] ?? '';
    for (const char of group.slice(syllable.length)) {
      if (!syllables.has(char)) syllables.set(char, new Set());
      syllables.get(char)!.add(syllable);
    }
  }
  const simplified = new Map<string, string>();
  const pairs = [...data.simplified];
  for (let i = 0; i + 1 < pairs.length; i += 2) simplified.set(pairs[i]!, pairs[i + 1]!);
  const shapes = new Map<string, number[]>();
  data.shapes.split(' ').forEach((group, i) => {
    for (const char of group) shapes.set(char, [...(shapes.get(char) ?? []), i]);
  });
  return {
    shapes,
    words,
    known: new Set(words),
    rank: new Map(words.map((w, i) => [w, i])),
    byLength,
    syllables,
    simplified,
  };
}

/** Traditional characters to simplified ones, as far as the site's own text needs them. */
export function toSimplified(text: string, lexicon: Lexicon): string {
  return [...text].map((char) => lexicon.simplified.get(char) ?? char).join('');
}

/** How alike two characters sound: 0 the same reading, 1 a fuzzy one (see fuzzySyllable), undefined not at all. */
function soundDistance(a: string, b: string, lexicon: Lexicon): number | undefined {
  const ra = lexicon.syllables.get(a);
  const rb = lexicon.syllables.get(b);
  if (!ra || !rb) return undefined;
  for (const x of ra) if (rb.has(x)) return 0;
  const fa = new Set([...ra].map(fuzzySyllable));
  for (const y of rb) if (fa.has(fuzzySyllable(y))) return 1;
  return undefined;
}

/** Whether two characters look alike: built the same way from the same parts but one (桂 and 挂). */
function looksAlike(a: string, b: string, lexicon: Lexicon): boolean {
  const groups = lexicon.shapes.get(b);
  return groups !== undefined && (lexicon.shapes.get(a) ?? []).some((g) => groups.includes(g));
}

/**
 * The cost of reading `typed` as the vocabulary word `word` of the same length, or undefined when they are too far
 * apart. At least half of the characters must be the same. Each other one must sound or look alike, except that a
 * word of three or more characters may have one character wrong however it sounds and looks (a slip of the pen).
 */
function distance(typed: string[], word: string[], lexicon: Lexicon): number | undefined {
  let cost = 0;
  let same = 0;
  let unlike = 0;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === word[i]) {
      same++;
      continue;
    }
    const sound = soundDistance(typed[i]!, word[i]!, lexicon);
    if (sound === undefined && looksAlike(typed[i]!, word[i]!, lexicon)) cost += 2;
    else if (sound === undefined) {
      unlike++;
      cost += 3;
    } else cost += 1 + sound;
  }
  if (same * 2 < typed.length || same === typed.length) return undefined;
  if (unlike > (typed.length >= 3 ? 1 : 0)) return undefined;
  return cost;
}

/** Vocabulary words that a typed word may have meant, each with its cost, best first (closest, then most frequent). */
function scoredCandidates(typed: string, lexicon: Lexicon): [string, number][] {
  const chars = [...typed];
  const scored: [string, number][] = [];
  for (const word of lexicon.byLength.get(chars.length) ?? []) {
    const cost = distance(chars, [...word], lexicon);
    if (cost !== undefined) scored.push([word, cost]);
  }
  return scored.sort((a, b) => a[1] - b[1] || lexicon.rank.get(a[0])! - lexicon.rank.get(b[0])!);
}

/** Vocabulary words that a typed word may have meant, best first (closest, then most frequent). */
export function candidatesFor(typed: string, lexicon: Lexicon, limit = 3): string[] {
  return scoredCandidates(typed, lexicon)
    .slice(0, limit)
    .map(([w]) => w);
}

/** What leaving a character of a word unexplained costs, against a correction's cost (see distance). */
const UNEXPLAINED = 4;

/**
 * Reads one word of a query against the vocabulary: the whole word corrected if it can be, or else the cheapest way
 * to cut it into known words, corrected spans and characters kept as typed (防诈片: 防 + 诈片 → 诈骗, rather than
 * 防诈 → 反诈 + 片).
 */
function correctWord(word: string, lexicon: Lexicon, pick: number): string {
  if (!/\p{Script=Han}/u.test(word) || lexicon.known.has(word)) return word;
  const chars = [...word];
  const whole = candidatesFor(word, lexicon, pick + 1);
  if (whole.length > 0) return whole[Math.min(pick, whole.length - 1)]!;
  // best[i]: the cheapest reading of the first i characters.
  const best: { cost: number; text: string }[] = [{ cost: 0, text: '' }];
  for (let end = 1; end <= chars.length; end++) {
    let here = { cost: best[end - 1]!.cost + UNEXPLAINED, text: best[end - 1]!.text + chars[end - 1] };
    for (let start = Math.max(0, end - 8); start <= end - 2; start++) {
      const span = chars.slice(start, end).join('');
      const [candidate] = lexicon.known.has(span) ? [[span, 0] as [string, number]] : scoredCandidates(span, lexicon);
      if (candidate && best[start]!.cost + candidate[1] < here.cost)
        here = { cost: best[start]!.cost + candidate[1], text: best[start]!.text + candidate[0] };
    }
    best.push(here);
  }
  return best[chars.length]!.text;
}

/**
 * What the query may have meant, in simplified characters and the site's own words, best first: the words its pinyin
 * spells (when it is pinyin), or the query in simplified characters as typed (when it had traditional ones), then up
 * to `limit` corrected readings. Each differs from the query as normalised; empty when there is nothing to convert or
 * correct.
 */
const spellings = new WeakMap<Lexicon, Map<string, string>>();

/** Each vocabulary word under each way its characters may be read, run together (guahao → 挂号), most frequent first. */
function wordsBySpelling(lexicon: Lexicon): Map<string, string> {
  let map = spellings.get(lexicon);
  if (!map) {
    map = new Map();
    for (const word of lexicon.words) {
      let spelt = [''];
      for (const char of word) {
        const readings = [...(lexicon.syllables.get(char) ?? [])];
        spelt = spelt.flatMap((start) => readings.map((r) => start + r)).slice(0, 8);
      }
      for (const spelling of spelt) if (spelling && !map.has(spelling)) map.set(spelling, word);
    }
    spellings.set(lexicon, map);
  }
  return map;
}

/**
 * Pinyin typed without picking the characters (guahao, da che, yi bao, weixinzhifu): the vocabulary words it spells,
 * as few and as frequent as possible. Undefined when the letters are not all pinyin of the site's words (wifi, app).
 */
export function fromPinyin(text: string, lexicon: Lexicon): string | undefined {
  if (!/^[a-zü'\s]+$/i.test(text)) return undefined;
  // Spaces and apostrophes may fall anywhere (yi bao, xi'an): the words are found in the letters alone.
  const letters = text.toLowerCase().replace(/ü/g, 'v').replace(/[\s']/g, '');
  if (letters.length < 4) return undefined;
  const byWord = wordsBySpelling(lexicon);
  const longest = Math.max(...[...byWord.keys()].map((k) => k.length));
  // best[i]: the fewest words that spell the first i letters.
  const best: ({ words: string[] } | undefined)[] = [{ words: [] }];
  for (let end = 1; end <= letters.length; end++) {
    let here: { words: string[] } | undefined;
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const word = byWord.get(letters.slice(start, end));
      const before = best[start];
      if (word && before && (!here || before.words.length + 1 < here.words.length))
        here = { words: [...before.words, word] };
    }
    best.push(here);
  }
  return best[letters.length]?.words.join('');
}

export function correctQuery(query: string, lexicon: Lexicon, limit = 2): string[] {
  const spelt = fromPinyin(query.trim(), lexicon);
  if (spelt) return [spelt];
  const original = normalizeQuery(query);
  const simplified = normalizeQuery(toSimplified(query, lexicon));
  const words = simplified.split(' ');
  const readings = new Set<string>([simplified]);
  for (let pick = 0; pick < limit; pick++)
    readings.add(words.map((word) => correctWord(word, lexicon, pick)).join(' '));
  readings.delete(original);
  return [...readings];
}
