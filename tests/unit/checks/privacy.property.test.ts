/**
 * Issue #19: any mobile number, written in any of the forms people and attackers use, is found; and the
 * rule takes linear time, shown by growth, not by a clock limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFilePrivacy } from '../../../src/checks/privacy-check.ts';
import { findPersonalData, findPersonalNumbers } from '../../../src/checks/privacy.ts';

/** Ways to write each digit 0–9 */
const DIGIT_FORMS: ((d: number) => string)[] = [
  (d) => String(d),
  (d) => String.fromCharCode(0xff10 + d), // full-width
  (d) => '〇一二三四五六七八九'[d]!,
  (d) => '零壹贰叁肆伍陆柒捌玖'[d]!,
  (d) => (d === 0 ? '⓪' : String.fromCharCode(0x2460 + d - 1)), // circled
  (d) => (d === 0 ? '⓿' : String.fromCharCode(0x2776 + d - 1)), // negative circled
  (d) => String.fromCodePoint(0x1d7ce + d), // mathematical bold
  (d) => String.fromCodePoint(0x1d7d8 + d), // double-struck
  (d) => String.fromCodePoint(0x1d7f6 + d), // monospace
  (d) => `${d}\ufe0f\u20e3`, // keycap
  (d) => `${d}\u0332`, // combining low line
  (d) => `${d}\u0336`, // combining long stroke
  (d) => String.fromCharCode(0x0660 + d), // Arabic-Indic
];

const SEPARATORS = [
  ' ', '-', '/', '／', ',', '，', '、', '.', '·', '・', '．', '－', '–', '—', '\u2800', '\u3000', '\u00a0', '\u202f',
  ' - ', ' / ', '\\', '\n',
];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e', '\u3164'];
const GROUPINGS = [[11], [3, 4, 4], [3, 8], [4, 4, 3], [3, 3, 5], [2, 3, 3, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]];

const writtenMobile = fc
  .record({
    second: fc.constantFrom(...'3456789'),
    rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
    forms: fc.array(fc.integer({ min: 0, max: DIGIT_FORMS.length - 1 }), { minLength: 11, maxLength: 11 }),
    oneForm: fc.boolean(),
    grouping: fc.constantFrom(...GROUPINGS),
    separator: fc.constantFrom(...SEPARATORS),
    brackets: fc.boolean(),
    invisible: fc.array(fc.constantFrom('', '', '', ...INVISIBLE), { minLength: 11, maxLength: 11 }),
    prefix: fc.constantFrom('', '+86 ', '＋８６－', '(+86)'),
    order: fc.constantFrom('stored', 'rtl-marks', 'rtl-override'),
    before: fc.constantFrom('请联系王老师', '报名电话：', '手机 ', '联系人：李华，', ''),
    after: fc.constantFrom('。', '，谢谢！', ' 咨询', ''),
  })
  .map((w) => {
    const digits = `1${w.second}${w.rest.join('')}`;
    const written = [...digits].map((d, i) => {
      const form = DIGIT_FORMS[w.oneForm ? w.forms[0]! : w.forms[i]!]!;
      return `${w.invisible[i]}${form(Number(d))}`;
    });
    const groups: string[] = [];
    let at = 0;
    for (const size of w.grouping) {
      groups.push(written.slice(at, at + size).join(''));
      at += size;
    }
    if (w.brackets && groups.length > 1) groups[0] = `(${groups[0]})`;
    let body: string;
    if (w.order === 'rtl-marks' && groups.length > 1) body = [...groups].reverse().join('\u200f');
    else if (w.order === 'rtl-override') body = `\u202e${[...groups.join(w.separator)].reverse().join('')}\u202c`;
    else body = groups.join(w.separator);
    const prefix = w.order === 'stored' ? w.prefix : '';
    return { digits, text: `${w.before}${prefix}${body}${w.after}` };
  });

