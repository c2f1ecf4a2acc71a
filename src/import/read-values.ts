/**
 * What the cells of a form say, read the way units fill them in: ticked boxes, minutes written into the
 * type cell, counts with units (6 期, 1.2 万人次), names in one cell, 授课人 with 单位及职务（职称）, and the
 * case's three parts written one after another in one cell.
 */
import { chineseNumber } from '../core/chinese-numbers.ts';
import { BOX_MARKS, RESOURCE_TYPE_OPTIONS, TICK_MARKS, CASE_PARTS } from './form-layout.ts';

export type ResourceType = (typeof RESOURCE_TYPE_OPTIONS)[number];

interface Option {
  ticked: boolean | undefined;
  text: string;
}

/**
 * Splits a cell at its boxes: `☑教材（读本） □视频资源` → two options, ticked or not. A cell without any
 * box gives one option whose `ticked` is undefined.
 */
export function splitOptions(text: string): Option[] {
  const options: Option[] = [];
  let current: Option = { ticked: undefined, text: '' };
  for (const char of text) {
    if (TICK_MARKS.includes(char) || BOX_MARKS.includes(char)) {
      if (current.text.trim() !== '' || current.ticked !== undefined) options.push(current);
      current = { ticked: TICK_MARKS.includes(char), text: '' };
    } else current.text += char;
  }
  if (current.text.trim() !== '' || current.ticked !== undefined) options.push(current);
  return options.map((o) => ({ ...o, text: o.text.trim() }));
}

const TYPE_WORDS: [ResourceType, RegExp][] = [
  ['教材（读本）', /^(?:教材|读本)/],
  ['视频资源', /^视频/],
  ['其他', /^其[他它]/],
];

function typeOf(text: string): ResourceType | undefined {
  return TYPE_WORDS.find(([, pattern]) => pattern.test(text.replace(/^[\s、,，.．:：]+/, '')))?.[0];
}

/** Minutes written anywhere in a text: 25 分钟, 1 小时 20 分钟, 时长：25, 12.5 min. */
export function readMinutes(text: string): number | undefined {
  const value = text.normalize('NFKC').replace(/_+/g, ' ');
  const hours = /(\d+(?:\.\d+)?)\s*(?:小时|h\b)\s*(?:(\d+(?:\.\d+)?)\s*(?:分钟|分|min))?/i.exec(value);
  if (hours) return Number(hours[1]) * 60 + Number(hours[2] ?? 0);
  const minutes = /(\d+(?:\.\d+)?)\s*(?:分钟|分|mins?\b|minutes?\b|′|')/i.exec(value);
  if (minutes) return Number(minutes[1]);
  const after = /时长\D{0,6}?(\d+(?:\.\d+)?)/.exec(value);
  if (after) return Number(after[1]);
  const bare = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  return bare ? Number(bare[1]) : undefined;
}

export interface ResourceTypeReading {
  types: ResourceType[];
  minutes?: number;
  /** What 其他 says it is: 其他：图文卡片 → 图文卡片 */
  note?: string;
  /** Said when the cell was read by guessing rather than by a tick */
  doubt?: string;
}

/** 课程资源类型: the ticked options, the minutes written beside 视频资源, and what 其他 is. */
export function readResourceType(text: string): ResourceTypeReading {
  const options = splitOptions(text);
  const boxed = options.filter((o) => o.ticked !== undefined);
  let chosen: Option[];
  let doubt: string | undefined;
  if (boxed.length > 0) {
    chosen = boxed.filter((o) => o.ticked);
  } else {
    // No boxes: a typed answer (视频资源 25 分钟) or a sheet's cell.
    chosen = options.filter((o) => typeOf(o.text));
    if (chosen.length === 0 && options.length > 0) chosen = options;
  }
  const types = [...new Set(chosen.map((o) => typeOf(o.text)).filter((t): t is ResourceType => t !== undefined))];
  const videoText = chosen.find((o) => typeOf(o.text) === '视频资源')?.text;
  let minutes = videoText === undefined ? undefined : readMinutes(videoText.replace(/^视频资源?/, ''));
  if (types.length === 0) {
    // Minutes written against the video line without a tick still say which it is.
    const video = options.find((o) => typeOf(o.text) === '视频资源');
    const written = video && readMinutes(video.text.replace(/^视频资源?/, ''));
    if (written !== undefined) {
      types.push('视频资源');
      minutes = written;
      doubt = `课程资源类型没有勾选，但写了视频时长 ${written} 分钟，按「视频资源」导入`;
    }
  }
  const other = chosen.find((o) => typeOf(o.text) === '其他')?.text;
  const note = other
    ?.replace(/^其[他它]/, '')
    .replace(/^[\s:：,，、（(]+|[\s)）]+$/g, '')
    .trim();
  return { types, minutes, note: note || undefined, doubt };
}

/** 是否同意共享: a ticked 是/否, or the answer written out (同意, 否, 不同意). */
export function readYesNo(text: string): boolean | undefined {
  const boxed = splitOptions(text).filter((o) => o.ticked !== undefined);
  const answer = (value: string): boolean | undefined => {
    const v = value.normalize('NFKC').trim().toLowerCase();
    if (/^(?:否|不同意|不共享|不|no|n|×)/.test(v)) return false;
    if (/^(?:是|同意|共享|yes|y|√)/.test(v)) return true;
    return undefined;
  };
  if (boxed.length > 0) {
    const ticked = boxed.filter((o) => o.ticked).map((o) => answer(o.text));
    return ticked.length === 1 ? ticked[0] : undefined;
  }
  return answer(text);
}

/** A count as written: 6、6 期、共 12 期、1,200 人次、1.2 万人次、六期. */
export function readCount(text: string): number | undefined {
  const value = text.normalize('NFKC').replace(/(\d),(\d{3})/g, '$1$2');
  const arabic = /(\d+(?:\.\d+)?)\s*(万)?/.exec(value);
  if (arabic) {
    const n = Number(arabic[1]) * (arabic[2] ? 10000 : 1);
    return Number.isFinite(n) ? Math.round(n) : undefined;
  }
  const chinese = /[零〇一二两三四五六七八九十百千]+/.exec(value);
  return chinese ? chineseNumber(chinese[0]) : undefined;
}

/** Names in one cell: 王丽、陈明 李华 → three names; 无 → none. */
export function readNames(paragraphs: readonly string[]): string[] {
  return paragraphs
    .flatMap((p) => p.split(/[、，,；;/／\s\u3000]+/))
    .map((name) => name.trim())
    .filter((name) => name !== '' && !/^(?:无|暂无|—+|-+)$/.test(name));
}

/** Awards one per line or separated by ；, numbering removed: 1.示例市优秀课程（2021） → 示例市优秀课程（2021）. */
export function readList(paragraphs: readonly string[]): string[] {
  return paragraphs
    .flatMap((p) => p.split(/[；;]/))
    .map((item) =>
      item
        .trim()
        .replace(/^(?:\d+|[一二三四五六七八九十]+|[（(]\d+[）)]|[（(][一二三四五六七八九十]+[）)])[、.．)）]?\s*/, '')
        .replace(/[。；;，,]+$/, '')
        .trim(),
    )
    .filter((item) => item !== '' && !/^(?:无|暂无|没有|—+|-+)$/.test(item));
}

