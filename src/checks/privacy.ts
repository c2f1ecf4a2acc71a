import publicNumbers from './public-service-numbers.json' with { type: 'json' };
import { leavesOf, pathOf } from '../core/walk.ts';
import { codePointName } from '../core/code-points.ts';

/**
 * The one privacy rule: no personal contact data or ID numbers in anything a reader sees.
 * Used by content validation (every file of the content tree), the build tests and the data export.
 *
 * Text is read the way a person reads it: first normalised (NFKC; Chinese, capital 大写, circled, keycap
 * and other look-alike digits to 0–9; combining marks, format and bidi controls dropped), then split into
 * groups of digits. Neighbouring groups are read as one number when only a short separator of the kinds
 * people type between groups stands between them (spaces and look-alike blanks, hyphens, dots, slashes,
 * commas, 、, brackets). Table cells, list items, paragraphs and dates or prices are never joined.
 * Every step is linear in the length of the text.
 */
export type PersonalNumberKind = 'mobile' | 'landline' | 'idCard' | 'bankCard' | 'email';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** What looked like a number (or address), with the middle hidden: safe to print in a report */
  masked: string;
}

export interface PersonalNumberFound extends PersonalNumber {
  /** The digits (or address) as read, to tell repeats apart; never print it */
  key: string;
  /** Where it starts in the text that was searched (UTF-16 offset) */
  index: number;
}

export const PUBLIC_SERVICE_NUMBERS: ReadonlySet<string> = new Set(publicNumbers.numbers);

const KIND_NAMES: Record<PersonalNumberKind, string> = {
  mobile: '手机号码',
  landline: '固定电话号码',
  idCard: '身份证号码',
  bankCard: '银行卡号',
  email: '电子邮箱地址',
};

// ---------------------------------------------------------------------------------------------------------
// Normalisation

/** Stands in the normalised text where a bidi control was: invisible, but it may reorder what is shown. */
const BIDI_MARK = '\u0001';
/** Stands where a right-to-left override was: what follows may be drawn reversed, digit by digit. */
const OVERRIDE_MARK = '\u0003';
/** Stands where a table cell or a block ends: never part of a separator. */
export const HARD_BREAK = '\u0002';

/** Default-ignorable code points (zero-width, fillers, variation selectors, tags), Cf format controls and the Arabic letter mark */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u3164\uffa0]$/u;
/** Controls that can make digits be drawn right to left (the left-to-right ones and the pops cannot) */
const BIDI_CONTROL = /^[\u061c\u200f\u202b\u2067\u2068]$/u;
const COMBINING = /^\p{M}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** Chinese numerals, capital (大写) digits, Hangzhou numerals and the circles written for zero in dates. */
const NUMERALS: Record<string, string> = {
  〇: '0', 零: '0', '○': '0', '◯': '0',
  一: '1', 壹: '1', 幺: '1', 弌: '1', 〡: '1',
  二: '2', 贰: '2', 貳: '2', 弍: '2', 〢: '2',
  三: '3', 叁: '3', 參: '3', 弎: '3', 〣: '3',
  四: '4', 肆: '4', 〤: '4',
  五: '5', 伍: '5', 〥: '5',
  六: '6', 陆: '6', 陸: '6', 〦: '6',
  七: '7', 柒: '7', 〧: '7',
  八: '8', 捌: '8', 〨: '8',
  九: '9', 玖: '9', 〩: '9',
};

/** Circled digits that NFKC leaves alone (dingbats, double and negative circles). */
function circledDigit(cp: number): string | undefined {
  if (cp >= 0x2776 && cp <= 0x2793) return String(((cp - 0x2776) % 10) + 1);
  if (cp >= 0x24f5 && cp <= 0x24fe) return String(cp - 0x24f5 + 1);
  if (cp >= 0x24eb && cp <= 0x24f4) return String(cp - 0x24eb + 11);
  if (cp === 0x24ff || cp === 0x1f10b || cp === 0x1f10c) return '0';
  return undefined;
}