describe('any mobile number, in any of the forms of issue #19, is found', () => {
  it('numerals, look-alike digits, separators, invisible characters, +86, and right-to-left order', () => {
    fc.assert(
      fc.property(writtenMobile, ({ digits, text }) => {
        const mobiles = findPersonalNumbers(text).filter((hit) => hit.kind === 'mobile');
        expect(mobiles.length, JSON.stringify(text)).toBeGreaterThan(0);
        // The very number is reported (stored right to left, as the reader sees it), with +86 when written
        const masks = [`${digits.slice(0, 3)}*****${digits.slice(-3)}`, `861*******${digits.slice(-3)}`];
        expect(mobiles.some((m) => masks.includes(m.masked)), `${JSON.stringify(text)}: ${mobiles.map((m) => m.masked)}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the same number in a field, a caption, an SVG text and a YAML comment', () => {
    fc.assert(
      fc.property(writtenMobile, ({ text }) => {
        const plain = text.replace(/[<>&]/g, ' ');
        for (const [file, source] of [
          ['units.yaml', `a:\n  name: "${plain.replace(/["\\]/g, ' ')}"\n`],
          ['units.yaml', `# ${plain.replace(/\n/g, ' ')}\na:\n  name: 示例\n`],
          ['x.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${plain}\n`],
          ['x.svg', `<svg xmlns="http://www.w3.org/2000/svg"><text>${plain}</text></svg>`],
        ] as const) {
          const problems = checkFilePrivacy(file, source);
          expect(problems.length, `${file}: ${JSON.stringify(source)}`).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Fastest of a few runs, in ms: the least disturbed by other work on the machine */
function timeOf(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Texts made to be slow for a careless rule (each about n characters): long separator chains, many candidates, … */
const SHAPES: Record<string, (n: number) => string> = {
  'phone-shaped numbers joined by commas': (n) =>
    Array.from({ length: n / 12 }, (_, i) => `139${10_000_000 + i * 7}`).join('，'),
  'one digit after another': (n) => '1 '.repeat(n / 2),
  'digits and separators without end': (n) => '1-2/3,4.5 6'.repeat(n / 11),
  'Chinese numerals': (n) => '一三八〇〇一三八〇〇〇、'.repeat(n / 12),
  'at signs': (n) => 'a@'.repeat(n / 2) + 'b.cn',
  'bidi marks': (n) => '5678\u200f1234\u200f138 '.repeat(n / 15),
  'a run of digits': (n) => '1'.repeat(n),
};

const FILES: [string, string, (n: number) => string][] = [
  ['an SVG of open comments', 'x.svg', (n) => `<svg>${'<!-- 1 '.repeat(n / 7)}</svg>`],
  ['a caption of many cues', 'x.vtt', (n) => `WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\n138 1234\n\n'.repeat(n / 40)}`],
  ['a YAML file of many keys', 'u.yaml', (n) => Array.from({ length: n / 20 }, (_, i) => `k${i}:\n  name: 单位 ${i}`).join('\n')],
];

/**
 * Growth, not a clock: one text 16× as long must take about as long as 16 short ones. A quadratic rule would
 * take 16× as long again; a linear one a little more than 1× as the heap fills (and the machine is shared).
 */
const GROWTH = 16;
const BOUND = 6;
const SMALL = 10_000;

function growth(check: (text: string) => unknown, make: (n: number) => string): number {
  const small = make(SMALL);
  const large = make(SMALL * GROWTH);
  check(large); // warm up
  const manySmall = timeOf(() => {
    for (let i = 0; i < GROWTH; i++) check(small);
  });
  return timeOf(() => check(large)) / Math.max(manySmall, 1);
}

describe('the rule takes linear time', () => {
  it.each(Object.entries(SHAPES))(`%s: a text ${GROWTH}× as long takes about ${GROWTH}× the time`, (_, make) => {
    expect(growth(findPersonalData, make)).toBeLessThan(BOUND);
  });

  it.each(FILES)(`%s: a file ${GROWTH}× as long takes about ${GROWTH}× the time`, (_, file, make) => {
    expect(growth((text) => checkFilePrivacy(file, text), make)).toBeLessThan(BOUND);
  });
});