/** Where a unit's name ends inside 单位及职务: the last of these words. */
const UNIT_ENDINGS =
  /(?:大学|学院|学校|中学|小学|幼儿园|党校|中心|协会|学会|研究会|基金会|促进会|联合会|委员会|公司|集团|医院|卫生院|银行|支行|分行|派出所|公安局|分局|局|厅|委|办公室|办|街道|社区|居委会|村委会|村|镇|乡|站|馆|所|院|部|处|科|队|团|社|会|室|组|网点|营业厅)/g;
/** Words a 职务（职称） ends with */
const POSITION_END =
  /(?:教授|讲师|助教|教师|老师|导师|研究员|工程师|经济师|会计师|馆员|医师|医生|护士|护士长|社工|志愿者|辅导员|班主任|干部|专员|职员|员|长|主任|书记|经理|主管|总监|会计|顾问|委员|主席|理事|指导|骨干|带头人|负责人|师)$/;

export interface Post {
  affiliation: string;
  position: string;
}

/**
 * 单位及职务（职称） in one cell, split into the unit and the position where the text allows:
 * `江苏开放大学信息工程学院副教授`, `浙江老年开放大学 讲师`, `南京大学/教授`. Undefined when it does not.
 */
export function splitPost(text: string): Post | undefined {
  const value = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (value === '') return undefined;
  const clean = (s: string) => s.replace(/^[\s,，、/|｜;；:：-]+|[\s,，、/|｜;；:：-]+$/g, '').trim();
  const valid = (post: Post) =>
    post.affiliation.length >= 2 && [...post.position].length >= 2 && POSITION_END.test(post.position);
  // Written with a separator: the position is the last part.
  const separated = /^(.+?)[\s,，、/|｜;；]+([^\s,，、/|｜;；]+)$/.exec(value);
  if (separated) {
    const post = { affiliation: clean(separated[1]!), position: clean(separated[2]!) };
    if (valid(post)) return post;
  }
  // Run together: the unit ends at the last unit word that leaves a position behind it.
  const ends = [...value.matchAll(UNIT_ENDINGS)].map((m) => m.index + m[0].length).reverse();
  for (const end of ends) {
    const post = { affiliation: clean(value.slice(0, end)), position: clean(value.slice(end)) };
    if (post.position !== '' && valid(post)) return post;
  }
  return undefined;
}

export interface CaseParts {
  /** The three parts' paragraphs by name, in the form's order */
  parts: Map<string, string[]>;
  /** Paragraphs before the first part heading */
  before: string[];
}

const PART_HEADING = new RegExp(
  `^(?:第?[一二三四五六七八九十\\d]+(?:部分)?[、.．:：)）\\s]*|[（(][一二三四五六七八九十\\d]+[)）]\\s*)?(${CASE_PARTS.join('|')})` +
    '\\s*[:：]?\\s*(?:[（(][^）)]{0,12}字[^）)]{0,6}[)）])?\\s*[。.:：]?\\s*',
);
const PROMPT = /^主要围绕以下三方面内容[:：]?$/;

/**
 * The case's three parts from one cell, as units write them: `一、基本情况：（500字以内）` followed by its
 * text, on the same line or on the lines below; the form's own prompt line is dropped.
 */
export function splitCaseParts(paragraphs: readonly string[]): CaseParts {
  const parts = new Map<string, string[]>();
  const before: string[] = [];
  let current: string[] = before;
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (PROMPT.test(text.replace(/\s/g, ''))) continue;
    const heading = PART_HEADING.exec(text);
    if (heading) {
      current = parts.get(heading[1]!) ?? [];
      parts.set(heading[1]!, current);
      const rest = text.slice(heading[0].length).trim();
      if (rest) current.push(rest);
    } else if (text !== '') current.push(text);
  }
  return { parts, before };
}

/**
 * Paragraphs as Markdown: one paragraph each, with the characters Markdown would read as markup escaped,
 * so that a 《》, a 5*2 or a <手机> in Word text shows as written.
 */
export function toMarkdown(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) =>
      p
        .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
        .replace(/^(#+)/, '\\$1')
        .replace(/^([-+])(\s)/, '\\$1$2'),
    )
    .join('\n\n');
}
