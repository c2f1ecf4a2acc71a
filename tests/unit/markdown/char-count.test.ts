import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Position } from 'unist';
import { describe, expect, it } from 'vitest';
import { generateContent } from '../../../scripts/generate/synthetic-content.ts';
import { countChars, countCodePoints, countGraphemes } from '../../../src/core/char-count.ts';
import { readEntryText } from '../../../src/checks/frontmatter.ts';
import { MAX_HTML_DEPTH } from '../../../src/markdown/allowlist.ts';
import {
  canParse,
  commonMarkTree,
  countMarkdownChars,
  htmlToPlainText,
  sourceNesting,
} from '../../../src/markdown/plain-text.ts';
import { HOSTILE, HOSTILE_FILES } from '../../fixtures/hostile.ts';

const SEED = Number(process.env.FC_SEED ?? 20261125);

describe('countChars: 字 as Chinese editors count them', () => {
  it.each([
    ['你好', 2],
    ['你好，世界！', 6],
    ['“引号”……、', 7],
    ['Hello world', 2],
    ['用 12306 买票', 4],
    ['3.5 元', 3],
    ['iPhone15', 1],
    ['１２３ａｂ', 1],
    ['👍', 1],
    ['a👍b', 3],
    // ℹ is a letter to Unicode and an emoji to readers: it counts alone, not as part of a Latin run.
    ['aℹb', 3],
    ['👨‍👩‍👧 好', 2],
    ['  - , . ! ', 0],
    ['', 0],
  ])('%j → %i', (text, expected) => {
    expect(countChars(text)).toBe(expected);
  });
});

