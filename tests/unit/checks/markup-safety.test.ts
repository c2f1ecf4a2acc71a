import { describe, expect, it } from 'vitest';
import {
  checkMarkupSafety,
  describeUnsafeUrl,
  findUnsafeMarkdown,
  findUnsafeMarkup,
} from '../../../src/checks/markup-safety.ts';

const CHINESE = /[\u4e00-\u9fff]/;

/** Every message says what was found, why, and how to fix it, in Chinese. */
function expectExplained(messages: string[]): void {
  for (const message of messages) {
    expect(message).toMatch(CHINESE);
    expect(message).toContain('请');
    expect(message).not.toMatch(/Invalid|Expected|Required|undefined|\[object/);
  }
}

describe('findUnsafeMarkdown: what a body may not contain', () => {
  it.each([
    ['a script element', '正文 <script>alert(1)</script>', '<script>'],
    ['a script in mixed case, named in lower case', '<ScRiPt>alert(1)</sCrIpT>', '<script>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', '<iframe>'],
    ['a style element', '<style>body{display:none}</style>', '<style>'],
    ['an object and an embed', '<object data="x.swf"><embed src="x.swf"></object>', '<embed>'],
    ['an event handler on an inline tag', '请点 <span onclick="alert(1)">这里</span>', 'onclick='],
    ['an svg onload', '<svg onload="alert(1)"></svg>', 'onload='],
    ['an image onerror', '<img src=x onerror=alert(1)>', 'onerror='],
    ['an event handler in upper case', '<IMG SRC=x ONERROR=alert(1)>', 'onerror='],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta>'],
    ['a form', '<form action="https://evil.example/"><input name="phone"></form>', '<form>'],
    ['a base element', '<base href="https://evil.example/">', '<base>'],
    ['a link element', '<link rel="stylesheet" href="https://evil.example/x.css">', '<link>'],
    ['text hidden with display:none', '<span style="display: none">推广</span>', '藏起来'],
    ['text hidden with font-size:0', '<span style="font-size:0px">推广</span>', '藏起来'],
    ['text hidden with the hidden attribute', '<p hidden>推广</p>', '藏起来'],
    ['details that fold text away', '<details><summary>展开</summary>推广</details>', '<details>'],
    ['a CSS expression', '<div style="width: expression(alert(1))">x</div>', 'expression()'],
    ['an HTML link to vbscript:', '<a href="vbscript:msgbox(1)">点</a>', 'vbscript:'],
    ['an HTML link to javascript: behind entities', '<a href="&#106;avascript:alert(1)">点</a>', 'javascript:'],
    ['an HTML comment', '正文\n\n<!-- 看不见的推广文字 -->\n', '注释'],
    ['an HTML declaration', '<?xml version="1.0"?>\n\n正文', 'HTML 声明'],
    ['harmless formatting HTML, with the Markdown to use instead', '这是<b>重点</b>', '**加粗的文字**'],
    ['a line break tag, with the Markdown to use instead', '第一行<br>第二行', '空一行'],
  ])('%s', (_, body, text) => {
    const found = findUnsafeMarkdown(body);
    expect(found.join('\n')).toContain(text);
    expectExplained(found);
  });

  it.each([
    ['a javascript: link', '[点这里](javascript:alert(1))', 'javascript:'],
    ['a javascript: link in upper case', '[点这里](JAVASCRIPT:alert(1))', 'javascript:'],
    ['javascript: behind a hex character reference', '[a](jav&#x61;script:alert(1))', 'javascript:'],
    ['javascript: behind a named character reference', '[a](javascript&colon;alert(1))', 'javascript:'],
    ['javascript: behind a doubly encoded reference', '[a](&amp;#106;avascript:alert(1))', 'javascript:'],
    ['a tab inside the scheme', '[a](java&#9;script:alert(1))', 'javascript:'],
    ['a zero-width space inside the scheme', '[a](java\u200bscript:alert(1))', 'javascript:'],
    ['a soft hyphen inside the scheme', '[a](java\u00adscript:alert(1))', 'javascript:'],
    ['full-width letters', '[a](ｊａｖａｓｃｒｉｐｔ：alert(1))', 'javascript:'],
    ['a reference-style link', '看[这里][x]\n\n[x]: javascript:alert(1)', 'javascript:'],
    ['an unused definition', '正文\n\n[x]: <javascript:alert(1)>', 'javascript:'],
    ['an autolink', '入口：<javascript:alert(1)>', 'javascript:'],
    ['an image from javascript:', '![图](javascript:alert(1))', 'javascript:'],
    ['a vbscript: link', '[a](vbscript:msgbox(1))', 'vbscript:'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', 'data:'],
    ['a data: page', '[登录](data:text/html,<h1>平台</h1>)', 'data:'],
    ['a mailto: link', '[写信](mailto:wang@example.com)', 'mailto:'],
    ['an e-mail autolink', '<wang@example.com>', 'mailto:'],
    ['a bare e-mail address, which GFM turns into a mailto: link', '写信到 wang@example.com', 'mailto:'],
    ['a tel: link', '[打电话](tel:13800138000)', 'tel:'],
    ['a file: link', '[文件](file:///C:/a.pdf)', 'file:'],
    ['a link that leaves the site without https:', '[平台](//evil.example/login)', 'evil.example'],
    ['a backslash link that browsers read as //', '[平台](/\\evil.example/login)', '省略了 https:'],
    ['a host hidden behind @', '[国家老年大学](https://www.lndx.edu.cn@evil.example/)', 'evil.example'],
    ['link text showing another site', '[https://www.lndx.edu.cn](https://lndx-edu.example/)', '冒充的网站'],
    ['link text showing another www site', '[www.lndx.edu.cn](http://lndx.edu.cn.evil.example/)', '冒充的网站'],
  ])('%s', (_, body, text) => {
    const found = findUnsafeMarkdown(body);
    expect(found.join('\n')).toContain(text);
    expectExplained(found);
  });

  it('reads a body as the page does: indented text under a GFM footnote is Markdown, not code', () => {
    const body = '见脚注[^1]。\n\n[^1]: 说明\n\n    <script>alert(1)</script>\n';
    const found = findUnsafeMarkdown(body);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('<script>');
    expect(found[0]).toMatch(/^第 5 行：/);
  });

  it('finds bidi overrides and isolates anywhere, code included', () => {
    expect(findUnsafeMarkdown('网址：\u202Enc.ude.xdnl\u202C').join()).toContain('U+202E');
    expect(findUnsafeMarkdown('`\u2067代码\u2069`').join()).toContain('U+2067');
  });

  it('reports each tag once however often it occurs, with every danger found on it', () => {
    const found = findUnsafeMarkdown(
      '<span>一</span> <span onclick="x()">二</span> <span style="display:none">三</span>',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('onclick=');
    expect(found[0]).toContain('藏起来');
  });

  it('names a long list of different tags in one message instead of dozens', () => {
    const tags = Array.from({ length: 40 }, (_, i) => `<x-tag${i}>`).join(' ');
    const found = findUnsafeMarkdown(tags);
    expect(found.length).toBeLessThanOrEqual(13);
    expect(found.at(-1)).toContain('另外还有 28 种 HTML 标签');
  });
});

describe('findUnsafeMarkdown: ordinary Markdown passes', () => {
  it.each([
    [
      'links to https and http sites',
      '看[国家平台](https://www.lndx.edu.cn/)和[旧站](http://example.com/a?b=1&c=2#d)。',
    ],
    [
      'relative links, anchors and images',
      '[上一课](../shouji-guahao/)、[下面](#bu-zhou)、![手机](./images/shouji.png)',
    ],
    ['a query-only link', '[第二页](?page=2)'],
    ['link text that matches where the link goes', '[www.lndx.edu.cn](https://www.lndx.edu.cn/courses/)'],
    ['link text naming the parent of the linked host', '[lndx.edu.cn 的视频](https://video.lndx.edu.cn/)'],
    ['link text without a site in it', '[点这里打开平台](https://www.lndx.edu.cn/)'],
    ['less-than and greater-than in text', '如果 3 < 5 并且 5 > 3，那么 a<b 也成立；箭头 -> 和 <- 也可以。'],
    ['Chinese brackets and quotation marks', '《智慧助老》【提示】〈注〉「重要」“扫码”'],
    ['a code span mentioning script', '不要在正文里写 `<script>` 标签，也不要写 `javascript:`。'],
    ['a fenced code block with HTML', '示例：\n\n```html\n<script>alert(1)</script>\n<iframe src="x"></iframe>\n```\n'],
    ['a tilde-fenced code block', '~~~\n<img src=x onerror=alert(1)>\n~~~\n'],
    ['escaped HTML, shown as text', '\\<script> 和 &lt;script&gt; 都会原样显示'],
    ['javascript: in plain text, which is not a link', '收到写着 javascript: 的短信链接，千万不要点。'],
    [
      'headings, lists, emphasis and tables',
      '## 步骤\n\n1. **打开**微信\n2. *点*放大镜\n\n| 步骤 | 说明 |\n| --- | --- |\n| 一 | 打开 |\n',
    ],
    ['RTL marks and zero-width joiners in emoji', '老人\u200f家 👨\u200d👩\u200d👧 一起学'],
    ['an empty body', ''],
  ])('%s', (_, body) => {
    expect(findUnsafeMarkdown(body)).toEqual([]);
  });
});

describe('findUnsafeMarkup: plain-text fields', () => {
  it.each([
    ['a script element', '课程<script>alert(1)</script>', '<script>'],
    ['an entity-encoded script element', '课程&lt;script&gt;alert(1)&lt;/script&gt;', '<script>'],
    ['an unclosed dangerous tag', '课程<img src=x onerror=alert(1)', 'onerror='],
    ['an iframe', '<iframe src=//evil.example>', '<iframe>'],
    ['formatting HTML', '<b>重点</b>课程', '<b>'],
    ['an HTML comment', '课程<!-- 注 -->', '注释'],
    ['an attribute break-out', '老年大学" onmouseover="alert(1)', 'onmouseover='],
    ['a style attribute break-out', "老年大学' style='display:none", 'style='],
    ['a javascript: address', 'javascript:alert(1)', 'javascript:'],
    ['a javascript: address behind entities', 'jav&#x61;script:alert(1)', 'javascript:'],
    ['a javascript: address with a zero-width space', 'java\u200bscript:alert(1)', 'javascript:'],
    ['a javascript: address in full-width letters', 'ｊａｖａｓｃｒｉｐｔ：alert(1)', 'javascript:'],
    ['a vbscript: address', '见 VBScript:msgbox(1)', 'vbscript:'],
    ['a data: address', 'data:text/html;base64,PGgxPg==', 'data:'],
    ['an address hiding its host behind @', 'https://www.lndx.edu.cn@evil.example/', 'evil.example'],
    ['a bidi override', '银龄课堂\u202E堂课\u202C', 'U+202E'],
  ])('%s', (_, text, expected) => {
    const found = findUnsafeMarkup(text);
    expect(found.join('\n')).toContain(expected);
    expectExplained(found);
  });

  it('says the field takes plain text, not Markdown', () => {
    expect(findUnsafeMarkup('<b>重点</b>')[0]).toContain('这个字段只能写纯文字');
    expect(findUnsafeMarkup('<b>重点</b>')[0]).not.toContain('**');
  });

  it.each([
    '用手机预约挂号，一步一步学',
    '互联网+生活',
    '3 < 5，并且 a<b',
    '《智慧助老》【示例】〈注〉',
    'https://www.lndx.edu.cn/video/example',
    'https://example.com/zhulao/?a=1&b=2',
    './images/封面.png',
    'CC BY-NC-SA 4.0',
    '大数据 data: 统计说明',
    '在线学习（online）平台',
    'AT&T 与 R&D 部门',
    '示例市老年教育优秀课程（2021）',
    '',
  ])('passes %j', (text) => {
    expect(findUnsafeMarkup(text)).toEqual([]);
  });
});

describe('describeUnsafeUrl', () => {
  it.each([
    'https://www.lndx.edu.cn/',
    'http://example.com/',
    'HTTPS://EXAMPLE.COM/',
    './images/a.png',
    '../cases/x/',
    '/courses/x/',
    '#bu-zhou',
    '?page=2',
    '',
  ])('allows %j', (url) => {
    expect(describeUnsafeUrl(url)).toBeUndefined();
  });

  it('names the scheme, not the rest of the address (which may hold a phone number)', () => {
    const message = describeUnsafeUrl('tel:13800138000')!;
    expect(message).toContain('tel:');
    expect(message).not.toContain('13800138000');
  });

  it('rejects every other scheme with the allowed forms', () => {
    expect(describeUnsafeUrl('ftp://example.com/a.pdf')).toContain('https://');
    expect(describeUnsafeUrl('weixin://dl/chat')).toContain('联系方式');
  });
});

describe('checkMarkupSafety', () => {
  it('names nested fields, list items and the body', () => {
    const problems = checkMarkupSafety(
      {
        title: '<script>alert(1)</script>课堂',
        instructors: [{ name: '李华', affiliation: '大学" onclick="x()', position: '讲师' }],
        awards: ['优秀课程', '<iframe src=x>'],
      },
      '[点](javascript:alert(1))',
    );
    expect(problems.map((p) => p.field)).toEqual(['title', 'instructors[0].affiliation', 'awards[1]', '正文']);
    expectExplained(problems.map((p) => p.message));
  });

  it('checks keys too', () => {
    expect(checkMarkupSafety({ '<script>': 1 }, '').map((p) => p.field)).toEqual(['<script>']);
  });

  it('passes a clean entry and ignores numbers, booleans, dates and null', () => {
    const frontmatter = {
      title: '手机挂号入门',
      batch: 1,
      shared: true,
      recommendedOn: new Date('2021-10-01'),
      cover: null,
      members: ['王丽'],
    };
    expect(checkMarkupSafety(frontmatter, '教老年人用手机预约挂号：\n\n1. 打开公众号。\n')).toEqual([]);
  });

  it('checks a value that is not an object (a YAML frontmatter that is only a string)', () => {
    expect(checkMarkupSafety('<script>', '').map((p) => p.field)).toEqual(['(frontmatter)']);
  });

  it('visits cyclic and shared values (YAML aliases) once, without running forever', () => {
    const shared = ['<b>粗</b>'];
    const cyclic: Record<string, unknown> = { title: '课程' };
    cyclic.self = cyclic;
    cyclic.a = shared;
    cyclic.b = shared;
    const problems = checkMarkupSafety(cyclic, '');
    expect(problems.map((p) => p.field)).toEqual(['a[0]']);
  });

  it('walks deep nesting without overflowing the stack', () => {
    let deep: unknown = '<script>';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problems = checkMarkupSafety({ x: deep }, '');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field.startsWith('x[0][0]')).toBe(true);
  });
});
