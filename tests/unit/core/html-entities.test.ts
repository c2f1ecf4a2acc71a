import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/core/html-entities.ts';
import { findUnsafeMarkdown } from '../../../src/checks/markup-safety.ts';
import { checkFilePrivacy } from '../../../src/checks/privacy-check.ts';
import { htmlToPlainText } from '../../../src/markdown/plain-text.ts';

/** The one decoder of character references, with the two behaviours its callers need. */
describe('decodeEntities', () => {
  it('decodes numeric references with or without a semicolon, and named ones in any case', () => {
    expect(decodeEntities('&#106;&#x61;&#X76;&#97vascript&colon;&Tab;&NewLine;')).toBe('javavascript:\t\n');
  });

  it('decodes once, as a reader sees the text, unless told to decode again what decoding produced', () => {
    expect(decodeEntities('&amp;lt;script&amp;gt;')).toBe('&lt;script&gt;');
    expect(decodeEntities('&amp;lt;script&amp;gt;', { repeat: true })).toBe('<script>');
  });

  it('leaves unknown names and out-of-range numbers harmless', () => {
    expect(decodeEntities('&unknown; &#0; &#x110000; &#99999999999;')).toBe('&unknown; \ufffd \ufffd \ufffd');
  });

  it('drops references to no character when told, so that the digits on both sides meet', () => {
    expect(decodeEntities('138&#0;12345678')).toBe('138\ufffd12345678');
    expect(decodeEntities('138&#0;12345678', { invalid: 'drop' })).toBe('13812345678');
    expect(decodeEntities('138&#x110000;1234&#00;5678', { invalid: 'drop' })).toBe('13812345678');
  });
});

describe('the decoder in each rule that reads references', () => {
  it('the privacy rule reads 138&#0;12345678 in captions and pictures as the mobile number it is', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n咨询电话 138&#0;12345678\n';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>咨询电话 138&#0;12345678</text></svg>';
    expect(
      checkFilePrivacy('content/courses/a.vtt', vtt)
        .map((p) => p.message)
        .join('\n'),
    ).toContain('手机号');
    expect(
      checkFilePrivacy('content/courses/a.svg', svg)
        .map((p) => p.message)
        .join('\n'),
    ).toContain('手机号');
  });

  it('the markup rule decodes twice: javascript: behind a doubly encoded reference is refused', () => {
    expect(findUnsafeMarkdown('[a](&amp;#106;avascript:alert(1))').join('\n')).toContain('javascript:');
  });

  it('the text of rendered HTML is decoded once, as a reader sees it', () => {
    expect(htmlToPlainText('<p>&amp;lt;b&amp;gt; &#x4e2d;&#25991;</p>')).toBe('&lt;b&gt; 中文');
  });
});
