/**
 * The one decoder of HTML character references (`&amp;`, `&#49;`, `&#x31;`, `&colon;`), for every check
 * that reads text as a reader or a browser would: the markup rule, the privacy rule, the 字 count of
 * rendered HTML and the tests that read the built pages.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  semi: ';',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  period: '.',
  comma: ',',
  excl: '!',
  quest: '?',
  equals: '=',
  num: '#',
  percnt: '%',
  plus: '+',
  commat: '@',
  lowbar: '_',
  hyphen: '-',
  dash: '\u2010',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  grave: '`',
};

/** Numeric references with or without `;` (a browser accepts both), and names in any case. */
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

export interface DecodeOptions {
  /**
   * What a reference to no character (`&#0;`, beyond U+10FFFF) becomes: U+FFFD, as a browser shows it
   * (the default), or nothing. The privacy rule drops it, so that `138&#0;12345678`, which a reader sees as
   * one run of digits around a blank, is still read as the phone number it is.
   */
  invalid?: 'replace' | 'drop';
  /**
   * Decode what decoding reveals, up to three rounds, so that `&amp;#106;avascript:` is seen for what a
   * careless second decoder would make of it (the markup rule). Off by default: a reader sees one round.
   */
  repeat?: boolean;
}

/** Decodes HTML character references: numeric ones without `;` and names in any case too, as leniently as a browser. */
export function decodeEntities(text: string, { invalid = 'replace', repeat = false }: DecodeOptions = {}): string {
  const nothing = invalid === 'drop' ? '' : '\ufffd';
  const character = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : nothing);
  let current = text;
  for (let round = 0; round < (repeat ? 3 : 1) && current.includes('&'); round++) {
    const next = current.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string) => {
      if (hex !== undefined) return character(parseInt(hex, 16));
      if (dec !== undefined) return character(Number(dec));
      return NAMED_ENTITIES[name!.toLowerCase()] ?? whole;
    });
    if (next === current) break;
    current = next;
  }
  return current;
}