describe('countChars: the fast count agrees with the grapheme count', () => {
  // Code points near every edge of the fast path's ranges, and the characters entries are made of.
  const nearEdges = fc.constantFrom(
    ...'你好，。、“”‘’…—·！？（）《》【】：；０９ＡＺａｚ＠［｀｛～｡ｰﾝ　〇〆〜ぁゖゝゟァヿ㐀䶿一龥丶 azAZ09_-.,!?~\r\n\t\u00a0\u00ad\u00e9\u02ff\u2010\u2027\u2030\u205f\u2190\u231a\u23f0\u2500\u25b6\u25ff\u00a9\u203c\u3030',
  );
  const fastText = fc
    .array(fc.oneof(nearEdges, fc.string({ maxLength: 3 })), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('counts text that the fast path takes exactly as the segmenter does', () => {
    fc.assert(
      fc.property(fastText, (text) => {
        expect(countCodePoints(text)).toBe(countGraphemes(text));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('agrees on any text, marks, joiners and emoji included', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc
        .array(
          fc.oneof(
            nearEdges,
            fc.constantFrom(
              '\u0301',
              '\u200d',
              '\ufe0f',
              '\u{1f3fb}',
              '\u{1f1e8}',
              '\u3099',
              '\uff9e',
              '\u1100',
              '\u0e33',
              '\ud83d',
              // Emoji that are letters or symbols next to letters: ℹ is Ll, ™ So.
              '\u2139',
              '\u2122',
            ),
          ),
          { maxLength: 20 },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        expect(countChars(text)).toBe(countGraphemes(text));
      }),
      {
        seed: SEED,
        numRuns: 3000,
      },
    );
  });

  it('takes the fast path for ordinary Chinese text', () => {
    const text = '打开手机微信，点“发现”→“小程序”，输入 12306 查询车次。';
    expect(countCodePoints(text)).toBe(countGraphemes(text));
    expect(countChars(text)).toBe(27);
  });
});

describe('countMarkdownChars: markup is not counted', () => {
  it('ignores heading marks, emphasis, list markers and link targets', () => {
    expect(
      countMarkdownChars('## 标题\n\n- 打开**微信**\n- 点 [这里](https://example.com/a-long-path)\n\n1. 步骤'),
    ).toBe(2 + 4 + 3 + 2);
  });

  it('ignores images and raw HTML', () => {
    expect(countMarkdownChars('![一张图](a.png)\n\n<br>\n\n正文')).toBe(2);
  });
});

describe('htmlToPlainText: the text of rendered Markdown', () => {
  it('puts each paragraph, heading and list item on its own line and drops tags and images', () => {
    const html =
      '<h2 id="做法">做法</h2>\n<p>打开<strong>微信</strong>，点<a href="https://example.com/">这里</a>。</p>\n' +
      '<ul>\n<li>第一步</li>\n<li><p>第二步</p></li>\n</ul>\n<p><img src="a.png" alt="截图"></p>\n<p>一<br>二</p>';
    expect(htmlToPlainText(html)).toBe('做法\n打开微信，点这里。\n第一步\n第二步\n一\n二');
  });

  it('decodes the entities Astro writes', () => {
    expect(htmlToPlainText('<p>&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39; &#x4e2d;&#25991;</p>')).toBe(
      '<a> & "b" \'c\' 中文',
    );
  });
});

describe('commonMarkTree: Sätteri reads a body as micromark does', () => {
  /**
   * A tree as the checks read it: types, values, URLs and where each node starts (the line a problem names); nulls
   * and parser data left out. Where a node ends can differ (an unclosed code fence in a list item), and no check
   * reads it.
   */
  function shape(tree: Nodes): unknown {
    const copy = (node: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(
        Object.entries(node)
          .filter(([key, value]) => key !== 'data' && key !== 'children' && value !== null && value !== undefined)
          .map(([key, value]) => {
            if (key !== 'position') return [key, value];
            const { start } = value as Position;
            return [key, [start.line, start.column, start.offset]];
          })
          .sort(([a], [b]) => (a! < b! ? -1 : 1)),
      );
    const root = copy(tree as unknown as Record<string, unknown>);
    const stack: [Nodes, Record<string, unknown>][] = [[tree, root]];
    while (stack.length > 0) {
      const [node, out] = stack.pop()!;
      if (!('children' in node)) continue;
      out.children = node.children.map((child) => {
        const made = copy(child as unknown as Record<string, unknown>);
        stack.push([child, made]);
        return made;
      });
    }
    return root;
  }

  const bodyOf = (text: string) => {
    const read = readEntryText(text);
    return read.ok ? read.entry.body : undefined;
  };
  const bundled = fs
    .readdirSync('content', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => [`content/${file}`, bodyOf(fs.readFileSync(path.join('content', file), 'utf8'))] as const);
  // Sätteri ends a <script> block only at a lower-case </script>: it reads the rest of this body as HTML, as the
  // page does, where micromark goes on reading headings. The checks follow the page (and refuse the script).
  // Bodies nested past the limit are read by micromark itself (the last test).
  const hostile = HOSTILE_FILES.filter((file) => file !== 'mixed-case-script.md')
    .map((file) => [file, bodyOf(fs.readFileSync(path.join(HOSTILE, file), 'utf8'))] as const)
    .filter(([, body]) => body === undefined || sourceNesting(body) <= MAX_HTML_DEPTH);
  const generated = generateContent({ count: 80, seed: 'commonmark' })
    .files.filter((file) => file.path.endsWith('.md'))
    .map((file) => [file.path, bodyOf(file.content)] as const);

  it.each([...bundled, ...hostile, ...generated].filter(([, body]) => body !== undefined))(
    '%s gives the same tree, start positions included',
    (_, body) => {
      if (!canParse(body!)) return;
      expect(shape(commonMarkTree(body!))).toEqual(shape(fromMarkdown(body!)));
    },
  );

  it('gives the same tree on random Markdown of lists, quotes, headings, links, code and entities', () => {
    const pieces = [
      '\n\n',
      '\n',
      '\n> ',
      '\n- ',
      '\n1. ',
      '\n  - ',
      '\n    ',
      '## ',
      '# ',
      '一、基本情况',
      '`',
      '```\n',
      '*',
      '**',
      '_',
      '[链接](https://www.lndx.edu.cn/)',
      '[a]',
      '\n[a]: http://www.example.cn/',
      '![图](./图.png)',
      '<https://www.lndx.edu.cn>',
      'www.sdlnjy.com',
      '&amp;',
      '&#12354;',
      '\\',
      '"',
      '---',
      '| a | b |',
      '1.',
      '老年人学用手机',
      '，',
      '。',
      ' ',
      '\t',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const body = parts.join('');
        expect(shape(commonMarkTree(body))).toEqual(shape(fromMarkdown(body)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reads a body nested past the limit with micromark', () => {
    const deep = '> '.repeat(MAX_HTML_DEPTH + 1) + '深';
    const depth = (tree: Nodes) => {
      let levels = 0;
      for (let node: Nodes = tree; 'children' in node && node.children.length > 0; node = node.children[0]!) levels++;
      return levels;
    };
    expect(depth(commonMarkTree(deep))).toBe(depth(fromMarkdown(deep)));
    expect(commonMarkTree(deep).position).toEqual(fromMarkdown(deep).position);
  });
});
