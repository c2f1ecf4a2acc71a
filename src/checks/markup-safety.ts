import { MAX_HTML_DEPTH, type Refusal } from '../markdown/allowlist.ts';
import { renderMarkdown, type RenderedMarkdown } from '../markdown/pipeline.ts';
import { formatFieldPath } from '../report/problems.ts';
import { decodeEntities as decodeOnce } from '../core/html-entities.ts';
import { leavesOf, pathOf, type Step } from '../core/walk.ts';
import { codePointsIn } from '../core/code-points.ts';

/**
 * Content is data, not code: entries arrive by pull request, so nothing in an entry may run in a reader's
 * browser, hide text from readers and reviewers, or send a reader to a page that pretends to be ours.
 * The rule is simple enough to explain to provincial staff: no HTML at all, in the body or in any field;
 * links only to https:// or http:// sites, paths inside the site, or #anchors.
 */

export interface MarkupProblem {
  /** `summary`, `instructors[0].affiliation`, or `正文` */
  field: string;
  message: string;
  /** The 1-based line in the file, for problems in the body */
  line?: number;
}

const BODY_FIELD = '正文';

/** Characters a browser ignores inside a URL scheme, or that draw nothing: removed before matching. */
const IGNORED_IN_URL = /[\p{Default_Ignorable_Code_Point}\p{Cc}\s]/gu;
/** Embeddings, overrides and isolates reorder what is shown (“Trojan Source”); plain LRM/RLM marks do not. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/** References decoded, and what decoding reveals decoded again: `&amp;#106;avascript:` is seen for what it is. */
const decodeEntities = (text: string) => decodeOnce(text, { repeat: true });

/** A URL as the browser would read its scheme: entities decoded, full-width folded, invisible characters gone. */
function normalizeUrl(url: string): string {
  return decodeEntities(url).normalize('NFKC').replace(IGNORED_IN_URL, '');
}

// ---------------------------------------------------------------------------------------------------------
// URLs

const CODE_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'mocha', 'jscript']);
const CONTACT_SCHEMES = new Set(['mailto', 'tel', 'sms', 'callto', 'facetime', 'weixin', 'wechat']);
const ALLOWED_URLS = '链接只能是 https:// 或 http:// 开头的网址、站内的相对路径（例如 ./images/图片.png）或 #锚点';

function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).hostname : undefined;
}

/** Describes why a link or image address is not allowed, or returns undefined when it is fine. */
export function describeUnsafeUrl(url: string): string | undefined {
  const clean = normalizeUrl(url);
  if (/^[\\/]{2}/.test(clean)) {
    const host = hostOf(`https:${clean.replace(/\\/g, '/')}`);
    return `链接地址以 // 开头${host ? `（去往 ${host}）` : ''}，省略了 https:，读者会被带到别的网站却看不出来；请写完整的 https:// 网址，站内页面请用相对路径`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(clean)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(clean)) return undefined;
    const parsed = new URL(clean);
    if (parsed.username || parsed.password) {
      return `链接地址里有 @：浏览器会打开 @ 后面的网站（${parsed.hostname}），@ 前面的文字只是伪装；请写真实的网址，不要在网址里放 @`;
    }
    return undefined;
  }
  if (CODE_SCHEMES.has(scheme)) {
    return `链接地址以 ${scheme}: 开头，点开会在读者的浏览器里运行代码，绝不允许；${ALLOWED_URLS}，请删去这个链接或换成正常的网址`;
  }
  if (scheme === 'data') {
    return `链接地址以 data: 开头：它把整个文件或网页藏在地址里，可能是伪装的网页或脚本；图片请放进内容目录，写成 ![图片说明](./images/图片.png)，网页请链接 https:// 网址`;
  }
  if (CONTACT_SCHEMES.has(scheme)) {
    return `链接地址以 ${scheme}: 开头，这是个人联系方式，公开网站不能登载；请删去这个链接，如需联系方式，只写单位名称或公共服务电话`;
  }
  return `链接地址以 ${scheme}: 开头，网站不接受这种地址；${ALLOWED_URLS}，请改正`;
}

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[a-z0-9.-]+\.[a-z]{2,}/gi;

