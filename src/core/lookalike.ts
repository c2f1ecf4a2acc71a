/**
 * Values that look alike are one value. Staff type `教材(读本)` for `教材（读本）`, `互联网＋生活` for
 * `互联网+生活`, a full-width space or colon, or paste a value with an invisible character in it. A choice is
 * compared by a key in which all of those are the same; a value that still matches nothing is refused with the
 * difference spelled out, since on screen the two often look identical.
 */
import { codePointName } from './code-points.ts';

/** Characters that draw nothing: zero-width spaces and joiners, bidi marks, the BOM, soft hyphens. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u061c]/gu;
const ALL_INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\u061c]+$/u;

/**
 * The key two spellings of one value share: NFKC (full-width brackets, ＋, colons, letters and digits become
 * their half-width forms), without whitespace or invisible characters.
 */
export function lookalikeKey(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, '');
}

/**
 * The allowed value that a typed value means: itself, a value with the same look-alike key, or the value an
 * alias maps to (aliases are compared by key too). Undefined when it means none of them.
 */
export function matchValue(
  typed: string,
  values: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  if (values.includes(typed)) return typed;
  const key = lookalikeKey(typed);
  const value = values.find((v) => lookalikeKey(v) === key);
  if (value !== undefined) return value;
  const alias = Object.keys(aliases).find((a) => lookalikeKey(a) === key);
  return alias === undefined ? undefined : aliases[alias];
}

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const split = (text: string) => [...graphemes.segment(text)].map((s) => s.segment);

/** Levenshtein distance between two sequences of characters (graphemes, or code units). */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

/** `「С」（U+0421）`: a character named by its code point when it is not plain Chinese or ASCII. */
function showChar(char: string): string {
  const plain = /^[\p{Script=Han}\x21-\x7e\uff08\uff09\u3001\uff0c]$/u.test(char);
  const points = [...char].map(codePointName).join(' ');
  if (char.trim() === '' || ALL_INVISIBLE.test(char)) {
    return `看不见的字符（${points}）`;
  }
  return plain ? `「${char}」` : `「${char}」（${points}）`;
}

function showRun(chars: readonly string[]): string {
  return chars.length === 0 ? '（无）' : chars.map(showChar).join('');
}

/**
 * How a refused value differs from the allowed value it most resembles, or undefined when it resembles none.
 * `智能手机运用` → `和「智能手机应用」不同：「运」应为「应」`; a value with a zero-width space or a Cyrillic С
 * names that character by its code point, because on screen it looks right.
 */
export function describeDifference(typed: string, values: readonly string[]): string | undefined {
  const a = split(typed);
  const scored = values.map((v) => ({ v, d: editDistance(a, split(v)) })).sort((x, y) => x.d - y.d);
  const best = scored[0];
  if (!best || best.d === 0 || best.d > Math.max(2, Math.floor(split(best.v).length / 3))) return undefined;
  const b = split(best.v);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const written = a.slice(start, endA);
  const wanted = b.slice(start, endB);
  const change =
    wanted.length === 0
      ? `多了${showRun(written)}`
      : written.length === 0
        ? `少了${showRun(wanted)}`
        : `${showRun(written)}应为${showRun(wanted)}`;
  return `和「${best.v}」不同：${change}`;
}
