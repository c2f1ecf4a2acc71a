import publicNumbers from './public-service-numbers.json' with { type: 'json' };

/**
 * The one privacy rule (SPEC §2): no personal phone numbers or ID-card numbers, anywhere.
 * Used by content validation, the build tests and the data export.
 */
export type PersonalNumberKind = 'mobile' | 'landline' | 'idCard';

export interface PersonalNumber {
  kind: PersonalNumberKind;
  /** The digits with the middle hidden, safe to print in a report */
  masked: string;
}

export const PUBLIC_SERVICE_NUMBERS: ReadonlySet<string> = new Set(publicNumbers.numbers);

const KIND_NAMES: Record<PersonalNumberKind, string> = {
  mobile: '手机号码',
  landline: '固定电话号码',
  idCard: '身份证号码',
};

/** Default-ignorable code points (zero-width, bidi marks, variation selectors, fillers, tags) and the Arabic letter mark */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u3164\uffa0]/gu;
const FULL_WIDTH = /[\uff10-\uff19\uff0b\uff08\uff09\uff0d\uff0e\uff38\uff58\uff3b\uff3d]/g;
/** Spaces, dashes, dots and brackets that people put inside numbers */
const SEPARATOR = '\\s\\u00a0\\u3000\\-\\u2010-\\u2015\\u2212\\ufe63.\\u00b7\\u30fb()\\[\\]\\u3010\\u3011';
const DIGIT_RUN = new RegExp(`\\+?[(\\[\\u3010]?\\d(?:[${SEPARATOR}]*\\d)*(?:[${SEPARATOR}]*[Xx](?![A-Za-z]))?`, 'g');

/** Full-width digits and signs to ASCII; invisible characters removed. */
export function normalizeForPrivacy(text: string): string {
  return text.replace(INVISIBLE, '').replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function isIdCardNumber(candidate: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(candidate)) return false;
  const year = Number(candidate.slice(6, 10));
  const month = Number(candidate.slice(10, 12));
  const day = Number(candidate.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(candidate[i]), 0);
  return ID_CHECK[sum % 11] === candidate[17]!.toUpperCase();
}

function classify(digits: string): PersonalNumberKind | undefined {
  if (PUBLIC_SERVICE_NUMBERS.has(digits)) return undefined;
  if (/^(?:0086|86)?1[3-9]\d{9}$/.test(digits)) return 'mobile';
  if (/^0\d{9,11}$/.test(digits)) return 'landline';
  if (isIdCardNumber(digits)) return 'idCard';
  return undefined;
}

function mask(digits: string): string {
  const keep = digits.length >= 11 ? 3 : 2;
  return digits.slice(0, keep) + '*'.repeat(digits.length - keep * 2) + digits.slice(-keep);
}

/**
 * Finds personal numbers in text. A run of digits broken only by separators is read group by group,
 * and every sequence of neighbouring groups is tried, so `2021.10.31 13800138000` still finds the mobile
 * and `(0571) 8888 6666` is read as one landline.
 */
export function findPersonalNumbers(text: string): PersonalNumber[] {
  const found = new Map<string, PersonalNumber>();
  for (const [run] of normalizeForPrivacy(text).matchAll(DIGIT_RUN)) {
    const groups = run.match(/\d+|[Xx]/g) ?? [];
    const inRun = new Map<string, PersonalNumber>();
    for (let start = 0; start < groups.length; start++) {
      let digits = '';
      for (let end = start; end < groups.length && digits.length <= 18; end++) {
        digits += groups[end]!.toUpperCase();
        const kind = classify(digits);
        if (kind && !inRun.has(digits)) inRun.set(digits, { kind, masked: mask(digits) });
      }
    }
    // `+86 138…` is one number, not two: within a run, drop numbers contained in a longer one.
    const all = [...inRun.keys()];
    for (const digits of all) {
      if (!found.has(digits) && !all.some((other) => other !== digits && other.includes(digits)))
        found.set(digits, inRun.get(digits)!);
    }
  }
  return [...found.values()];
}

export interface PersonalNumberAt extends PersonalNumber {
  /** Path of the field inside the value, e.g. ['instructors', 0, 'affiliation'] */
  path: PropertyKey[];
}

/**
 * Looks through every string and number in a value, nested objects and lists included. Each object is
 * visited once, so YAML aliases that repeat or loop cannot make it run forever.
 */
export function findPersonalNumbersDeep(
  value: unknown,
  path: PropertyKey[] = [],
  seen = new Set<object>(),
): PersonalNumberAt[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return findPersonalNumbers(String(value)).map((hit) => ({ ...hit, path }));
  }
  if (value === null || typeof value !== 'object' || value instanceof Date || seen.has(value)) return [];
  seen.add(value);
  if (Array.isArray(value)) return value.flatMap((item, i) => findPersonalNumbersDeep(item, [...path, i], seen));
  return Object.entries(value).flatMap(([key, item]) => [
    ...findPersonalNumbers(key).map((hit) => ({ ...hit, path: [...path, key] })),
    ...findPersonalNumbersDeep(item, [...path, key], seen),
  ]);
}

/**
 * What to say about a number found. A landline in a body is usually the unit's office number: it is refused all
 * the same (only the public-service list is allowed), but it is not called personal, and the unit's website is
 * the contact to give instead.
 */
export function describePersonalNumber(hit: PersonalNumber): string {
  const found = `这里有像${KIND_NAMES[hit.kind]}的数字（${hit.masked}）`;
  if (hit.kind === 'landline') {
    return `${found}：公开网站不能登载电话号码，单位的办公电话也不行（110、12345 等公共服务电话除外），请删去；需要留联系方式时，写上单位名称和单位网站的网址`;
  }
  return `${found}，公开网站不能登载个人联系电话或身份证号，请删去；如需留联系方式，只写单位名称或公共服务电话`;
}