/** `[https://www.lndx.edu.cn](https://lndx.example/)`: the text shows one site, the link goes to another. */
function describeDeceptiveLink(text: string, url: string): string | undefined {
  const actual = hostOf(normalizeUrl(url));
  if (actual === undefined || !/^https?:/i.test(normalizeUrl(url))) return undefined;
  const real = actual.toLowerCase().replace(/^www\./, '');
  for (const [shown] of decodeEntities(text).normalize('NFKC').matchAll(URL_IN_TEXT)) {
    const shownHost = shown
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '');
    if (real !== shownHost && !real.endsWith(`.${shownHost}`)) {
      return `链接文字写的是「${shown}」，实际却去往「${actual}」：读者会被带到一个冒充的网站；请让链接文字和真实网址一致`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// HTML

interface TagRule {
  /** Why the tag is dangerous, beyond “HTML is not allowed” */
  why?: string;
  /** What to write instead, in Markdown */
  instead?: string;
}

const EMBED: TagRule = {
  why: '它会把别的网站或程序嵌进我们的页面，读者分不清真假',
  instead: '视频请填在 video 字段，其他网页请写成链接 [链接文字](https://…)',
};
const FORM: TagRule = { why: '它会在页面上放输入框或按钮，可能骗老年人填写个人信息' };
const PLAIN: TagRule = { instead: '直接写文字，段与段之间空一行' };
const IMAGE: TagRule = { instead: '图片请写成 ![图片说明](./images/图片.png)' };
const TABLE: TagRule = { instead: '表格请用竖线写，例如 | 项目 | 说明 |' };
const HEADING: TagRule = { instead: '小节标题请写成 ## 标题' };
const MEDIA: TagRule = { instead: '视频请填在 video 字段（本地视频要配字幕）' };

const TAG_RULES: Record<string, TagRule> = {
  script: { why: '它会在读者的浏览器里运行代码' },
  noscript: { why: '它里面的内容只在特殊情况下显示，审核时容易漏看' },
  template: { why: '它里面的内容不会显示，却可能被脚本取出来运行' },
  iframe: EMBED,
  frame: EMBED,
  frameset: EMBED,
  object: EMBED,
  embed: EMBED,
  applet: EMBED,
  portal: EMBED,
  style: { why: '它会改变页面的样式，可以把文字藏起来，或把页面伪装成别的样子' },
  link: { why: '它会让页面加载别处的样式或文件' },
  meta: { why: '它可以让页面自动跳转到别的网站' },
  base: { why: '它会让页面上所有的链接都指向别的网站' },
  form: FORM,
  input: FORM,
  button: FORM,
  textarea: FORM,
  select: FORM,
  option: FORM,
  label: FORM,
  fieldset: FORM,
  svg: { why: '它可以带有运行代码的部分', ...IMAGE },
  math: { why: '它可以带有运行代码的部分' },
  img: IMAGE,
  picture: IMAGE,
  source: IMAGE,
  image: IMAGE,
  video: MEDIA,
  audio: MEDIA,
  track: MEDIA,
  a: { instead: '链接请写成 [链接文字](https://…)' },
  details: { why: '它会把文字折叠藏起来，读者不点开就看不到', instead: '请直接写出全部文字' },
  summary: { why: '它会把文字折叠藏起来，读者不点开就看不到', instead: '请直接写出全部文字' },
  marquee: { why: '它会让文字滚动，老年人难以阅读' },
  blink: { why: '它会让文字闪烁，老年人难以阅读' },
  br: { instead: '换段请空一行' },
  p: PLAIN,
  div: PLAIN,
  span: PLAIN,
  font: PLAIN,
  center: PLAIN,
  section: PLAIN,
  article: PLAIN,
  small: PLAIN,
  big: PLAIN,
  u: PLAIN,
  mark: PLAIN,
  b: { instead: '加粗请写成 **加粗的文字**' },
  strong: { instead: '加粗请写成 **加粗的文字**' },
  i: { instead: '倾斜请写成 *倾斜的文字*' },
  em: { instead: '倾斜请写成 *倾斜的文字*' },
  h1: HEADING,
  h2: HEADING,
  h3: HEADING,
  h4: HEADING,
  h5: HEADING,
  h6: HEADING,
  ul: { instead: '列表请每行以「- 」开头' },
  ol: { instead: '编号列表请每行以「1. 」开头' },
  li: { instead: '列表请每行以「- 」或「1. 」开头' },
  table: TABLE,
  thead: TABLE,
  tbody: TABLE,
  tr: TABLE,
  td: TABLE,
  th: TABLE,
  blockquote: { instead: '引用请在行首写 > ' },
  pre: { instead: '代码请用 ``` 围起来' },
  code: { instead: '代码请用反引号 ` 围起来' },
  hr: { instead: '分隔线请单独写一行 ---' },
};

/** Tags that are dangerous even when the `>` is missing (a browser may still complete them). */
const DANGEROUS_TAGS = new Set(Object.keys(TAG_RULES).filter((tag) => TAG_RULES[tag]!.why || tag === 'img'));

/** Everything between `<` and the next `<`: a tag with its attributes, `>` inside quotes included. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)(?=[\s/>]|$)([^<]*)/g;
const COMMENT = /<!--/;
const DECLARATION = /<!\[?[A-Za-z[]|<\?[A-Za-z]/;

const EVENT_ATTRIBUTE = /(?:^|[\s"'/])(on[a-z]{3,30})\s*=/i;
const HIDING_STYLE =
  /display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0(?![.\d]*[1-9])|font-size\s*:\s*0(?![.\d]*[1-9])|(?:height|width|max-height)\s*:\s*0(?![.\d]*[1-9])|(?:left|top|text-indent)\s*:\s*-\d{3,}|clip\s*:|clip-path\s*:/i;
const HIDDEN_ATTRIBUTE = /(?:^|\s)(?:hidden|aria-hidden\s*=\s*["']?true)(?=[\s/>=]|$)/i;
const CSS_CODE = /expression\s*\(|behavior\s*:|-moz-binding|url\s*\(/i;
const URL_ATTRIBUTE =
  /(?<![\w-])(?:href|src|action|formaction|data|poster|srcdoc|xlink:href|content)\s*=\s*["']?([^"'\s>]*)/gi;

function attributeDangers(attributes: string): string[] {
  const clean = decodeEntities(attributes).replace(IGNORED_IN_URL, (c) => (/\s/.test(c) ? ' ' : ''));
  const dangers: string[] = [];
  const event = EVENT_ATTRIBUTE.exec(clean)?.[1];
  if (event) dangers.push(`其中的 ${event.toLowerCase()}= 会在读者的浏览器里运行代码`);
  if (HIDING_STYLE.test(clean) || HIDDEN_ATTRIBUTE.test(clean)) dangers.push('其中的样式会把文字藏起来，读者看不到');
  if (CSS_CODE.test(clean)) dangers.push('其中的样式含有 expression() 或 url() 等，会运行代码或加载别处的文件');
  for (const [, value] of clean.matchAll(URL_ATTRIBUTE)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalizeUrl(value!))?.[1]?.toLowerCase();
    if (scheme && (CODE_SCHEMES.has(scheme) || scheme === 'data')) {
      dangers.push(`其中的地址以 ${scheme}: 开头，会运行代码或藏着伪装的网页`);
      break;
    }
  }
  return dangers;
}

/** HTML found in one text or one body: each tag once, with everything wrong with its attributes. */
interface HtmlFindings {
  tags: Map<string, Set<string>>;
  comment: boolean;
  declaration: boolean;
  /** The first line each tag (`<tag>`), the comment (`!--`) and the declaration (`!`) was found on */
  lines: Map<string, number>;
}

const newFindings = (): HtmlFindings => ({ tags: new Map(), comment: false, declaration: false, lines: new Map() });

/**
 * Collects HTML tags, comments and declarations. In a field, a bare `<b` without `>` is left alone (`a<b` is
 * arithmetic) unless the tag is one that can run code or hide text.
 */
function collectHtml(text: string, findings: HtmlFindings, mustClose: boolean, line?: number): void {
  const at = (key: string) => line !== undefined && !findings.lines.has(key) && findings.lines.set(key, line);
  for (const match of text.matchAll(TAG)) {
    const tag = match[2]!.toLowerCase();
    const rest = match[3]!;
    if (mustClose && !rest.includes('>') && !DANGEROUS_TAGS.has(tag)) continue;
    const dangers = findingsFor(findings, tag);
    at(`<${tag}>`);
    if (match[1] !== '/') for (const danger of attributeDangers(rest)) dangers.add(danger);
  }
  if (COMMENT.test(text)) {
    findings.comment = true;
    at('!--');
  } else if (DECLARATION.test(text)) {
    findings.declaration = true;
    at('!');
  }
}

function findingsFor(findings: HtmlFindings, tag: string): Set<string> {
  let dangers = findings.tags.get(tag);
  if (!dangers) findings.tags.set(tag, (dangers = new Set()));
  return dangers;
}

type Place = 'body' | 'field';

const RULE: Record<Place, string> = {
  body: '正文只能用 Markdown 写，不能用 HTML',
  field: '这个字段只能写纯文字，不能用 HTML',
};

/** Past this many different tags, the rest are named in one message: the report stays readable. */
const MAX_TAGS_DESCRIBED = 12;

function describeHtml(findings: HtmlFindings, place: Place): BodyFinding[] {
  const messages: BodyFinding[] = [];
  const tags = [...findings.tags];
  for (const [tag, dangers] of tags.slice(0, MAX_TAGS_DESCRIBED)) {
    const rule = TAG_RULES[tag] ?? {};
    const why = [rule.why, ...dangers].filter(Boolean).join('；');
    const instead = place === 'body' && rule.instead ? `；${rule.instead}` : '';
    messages.push({
      line: findings.lines.get(`<${tag}>`),
      message: `发现 HTML 标签 <${tag}>${why ? `：${why}` : ''}。${RULE[place]}，请删去 <${tag}> 标签${instead}`,
    });
  }
  const more = tags.slice(MAX_TAGS_DESCRIBED).map(([tag]) => `<${tag}>`);
  if (more.length > 0) {
    const listed = more.slice(0, 10).join('、') + (more.length > 10 ? ' 等' : '');
    messages.push({ message: `另外还有 ${more.length} 种 HTML 标签：${listed}。${RULE[place]}，请把它们全部删去` });
  }
  if (findings.comment) {
    messages.push({
      line: findings.lines.get('!--'),
      message: `发现 HTML 注释 <!-- … -->：注释里的文字读者看不到，审核时也容易漏看。${RULE[place]}，请删去注释；给审核人的说明请写在 Pull Request 里`,
    });
  }
  if (findings.declaration) {
    messages.push({
      line: findings.lines.get('!'),
      message: `发现 HTML 声明（以 <! 或 <? 开头）：它会把后面的文字藏起来。${RULE[place]}，请删去它`,
    });
  }
  return messages;
}

// ---------------------------------------------------------------------------------------------------------
// Plain text (frontmatter values)

const CODE_SCHEME_IN_TEXT = /(?<![a-z0-9+.-])(javascript|vbscript|livescript|mocha|jscript):/gi;
const DATA_URL_IN_TEXT = /(?<![a-z0-9+.-])data:(?:[a-z]+\/[a-z0-9.+-]+|[,;])/i;
const URL_WITH_USERINFO = /https?:\/\/[A-Za-z0-9._~%!$&'()*+,;=:-]*@[A-Za-z0-9.-]+/gi;
const EVENT_IN_TEXT = /(?:^|[\s"'/;])(on[a-z]{3,30})\s*=/i;
const STYLE_IN_TEXT = /(?:^|[\s"'/;])style\s*=\s*["']/i;

/** C0 and C1 controls other than tab and line breaks: invisible on the page, and NUL or ESC can cut or colour text. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

function describeControls(text: string): string[] {
  const codes = codePointsIn(text, CONTROL_CHARACTER);
  if (codes.length === 0) return [];
  return [
    `有看不见的控制字符（${codes.join('、')}）：它们不会显示，却会让文字在网页、表格或数据里断开或变样；请删去（从别处复制文字时容易带进来，可以把这段文字重新输入一遍）`,
  ];
}

function describeBidi(text: string): string[] {
  const codes = codePointsIn(text, BIDI_CONTROL);
  if (codes.length === 0) return [];
  return [
    `有看不见的文字方向控制字符（${codes.join('、')}）：它会让文字显示的顺序和实际不同，可能被用来伪装网址或号码；请删去（从别处复制文字时容易带进来，可以把这段文字重新输入一遍）`,
  ];
}

/**
 * What is unsafe in a plain-text value (a frontmatter field): HTML of any kind, attribute fragments that
 * would turn into code if pasted into a page, javascript:/data: addresses, addresses that hide their real site
 * behind `@`, and bidi controls. Entities and invisible characters are seen through. Chinese descriptions;
 * empty when the text is safe.
 */
export function findUnsafeMarkup(text: string): string[] {
  const decoded = decodeEntities(text);
  const forSchemes = decoded.normalize('NFKC').replace(IGNORED_IN_URL, (c) => (/[ \u3000]/.test(c) ? ' ' : ''));
  const html = newFindings();
  collectHtml(decoded, html, true);
  const found = [
    ...describeControls(text),
    ...describeBidi(text),
    ...describeHtml(html, 'field').map((f) => f.message),
  ];
  const event = EVENT_IN_TEXT.exec(forSchemes)?.[1];
  if (event) {
    found.push(
      `有 ${event.toLowerCase()}= 这样的事件属性，放进网页会在读者的浏览器里运行代码；这个字段只能写纯文字，请删去它`,
    );
  }
  if (STYLE_IN_TEXT.test(forSchemes)) {
    found.push('有 style= 样式属性，放进网页可以把文字藏起来；这个字段只能写纯文字，请删去它');
  }
  for (const scheme of new Set([...forSchemes.matchAll(CODE_SCHEME_IN_TEXT)].map((m) => m[1]!.toLowerCase()))) {
    found.push(
      `有以 ${scheme}: 开头的地址，放进链接会在读者的浏览器里运行代码；这个字段只能写纯文字或 https:// 网址，请删去它`,
    );
  }
  if (DATA_URL_IN_TEXT.test(forSchemes)) {
    found.push('有以 data: 开头的地址，它把整个文件或网页藏在地址里，可能是伪装的网页或脚本；请删去它');
  }
  for (const [url] of forSchemes.matchAll(URL_WITH_USERINFO)) {
    const problem = describeUnsafeUrl(url);
    if (problem) {
      found.push(problem);
      break;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown (bodies)

/** One thing wrong in a body, with the line of the body it is on when the parser knows it. */
export interface BodyFinding {
  /** 1-based, counted from the body's first line */
  line?: number;
  message: string;
}

const TOO_DEEP = (depth: number) =>
  `正文的列表、引用或其他内容一层套一层，嵌套了 ${depth} 层，超过上限 ${MAX_HTML_DEPTH} 层：读者会看不明白，浏览器也会把它打乱；请减少缩进和行首的 >，把内容拆成几段平铺写出`;

function describeRefusal(refusal: Refusal): string {
  if (refusal.comment) return describeHtml({ ...newFindings(), comment: true }, 'body')[0]!.message;
  if (refusal.url) {
    return (
      describeUnsafeUrl(refusal.url.value) ??
      `网页里有一个地址「${refusal.url.value}」不在允许之列；${ALLOWED_URLS}，图片请放进内容目录，写成 ![图片说明](./images/图片.png)`
    );
  }
  if (refusal.attribute) {
    return `网站生成的网页里，<${refusal.tag}> 带有不允许的属性 ${refusal.attribute}：正文只能用 Markdown 写，请删去这段 HTML，改用 Markdown 的写法`;
  }
  return `网站生成的网页里出现了不允许的 <${refusal.tag}> 标签：${RULE.body}，请删去它，改用 Markdown 的写法`;
}

/**
 * What is unsafe in a Markdown body, read by the very parser that renders it (./markdown/pipeline.ts): raw HTML
 * (tags, comments), link, image and reference addresses that are not https/http, relative paths or anchors,
 * links whose text shows another site than they go to, images from other sites, a `---` block that the page
 * would drop, nesting too deep to show, and bidi controls. Then the rendered HTML itself goes through the
 * allowlist: whatever is outside it is refused even if no rule above foresaw it. Code spans and fenced code are
 * shown, not run, so `<script>` inside backticks is fine.
 */
export function checkMarkdownBody(markdown: string, rendered = renderMarkdown(markdown)): BodyFinding[] {
  const bidi = describeBidi(markdown).map((message) => ({ message }));
  // A body too long to parse is already refused as too long (sections.ts); its markup is read once it is shorter.
  if (rendered.tooLong) return bidi;
  const found: BodyFinding[] = [...bidi];
  const html = newFindings();
  for (const { value, line } of rendered.source.html) collectHtml(value, html, false, line);
  found.push(...describeHtml(html, 'body'));
  const seen = new Set<string>();
  for (const { kind, url, text, line } of rendered.source.urls) {
    let message = describeUnsafeUrl(url);
    if (!message && kind === 'link') message = describeDeceptiveLink(text, url);
    if (!message && kind === 'image' && /^[a-z][a-z0-9+.-]*:|^[\\/]{2}/i.test(normalizeUrl(url))) {
      message = `正文里的图片「${url}」在别的网站上：网站不从别处加载图片（读者的浏览器会向那个网站暴露自己）；请把图片下载后放进内容目录，写成 ![图片说明](./images/图片.png)`;
    }
    if (message && !seen.has(message)) {
      seen.add(message);
      found.push({ line, message });
    }
  }
  if (rendered.source.droppedBlock) {
    found.push({
      line: rendered.source.droppedBlock.line,
      message:
        '正文开头有一段用 --- 或 +++ 包起来的文字：网站会把它当作字段区丢掉，读者看不到，审核时却容易漏看；请把字段写进文件最上面的字段区，正文里的分隔线前后请各空一行',
    });
  }
  if (rendered.tooDeep !== undefined) found.push({ message: TOO_DEEP(rendered.tooDeep) });
  else if (rendered.outsideAllowlist && found.length === bidi.length) {
    for (const refusal of rendered.refused) found.push({ message: describeRefusal(refusal) });
    if (rendered.refused.length === 0) {
      found.push({ message: `网站生成的网页里有不允许的内容：${RULE.body}，请删去其中的 HTML，改用 Markdown 的写法` });
    }
  }
  return found;
}

/** A finding as one line of the report: `第 12 行：…` when the line is known. */
export function formatBodyFinding({ line, message }: BodyFinding): string {
  return line === undefined ? message : `第 ${line} 行：${message}`;
}

/** `checkMarkdownBody`, as messages (lines counted from the body's first line). */
export function findUnsafeMarkdown(markdown: string): string[] {
  return checkMarkdownBody(markdown).map(formatBodyFinding);
}

/**
 * Every string in the frontmatter (nested fields and keys included) and the body, checked for markup that could
 * run code, hide text or disguise a link. Shared values (YAML aliases) and cycles are visited once.
 */
export function checkMarkupSafety(
  frontmatter: unknown,
  body: string,
  { rendered, firstLine = 1 }: { rendered?: RenderedMarkdown; firstLine?: number } = {},
): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const add = (at: Step | undefined, text: string) => {
    const field = formatFieldPath(pathOf(at)) || '(frontmatter)';
    for (const message of new Set(findUnsafeMarkup(text))) problems.push({ field, message });
  };
  for (const { value, at } of leavesOf(frontmatter, { keys: true })) if (typeof value === 'string') add(at, value);
  for (const { line, message } of checkMarkdownBody(body, rendered)) {
    problems.push({ field: BODY_FIELD, message, ...(line === undefined ? {} : { line: line + firstLine - 1 }) });
  }
  return problems;
}