/** The value of a decimal digit of any script: each script's digits are runs of ten that start at zero. */
function digitValue(char: string): string {
  let cp = char.codePointAt(0)!;
  let steps = 0;
  while (steps < 100 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    steps++;
  }
  return String(steps % 10);
}

const mapped = new Map<string, string>();

/** What one code point becomes in the normalised text (cached: text is mostly the same few thousand characters). */
function mapCodePoint(char: string): string {
  let result = mapped.get(char);
  if (result !== undefined) return result;
  const cp = char.codePointAt(0)!;
  if (cp === 0x202e) result = OVERRIDE_MARK;
  else if (BIDI_CONTROL.test(char)) result = BIDI_MARK;
  else if (INVISIBLE.test(char) || COMBINING.test(char)) result = '';
  else if (cp === 0x2800) result = ' ';
  else {
    result = circledDigit(cp) ?? '';
    if (!result) {
      for (const c of char.normalize('NFKC')) {
        if (COMBINING.test(c) || INVISIBLE.test(c)) continue;
        if (NUMERALS[c]) result += NUMERALS[c];
        else if (c > '\u007f' && DECIMAL_DIGIT.test(c)) result += digitValue(c);
        else result += c;
      }
    }
  }
  mapped.set(char, result);
  return result;
}

export interface NormalizedText {
  text: string;
  /** Where the pieces of `text` came from in the original text (see sourceOffset) */
  origin: Origin;
}

/**
 * Pieces of the normalised text, in order: where each starts in the normalised text and in the original,
 * and whether it is copied unchanged (then offsets inside it match one to one) or stands for one character.
 */
interface Origin {
  starts: number[];
  sources: number[];
  copied: boolean[];
}

/** Where a unit of the normalised text came from in the original (binary search: only finds need it). */
function sourceOffset(origin: Origin, index: number): number {
  let lo = 0;
  let hi = origin.starts.length - 1;
  if (hi < 0) return index;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (origin.starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return origin.sources[lo]! + (origin.copied[lo] ? index - origin.starts[lo]! : 0);
}

/** Chinese numerals that are CJK ideographs: every other ideograph reads as itself */
const NUMERAL_CODES = new Set(Object.keys(NUMERALS).map((c) => c.charCodeAt(0)));

/** Characters that read as themselves: ASCII and the CJK ideographs that are not numerals (most of any text) */
const readsAsItself = (code: number) =>
  code < 0x80 || (code >= 0x4e00 && code <= 0x9fff && !NUMERAL_CODES.has(code));

/** The text as it reads: look-alike digits as 0–9, invisible characters gone, bidi controls marked. */
export function normalizeWithOrigin(source: string): NormalizedText {
  const parts: string[] = [];
  const origin: Origin = { starts: [], sources: [], copied: [] };
  let length = 0;
  const piece = (text: string, from: number, copied: boolean) => {
    parts.push(text);
    origin.starts.push(length);
    origin.sources.push(from);
    origin.copied.push(copied);
    length += text.length;
  };
  let copyFrom = 0;
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (readsAsItself(code)) {
      i++;
      continue;
    }
    const char = String.fromCodePoint(source.codePointAt(i)!);
    const out = mapCodePoint(char);
    if (out === char) {
      // Reads as itself too: it stays in the run being copied
      i += char.length;
      continue;
    }
    if (i > copyFrom) piece(source.slice(copyFrom, i), copyFrom, true);
    if (out.length > 0) piece(out, i, false);
    i += char.length;
    copyFrom = i;
  }
  if (parts.length === 0 && copyFrom === 0) return { text: source, origin: { starts: [0], sources: [0], copied: [true] } };
  if (source.length > copyFrom) piece(source.slice(copyFrom), copyFrom, true);
  return { text: parts.join(''), origin };
}

