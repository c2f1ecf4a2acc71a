/**
 * Counts 字 as Chinese editors do: each CJK character, full-width punctuation mark or emoji
 * is one; each run of Latin letters or digits is one; half-width punctuation and whitespace are not
 * counted. Full-width letters and digits count like their half-width forms.
 */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\u3400-\u4dbf\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
const ALNUM = /[\p{L}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Punctuation outside ASCII (“ ” ‘ ’ … — · 、) is written full-width in Chinese text. */
const WIDE_PUNCT = /[^\x00-\x7f\p{L}\p{N}\s]/u;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

function toHalfWidthAlnum(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

export function countChars(text: string): number {
  return ONE_POINT_GRAPHEMES.test(text) ? countCodePoints(text) : countGraphemes(text);
}

/**
 * Text in which every code point is a grapheme of its own: no combining marks, joiners, variation
 * selectors, emoji or Hangul jamo. Nearly every entry is such text, and it can be counted without the
 * (much slower) grapheme segmenter.
 */
const ONE_POINT_GRAPHEMES =
  /^[\u0000-\u02ff\u2010-\u2027\u2030-\u205f\u2190-\u23ff\u2500-\u25ff\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d]*$/;

const NONE = 0;
const ONE = 1;
const RUN = 2;

/**
 * How one grapheme counts: as 1 (CJK, emoji, full-width punctuation), as part of a Latin run, or not at all.
 * Text that passes ONE_POINT_GRAPHEMES holds no emoji that are letters (like ℹ), so it skips the emoji test.
 */
function weigh(grapheme: string, maybeEmoji = true): number {
  if (CJK.test(grapheme) || (maybeEmoji && EMOJI.test(grapheme))) return ONE;
  if (ALNUM.test(grapheme)) return RUN;
  return WIDE_PUNCT.test(grapheme) ? ONE : NONE;
}

/** The count of text that passes ONE_POINT_GRAPHEMES, one code point at a time. */
export function countCodePoints(text: string): number {
  let count = 0;
  let previous = NONE;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let weight: number;
    if (code >= 0x4e00 && code <= 0x9fff) weight = ONE;
    else if (code < 0x80) {
      // ASCII: letters and digits make runs; punctuation and spaces are half-width and not counted.
      const alnum = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
      weight = alnum ? RUN : NONE;
    } else {
      const char = text[i]!;
      weight = weigh(code >= 0xff10 && code <= 0xff5a ? toHalfWidthAlnum(char) : char, false);
    }
    if (weight === ONE || (weight === RUN && previous !== RUN)) count += 1;
    previous = weight;
  }
  return count;
}

/** The count of any text, one grapheme (what a reader sees as one character) at a time. */
export function countGraphemes(text: string): number {
  let count = 0;
  let previous = NONE;
  for (const { segment } of segmenter.segment(toHalfWidthAlnum(text))) {
    const weight = weigh(segment);
    if (weight === ONE || (weight === RUN && previous !== RUN)) count += 1;
    previous = weight;
  }
  return count;
}
