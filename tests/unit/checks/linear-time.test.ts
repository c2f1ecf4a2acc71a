/**
 * No hang: every check takes time in proportion to its input. Tested by growth, not by a wall clock: doubling an
 * adversarial input may at most double the time, plus noise. A quadratic scan shows as four times. (Sätteri
 * nests blockquotes and lists in quadratic time: bodies nested past the limit are now refused before parsing.)
 */
import { describe, expect, it } from 'vitest';
import { checkCaptions } from '../../../src/checks/file-checks.ts';
import { htmlToPlainText } from '../../../src/markdown/plain-text.ts';
import { checkMarkdownBody, findUnsafeMarkup } from '../../../src/checks/markup-safety.ts';

/** Median of several runs, in ms. */
function timeOf(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3]!;
}

/** Doubling n at most doubles the time: 2.5× leaves room for caches and garbage collection, and 15 ms for noise. */
function expectLinear(check: (text: string) => unknown, make: (n: number) => string, n: number): void {
  check(make(n)); // warm up
  const small = timeOf(() => check(make(n)));
  const large = timeOf(() => check(make(2 * n)));
  expect(large, `${small.toFixed(1)} ms → ${large.toFixed(1)} ms when the input doubled`).toBeLessThan(
    2.5 * small + 15,
  );
}

/** Bodies as attackers write them, n characters or so (under the 20,000-character limit at 2n). */
const BODIES: [string, (n: number) => string][] = [
  ['nested blockquotes', (n) => `${'>'.repeat(n)} 正文`],
  ['nested lists on one line', (n) => `${'- '.repeat(n / 2)}正文`],
  [
    'lists nested by indentation',
    (n) => Array.from({ length: n / 40 }, (_, i) => `${' '.repeat((i % 20) * 2)}- 项`).join('\n'),
  ],
  ['unmatched emphasis', (n) => '*a '.repeat(n / 3)],
  ['unmatched brackets', (n) => '['.repeat(n)],
  ['unmatched backticks', (n) => '`'.repeat(n)],
  ['raw tags', (n) => '<b>'.repeat(n / 3)],
  ['comment openers', (n) => '<!'.repeat(n / 2)],
  ['character references', (n) => '&#x61;'.repeat(n / 6)],
  ['table rows with code spans and pipes', (n) => `| a | b |\n|---|---|\n${'| `x|y` | z |\n'.repeat(n / 14)}`],
  ['footnote references', (n) => `${'说明文字说明文字说明[^1]'.repeat(n / 14)}\n\n[^1]: 注`],
  ['open links', (n) => '[a]('.repeat(n / 4)],
  ['autolink openers', (n) => '<http://'.repeat(n / 8)],
];

describe('the checks take linear time', () => {
  it.each(BODIES)('a body of %s', (_, make) => expectLinear((body) => checkMarkdownBody(body), make, 4000));

  it.each([
    ['tags without ends', (n: number) => '<a '.repeat(n / 3)],
    ['event attributes', (n: number) => ' onx='.repeat(n / 5)],
    ['entities', (n: number) => '&amp;'.repeat(n / 5)],
    ['schemes', (n: number) => 'javascript:'.repeat(n / 11)],
    ['addresses with @', (n: number) => 'https://a@'.repeat(n / 10)],
  ])('a field of %s', (_, make) => expectLinear(findUnsafeMarkup, make, 20_000));

  it('the page text of rendered HTML', () =>
    expectLinear(htmlToPlainText, (n) => '<p>段落<br>'.repeat(n / 10), 40_000));

  it('captions', () =>
    expectLinear(
      (text) => checkCaptions(Buffer.from(text), 'x.vtt'),
      (n) => `WEBVTT\n\n${'00:00:01.000 --> 00:00:02.000\n字幕\n\n'.repeat(n / 40)}`,
      40_000,
    ));
});