/** The text as it reads, for callers that only need the characters. */
export function normalizeForPrivacy(text: string): string {
  return normalizeWithOrigin(text).text.replace(/[\u0001\u0003]/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Groups of digits and the separators between them

const BLANKS = ' \n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const DASHES = '\\-\u02d7\u2010-\u2015\u2043\u2212\u2796\u2e3a\u2e3b\ufe58\ufe63\uff0d';
const DOTS = '.\u00b7\u2022\u2027\u2219\u22c5\u30fb\u3002\uff0e\uff61';
const SLASHES = '/\\\\\u2044\u2215\uff0f';
const COMMAS = ',\u3001\uff0c\ufe50\ufe51';
const BRACKETS = '()\\[\\]{}\u3008-\u3011\u3014-\u3017\uff08\uff09\uff3b\uff3d';
/** Characters people put between groups of digits. Tabs are table cells: they do not join. */
const SEPARATOR_CHAR = new RegExp(`[${BLANKS}${DASHES}${DOTS}${SLASHES}${COMMAS}${BRACKETS}${BIDI_MARK}${OVERRIDE_MARK}]`);
const WHITESPACE = new RegExp(`[${BLANKS}]`);
/** At most this many characters between two groups, a run of blanks counting as one, and at most 3 that are not blank */
const MAX_SEPARATOR = 4;
const MAX_SEPARATOR_SOURCE = 24;
/** After a line break, these start a new block (list item, quote, heading, table row), which does not join. */
const BLOCK_START = /^[ \t]*(?:[-*+>#|]|\d{1,3}[.)\u3001](?=\s))/;

interface Group {
  /** Offset in the normalised text */
  start: number;
  digits: string;
  /** Joined to the group before it */
  joined: boolean;
  /** The separator before it, for dates and prices ('' when not joined) */
  separator: string;
  /** The separator as it looks: blanks as one, bidi marks gone */
  looks: string;
  /** Part of a date or a price: never part of a number */
  atomic: boolean;
  /** A bidi control stands before it, so what is shown may be in another order */
  bidi: boolean;
  /** A directional override stands before it, so its digits may be shown reversed */
  override: boolean;
}

function joinable(text: string, from: number, to: number): boolean {
  if (to - from > MAX_SEPARATOR_SOURCE) return false;
  let length = 0;
  let visible = 0;
  let lineBreaks = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === BIDI_MARK || c === OVERRIDE_MARK) continue;
    if (!SEPARATOR_CHAR.test(c)) return false;
    if (c === '\n') {
      lineBreaks++;
      if (lineBreaks > 1 || BLOCK_START.test(text.slice(i + 1, i + 12))) return false;
    }
    if (!WHITESPACE.test(c)) visible++;
    if (!WHITESPACE.test(c) || i === from || !WHITESPACE.test(text[i - 1]!)) length++;
    if (length > MAX_SEPARATOR || visible > 3) return false;
  }
  return true;
}

/** Runs of digits, and an X check digit right after digits (`…002X`, `…002 X`) */
const DIGIT_GROUP = /[0-9]+|(?<=[0-9][ \-]?)[Xx](?![A-Za-z])/g;

function readGroups(text: string): Group[] {
  const groups: Group[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(DIGIT_GROUP)) {
    const start = match.index;
    const joined = groups.length > 0 && joinable(text, previousEnd, start);
    const separator = joined ? text.slice(previousEnd, start) : '';
    const digits = match[0].toUpperCase();
    previousEnd = start + match[0].length;
    // An X that does not follow digits closely is a letter, not a check digit.
    if (digits === 'X' && !joined) continue;
    groups.push({
      start,
      digits,
      joined,
      separator,
      looks: separator.replace(/[\u0001\u0003]/g, '').replace(/\s+/g, ' '),
      atomic: false,
      bidi: separator.includes(BIDI_MARK) || text[start - 1] === BIDI_MARK,
      override: separator.includes(OVERRIDE_MARK) || text.slice(Math.max(0, start - 4), start).includes(OVERRIDE_MARK),
    });
  }
  return groups;
}

const DATE_SEPARATOR = /^[-./]$/;
const LIST_SEPARATOR = /^(?:\s*[,\u3001;\uff1b]\s*|\s+)$/;

/** Where a date (`2021-10-31`, `2022.5.31`, `2021/10`) or a price (`128.50`) starts and ends among the groups. */
function dateOrPriceAt(groups: readonly Group[], i: number): number | undefined {
  const first = groups[i]!;
  const next = groups[i + 1];
  if (!next || !next.joined || !DATE_SEPARATOR.test(next.separator)) return undefined;
  const sep = next.separator;
  const continues = (k: number) => k < groups.length && groups[k]!.joined && groups[k]!.separator === sep;
  if (/^(?:19|20)\d\d$/.test(first.digits) && /^\d{1,2}$/.test(next.digits) && +next.digits >= 1 && +next.digits <= 12) {
    const day = groups[i + 2];
    const hasDay = day && continues(i + 2) && /^\d{1,2}$/.test(day.digits) && +day.digits >= 1 && +day.digits <= 31;
    const last = hasDay ? i + 2 : i + 1;
    if (!continues(last + 1)) return last;
  }
  if (sep === '.' && /^(?:0|[1-9]\d{0,4})$/.test(first.digits) && /^\d\d$/.test(next.digits) && !continues(i + 2)) return i + 1;
  return undefined;
}

/**
 * A list of dates or prices (`2021-10-31、2022-05-31`, `12.50 13.80`) is read as what it is, not as one
 * long number. A single date or price stays an ordinary group: a number next to it is still found.
 */
function markDatesAndPrices(groups: Group[]): void {
  const items: { first: number; last: number }[] = [];
  for (let i = 0; i < groups.length; i++) {
    if (groups[i]!.joined && i > 0 && DATE_SEPARATOR.test(groups[i]!.separator)) continue;
    const last = dateOrPriceAt(groups, i);
    if (last === undefined) continue;
    items.push({ first: i, last });
    i = last;
  }
  items.forEach((item, k) => {
    const listed = (a: { last: number } | undefined, b: { first: number } | undefined) =>
      a !== undefined && b !== undefined && b.first === a.last + 1 && LIST_SEPARATOR.test(groups[b.first]!.separator);
    if (listed(items[k - 1], item) || listed(item, items[k + 1])) {
      for (let g = item.first; g <= item.last; g++) groups[g]!.atomic = true;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// What a run of digits is

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** First two digits of a mainland, Hong Kong, Macao or Taiwan residence ID */
const PROVINCE_CODE = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An 18-digit resident ID: a real birth date from 1900 on and the right check digit. */
export function isIdCardNumber(candidate: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(candidate)) return false;
  const year = Number(candidate.slice(6, 10));
  if (year < 1900 || !isRealDate(year, Number(candidate.slice(10, 12)), Number(candidate.slice(12, 14)))) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(candidate[i]), 0);
  return ID_CHECK[sum % 11] === candidate[17]!.toUpperCase();
}

/** A first-generation 15-digit ID: a province code, then a real birth date 19YYMMDD without the century. */
export function isOldIdCardNumber(candidate: string): boolean {
  if (!/^\d{15}$/.test(candidate) || !PROVINCE_CODE.test(candidate)) return false;
  return isRealDate(1900 + Number(candidate.slice(6, 8)), Number(candidate.slice(8, 10)), Number(candidate.slice(10, 12)));
}

/** A bank card: 16–19 digits of a card scheme's range (3 JCB, 4 Visa, 5 Mastercard, 6 UnionPay, 9 domestic) that pass Luhn. */
export function isBankCardNumber(candidate: string): boolean {
  if (!/^[3-69]\d{15,18}$/.test(candidate)) return false;
  let sum = 0;
  for (let i = 0; i < candidate.length; i++) {
    let d = Number(candidate[candidate.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const isMobile = (digits: string, from: number) =>
  digits.length - from === 11 && digits[from] === '1' && digits[from + 1]! >= '3' && digits[from + 1]! <= '9';

/** By length first: most runs of digits are no kind of personal number, and this is the hot path. */
function classify(digits: string): PersonalNumberKind | undefined {
  if (digits.length < 10 || PUBLIC_SERVICE_NUMBERS.has(digits)) return undefined;
  const first = digits[0];
  switch (digits.length) {
    case 10:
    case 12:
      return first === '0' ? 'landline' : undefined;
    case 11:
      if (isMobile(digits, 0)) return 'mobile';
      return first === '0' ? 'landline' : undefined;
    case 13:
      return digits.startsWith('86') && isMobile(digits, 2) ? 'mobile' : undefined;
    case 15:
      if (digits.startsWith('0086') && isMobile(digits, 4)) return 'mobile';
      return isOldIdCardNumber(digits) ? 'idCard' : undefined;
    case 18:
      if (isIdCardNumber(digits)) return 'idCard';
      return isBankCardNumber(digits) ? 'bankCard' : undefined;
    case 16:
    case 17:
    case 19:
      return isBankCardNumber(digits) ? 'bankCard' : undefined;
    default:
      return undefined;
  }
}

function mask(digits: string): string {
  const keep = digits.length >= 11 ? 3 : 2;
  return digits.slice(0, keep) + '*'.repeat(Math.max(1, digits.length - keep * 2)) + digits.slice(-keep);
}

/** Longest thing the rule looks for: a 19-digit card (+ nothing), or 0086 and a mobile. */
const MAX_DIGITS = 19;
/** A number written in many groups is only read as one when nearly all are single digits (`1 3 8 …`). */
const MAX_GROUPS = 6;

interface Candidate {
  first: number;
  last: number;
  kind: PersonalNumberKind;
  digits: string;
}

/** Every personal number made of whole neighbouring groups, in order, with the groups it spans. */
function candidatesOf(groups: readonly Group[]): Candidate[] {
  const found: Candidate[] = [];
  for (let first = 0; first < groups.length; first++) {
    if (groups[first]!.atomic || groups[first]!.digits === 'X') continue;
    let digits = '';
    let singles = 0;
    let uniform = true;
    // `12306 12306` is a public number said twice, not a number of its own
    let allPublic = true;
    const prefix = /^(?:0086|86)$/.test(groups[first]!.digits) ? 1 : 0;
    for (let last = first; last < groups.length; last++) {
      const group = groups[last]!;
      if (group.atomic || (last > first && !group.joined)) break;
      digits += group.digits;
      if (digits.length > MAX_DIGITS) break;
      if (group.digits.length === 1) singles++;
      allPublic &&= PUBLIC_SERVICE_NUMBERS.has(group.digits);
      if (allPublic) continue;
      if (last > first + 1 + prefix && group.looks !== groups[last - 1]!.looks) uniform = false;
      // Many groups of several digits, all with the same separator, are a list (`1、3、5、7、9、11、13`).
      const count = last - first + 1 - prefix;
      if (count > MAX_GROUPS && count - singles > 2 && uniform) continue;
      const kind = classify(digits);
      if (kind) found.push({ first, last, kind, digits });
    }
  }
  // `+86 138…` is one number, not two: drop a number inside a longer one. A number spans at most
  // MAX_DIGITS groups, so only neighbours in the list can hold it, and this stays linear.
  const holds = (other: Candidate, c: Candidate) =>
    other !== c && other.first <= c.first && other.last >= c.last && other.last - other.first > c.last - c.first;
  return found.filter((c, i) => {
    for (let j = i - 1; j >= 0 && found[j]!.first >= c.first - MAX_DIGITS; j--) if (holds(found[j]!, c)) return false;
    for (let j = i + 1; j < found.length && found[j]!.first === c.first; j++) if (holds(found[j]!, c)) return false;
    return true;
  });
}

/** Runs of joined groups, each read in stored order, and also in the orders bidi controls may show it in. */
function findNumbersIn(text: string, origin: Origin, out: PersonalNumberFound[]): void {
  const groups = readGroups(text);
  markDatesAndPrices(groups);
  let runStart = 0;
  for (let i = 1; i <= groups.length; i++) {
    if (i < groups.length && groups[i]!.joined && !groups[i]!.atomic && !groups[i - 1]!.atomic) continue;
    const run = groups.slice(runStart, i);
    runStart = i;
    const at = sourceOffset(origin, run[0]!.start);
    const seen = new Set<string>();
    const add = (list: readonly Group[], where: (c: Candidate) => number) => {
      for (const c of candidatesOf(list)) {
        const key = `${c.kind}:${c.digits}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ kind: c.kind, masked: mask(c.digits), key, index: where(c) });
      }
    };
    add(run, (c) => sourceOffset(origin, run[c.first]!.start));
    // Shown right to left, as a reader may see it: under an override every digit reversed, after bidi marks
    // the groups in reverse order. Both readings are reported; bidi controls have no business in a number.
    const override = run.some((g) => g.override);
    if (!override && !run.some((g) => g.bidi)) continue;
    const reversed = [...run].reverse().map((g, k) => ({ ...g, joined: k > 0 }));
    add(override ? reversed.map((g) => ({ ...g, digits: [...g.digits].reverse().join('') })) : reversed, () => at);
  }
}

// ---------------------------------------------------------------------------------------------------------
// E-mail addresses

const LOCAL_CHAR = /[A-Za-z0-9._%+\-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.\-]/;
/** `name(at)qq.com`, `name [at] qq.com`, `name＠qq.com` (NFKC makes ＠ an @) */
const AT_SIGN = /@|\s?[([{]\s?at\s?[)\]}]\s?/gi;

function findEmailsIn(text: string, origin: Origin, out: PersonalNumberFound[]): void {
  for (const match of text.matchAll(AT_SIGN)) {
    let start = match.index;
    while (start > 0 && match.index - start < 64 && LOCAL_CHAR.test(text[start - 1]!)) start--;
    let end = match.index + match[0].length;
    const domainStart = end;
    while (end < text.length && end - domainStart < 253 && DOMAIN_CHAR.test(text[end]!)) end++;
    const local = text.slice(start, match.index).replace(/^[.\-]+/, '');
    const domain = text.slice(domainStart, end).replace(/[.\-]+$/, '');
    if (!local || !/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) continue;
    const key = `email:${local.toLowerCase()}@${domain.toLowerCase()}`;
    out.push({ kind: 'email', masked: `${local[0]}***@${domain}`, key, index: sourceOffset(origin, start) });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The rule

/**
 * Every personal number and e-mail address in a text, each time it occurs, with where it starts. The text is
 * read as shown: use HARD_BREAK between table cells or blocks that a caller has flattened.
 */
export function findPersonalData(source: string): PersonalNumberFound[] {
  const { text, origin } = normalizeWithOrigin(source);
  const found: PersonalNumberFound[] = [];
  findNumbersIn(text, origin, found);
  findEmailsIn(text, origin, found);
  return found.sort((a, b) => a.index - b.index);
}

/** The personal numbers in a text, each once. */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  const once = new Map<string, PersonalNumber>();
  for (const { kind, masked, key } of findPersonalData(text)) if (!once.has(key)) once.set(key, { kind, masked });
  return [...once.values()];
}

export interface PersonalNumberAt extends PersonalNumberFound {
  /** Path of the field inside the value, e.g. ['instructors', 0, 'affiliation'] */
  path: PropertyKey[];
}

/**
 * Looks through every string and number in a value, nested objects, lists and keys included. Each object
 * is visited once, so YAML aliases that repeat or loop cannot make it run forever.
 */
export function findPersonalNumbersDeep(value: unknown): PersonalNumberAt[] {
  const found: PersonalNumberAt[] = [];
  for (const leaf of leavesOf(value, { keys: true })) {
    if (typeof leaf.value !== 'string' && typeof leaf.value !== 'number' && typeof leaf.value !== 'bigint') continue;
    const once = new Map<string, PersonalNumberAt>();
    for (const hit of findPersonalData(String(leaf.value))) {
      if (!once.has(hit.key)) once.set(hit.key, { ...hit, path: pathOf(leaf.at) });
    }
    found.push(...once.values());
  }
  return found;
}

/**
 * The one message for each kind of find (issue #16's wording for landlines): what it looked like,
 * with the digits hidden, the other lines it is on (the problem's own line is printed before it), and what to
 * write instead.
 */
export function describePersonalNumber(hit: PersonalNumber & { lines?: readonly number[] }): string {
  const also = [...new Set(hit.lines ?? [])].sort((a, b) => a - b);
  const where = '这里';
  const what =
    (hit.kind === 'email' ? `有${KIND_NAMES.email}（${hit.masked}）` : `有像${KIND_NAMES[hit.kind]}的数字（${hit.masked}）`) +
    (also.length > 0 ? `（第 ${also.join('、')} 行也有）` : '');
  switch (hit.kind) {
    case 'mobile':
      return `${where}${what}：公开网站不能登载手机号码，请删去；需要留联系方式时，写上单位名称和单位网站的网址，或 12345 这样的公共服务电话`;
    case 'landline':
      // Usually the unit's office number (#16): refused all the same, but not called personal.
      return `${where}${what}：公开网站不能登载电话号码，单位的办公电话也不行（110、12345 等公共服务电话除外），请删去；需要留联系方式时，写上单位名称和单位网站的网址`;
    case 'email':
      return `${where}${what}：公开网站不能登载电子邮箱，请删去；需要联系方式时，请写单位网站的网址`;
    case 'idCard':
      return `${where}${what}：公开网站不能登载身份证号码，请删去`;
    case 'bankCard':
      return `${where}${what}：公开网站不能登载银行卡号，请删去；收费或捐款请写单位网站的网址`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hidden controls in titles and names

/** Fields that are a title or a name: one line, shown in lists, feeds and the open data. */
export const TITLE_AND_NAME_FIELDS: ReadonlySet<string> = new Set(['title', 'summary', 'name', 'members', 'term', 'aliases']);
/** Already reported everywhere by the markup checks (markup-safety.ts) */
const REPORTED_BY_MARKUP = /[\u202a-\u202e\u2066-\u2069]/;
const FORMAT_CONTROL = /[\p{Cf}\u061c\u115f\u1160\u3164\uffa0]/gu;

/** Format and bidi controls in a title or name (a zero-width joiner inside an emoji is fine), as U+XXXX. */
export function findHiddenControls(text: string): string[] {
  const codes = new Set<string>();
  for (const match of text.matchAll(FORMAT_CONTROL)) {
    const c = match[0];
    if (REPORTED_BY_MARKUP.test(c)) continue;
    const before = [...text.slice(Math.max(0, match.index - 2), match.index)].at(-1) ?? '';
    if (c === '\u200d' && /\p{Extended_Pictographic}/u.test(before)) continue;
    codes.add(codePointName(c));
  }
  return [...codes];
}

export function describeHiddenControls(codes: readonly string[]): string {
  return `有看不见的格式控制字符（${codes.join('、')}）：它们不显示，却会改变文字的顺序或把数字藏起来，标题和名称里不能有；请删去（从别处复制来的文字容易带进来，可以把这段文字重新输入一遍）`;
}
