/**
 * Builds a valid synthetic content tree (for benchmarks and scale tests: the site must build 10,000 entries on a 2-core machine) from a seed: units over all
 * provinces, the bundled batches and scenarios, and N entries in the ratio cases : projects : courses =
 * 1 : 2 : 5. Every rule comes from src/: section names and 字 limits from BODY_RULES, counting from
 * countChars, enums from the schemas, and each entry is checked against its schema and the privacy rule.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { countChars } from '../../src/core/char-count.ts';
import { findPersonalNumbers, findPersonalNumbersDeep } from '../../src/checks/privacy.ts';
import { BODY_RULES } from '../../src/markdown/sections.ts';
import { DATA_FILES, KINDS, type Kind } from '../../src/config/paths.ts';
import { CASE_AREAS } from '../../src/schemas/case.ts';
import { RESOURCE_TYPES, THEMES } from '../../src/schemas/course.ts';
import { BatchSchema, ScenarioSchema, UNIT_KINDS, type Unit } from '../../src/schemas/data.ts';
import { ENTRY_SCHEMAS } from '../../src/schemas/index.ts';
import { PROVINCES, type Province } from '../../src/schemas/provinces.ts';
import {
  entryBaseShape,
  LICENSES,
  NATIONAL_PLATFORM_HOSTS,
  STATUSES,
  ALL_RIGHTS_RESERVED,
} from '../../src/schemas/shared.ts';
import * as pool from './content-pool.ts';
import { hashSeed, mulberry32, type Random } from './prng.ts';

/** Left in a generated tree, so that the generator may overwrite it later but never real content. */
export const MARKER_FILE = '.generated-content';

/** The bundled content, whose batches and scenarios every generated tree shares. */
const BUNDLED_CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

/**
 * The notices give the first batch no opening date; its entries are dated from August 2021, after
 * 教职成厅函〔2021〕15 号 (2021-07-13) launched the training. Later batches open the day after the previous deadline.
 */
const FIRST_BATCH_OPENS = '2021-08-01';

const FILE_PREFIX: Record<Kind, string> = { courses: 'course', cases: 'case', projects: 'project' };

/** How each kind of unit is named; every unit name contains 示例 (fictional). */
const UNIT_STYLES = {
  开放大学: { slug: 'kaifang-daxue', name: '示例市开放大学' },
  社区教育学院: { slug: 'shequ-xueyuan', name: '示例区社区教育学院' },
  老年大学: { slug: 'laonian-daxue', name: '示例县老年大学' },
  普通高校: { slug: 'daxue', name: '示例大学' },
  职业院校: { slug: 'zhiye-xueyuan', name: '示例职业技术学院' },
  成人高校: { slug: 'chengren-xueyuan', name: '示例成人教育学院' },
  社会组织: { slug: 'zhulao-zhongxin', name: '示例助老服务中心' },
  企业: { slug: 'tongxin-gongsi', name: '示例通信有限公司' },
  社区学校: { slug: 'shequ-xuexiao', name: '示例街道社区学校' },
  社区教育中心: { slug: 'shequ-jiaoyu-zhongxin', name: '示例镇社区教育中心' },
  成人文化技术学校: { slug: 'chengren-xuexiao', name: '示例镇成人文化技术学校' },
  教育行政部门: { slug: 'jiaoyuju', name: '示例县教育局' },
  老年开放大学: { slug: 'laonian-kaida', name: '示例市老年开放大学' },
  其他: { slug: 'tushuguan', name: '示例市图书馆' },
} satisfies Record<(typeof UNIT_KINDS)[number], { slug: string; name: string }>;

/** Short forms for the two regions whose names are long. */
const PROVINCE_PREFIX: Partial<Record<Province['slug'], string>> = { bingtuan: '兵团', zhishu: '直属' };

const PROJECT_SECTION_ORDER = ['方案设计', '培训内容', '教学实施', '项目管理', '培训效果', '社会效益'];

export interface GeneratedFile {
  /** Relative to the tree's root, with forward slashes */
  path: string;
  content: string;
}

/** A cover photo to draw (scripts/generate/synthetic-covers.ts) and write at `path`. */
export interface GeneratedCover {
  path: string;
  seed: string;
}

/**
 * The share of entries with a cover photo: about one in seven of the bundled entries has one, and covers are what
 * makes the built site heavy (Astro's three optimised widths, and the share image of src/export/share-image.ts).
 */
export const COVER_SHARE = 0.15;

/** What a cover shows, for its required description (coverAlt). */
const COVER_SCENES = [
  '社区活动室里，老师站在前面演示，几位老人拿着手机跟着操作',
  '志愿者蹲在老人身边，指着手机屏幕上的按钮讲解',
  '教室里的大屏幕上放着手机操作步骤，老人们在下面记笔记',
  '几位老人围坐在桌旁，互相看着对方的手机练习',
  '老人在社区服务站的自助机前，工作人员在旁边协助',
  '课程结束后，学员们拿着结业证书和老师合影',
] as const;

export interface GeneratedTree {
  files: GeneratedFile[];
  covers: GeneratedCover[];
  counts: Record<Kind, number>;
  units: number;
  provinces: number;
}

interface ScenarioInfo {
  slug: string;
  name: string;
  synonyms: string[];
}

interface UnitInfo extends Unit {
  id: string;
  prefix: string;
}

/** How many entries of each kind make N, in the ratio cases : projects : courses = 1 : 2 : 5. */
export function kindCounts(total: number): Record<Kind, number> {
  const cases = Math.round(total / 8);
  const projects = Math.round((total * 2) / 8);
  return { cases, projects, courses: total - cases - projects };
}

// ---------------------------------------------------------------------------------------------------
// Counting and text assembly

const countCache = new Map<string, number>();
/** countChars, remembered: the same sentences come back thousands of times. */
function chars(text: string): number {
  let n = countCache.get(text);
  if (n === undefined) {
    n = countChars(text);
    countCache.set(text, n);
  }
  return n;
}

type Slots = Record<string, string | (() => string)>;

function fillTemplate(template: string, slots: Slots, rng: Random): string {
  return template.replace(/\{(\w+)(?::(\d+)-(\d+))?\}/g, (_, name: string, low?: string, high?: string) => {
    if (low !== undefined && high !== undefined) return String(rng.int(Number(low), Number(high)));
    const value = slots[name];
    if (value === undefined) throw new Error(`template slot {${name}} has no value: ${template}`);
    return typeof value === 'function' ? value() : value;
  });
}

/** Draws items in random order without repeats; undefined once all are used. */
function deck<T>(rng: Random, items: readonly T[]): () => T | undefined {
  const order = rng.shuffle(items);
  let i = 0;
  return () => order[i++];
}

/** Markdown under one heading (or before the first), with its running 字 count. */
class Section {
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  count = 0;
  readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  fits(n: number): boolean {
    return this.count + n <= this.max;
  }

  /** Adds a sentence to the current paragraph if it fits; returns whether it did. */
  sentence(text: string): boolean {
    const n = chars(text);
    if (!this.fits(n)) return false;
    this.pending.push(text);
    this.count += n;
    return true;
  }

  endParagraph(): void {
    if (this.pending.length > 0) this.blocks.push(this.pending.join(''));
    this.pending = [];
  }

  /** Adds a whole block whose visible text has n 字; returns whether it fitted. */
  block(markdown: string, n: number): boolean {
    if (!this.fits(n)) return false;
    this.endParagraph();
    this.blocks.push(markdown);
    this.count += n;
    return true;
  }

  list(items: string[], ordered: boolean): boolean {
    const md = items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item}`).join('\n');
    return this.block(
      md,
      items.reduce((sum, item) => sum + chars(item), 0),
    );
  }

  /** A `###` heading counts towards its section. */
  subheading(text: string): boolean {
    return this.block(`### ${text}`, chars(text));
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0 && this.pending.length === 0;
  }

  markdown(): string {
    this.endParagraph();
    return this.blocks.join('\n\n');
  }
}

/**
 * Fills a section up to `target` 字 with sentences drawn at random from `templates`, in paragraphs of a
 * few sentences. Chosen sentences keep the templates' order (pools are written in the order a report
 * tells things), unless they are numbered. Sentences that would break the section's limit are skipped.
 */
function addSentences(
  ctx: EntryContext,
  section: Section,
  target: number,
  templates: readonly string[],
  numbered?: (sentence: string, index: number) => string,
): void {
  const { rng } = ctx;
  const chosen: { index: number; text: string }[] = [];
  let count = section.count;
  for (const index of rng.shuffle(templates.map((_, i) => i))) {
    if (count >= target) break;
    const filled = fill(ctx, templates[index]!);
    const text = numbered ? numbered(filled, chosen.length) : filled;
    if (!section.fits(count - section.count + chars(text))) continue;
    chosen.push({ index, text });
    count += chars(text);
  }
  if (!numbered) chosen.sort((a, b) => a.index - b.index);
  let inParagraph = 0;
  let paragraphSize = rng.int(2, 4);
  for (const { text } of chosen) {
    section.sentence(text);
    if (++inParagraph >= paragraphSize) {
      section.endParagraph();
      inParagraph = 0;
      paragraphSize = rng.int(2, 4);
    }
  }
  section.endParagraph();
}

function chineseOrdinal(n: number): string {
  const [one, ten] = [pool.ORDINALS, pool.ORDINALS[9]!];
  if (n <= 10) return one[n - 1]!;
  if (n < 20) return ten + one[n - 11]!;
  return one[Math.floor(n / 10) - 1]! + ten + (n % 10 === 0 ? '' : one[(n % 10) - 1]!);
}

// ---------------------------------------------------------------------------------------------------
// Entries

interface EntryContext {
  slug: string;
  rng: Random;
  slots: Slots;
  /** The topic the entry is about, then the other topics of its scenarios */
  topics: pool.Topic[];
}

const fill = (ctx: EntryContext, template: string) => fillTemplate(template, ctx.slots, ctx.rng);

function topicsFor(scenario: ScenarioInfo): pool.Topic[] {
  return pool.TOPICS[scenario.slug] ?? Object.values(pool.TOPICS).flat();
}

function caseBody(ctx: EntryContext): string {
  const { rng } = ctx;
  const rules = BODY_RULES.cases;
  const writers: Record<string, (section: Section, target: number) => void> = {
    基本情况: (section, target) => {
      addSentences(ctx, section, target, pool.CASE_BACKGROUND);
    },
    主要做法: (section, target) => {
      section.sentence(fill(ctx, rng.pick(pool.CASE_PRACTICE_INTRO)));
      section.endParagraph();
      const practices = deck(rng, pool.CASE_PRACTICES);
      const examples = mapDeck(ctx, pool.CASE_EXAMPLES);
      let n = 0;
      for (let practice = practices(); practice && section.count < target; practice = practices()) {
        const lead = `${chineseOrdinal(n + 1)}是${practice.lead}。`;
        const body = practice.body.map((s) => fill(ctx, s));
        const example = rng.chance(0.5) ? examples() : undefined;
        // Try the practice with its example, then without, then shortened.
        for (const sentences of [example ? [...body, example] : body, body, body.slice(0, 2)]) {
          const n2 = chars(lead) + sentences.reduce((sum, s) => sum + chars(s), 0);
          if (section.block(`**${lead}** ${sentences.join('')}`, n2)) {
            n++;
            break;
          }
        }
      }
    },
    经验效果: (section, target) => {
      const parts: { share: number; lead?: string; sentences: readonly string[]; numbered?: boolean }[] = [
        { share: 0.4, sentences: pool.CASE_RESULTS },
        { share: 0.3, lead: '我们的体会有以下几点。', sentences: pool.CASE_LESSONS, numbered: true },
        { share: 0.15, lead: '工作中也有不足。', sentences: pool.CASE_SHORTCOMINGS },
        { share: 1, lead: '下一步，我们将重点做好几件事：', sentences: pool.CASE_NEXT },
      ];
      let goal = 0;
      for (const part of parts) {
        goal = Math.min(target, goal + Math.round(part.share * target));
        if (section.count >= goal) continue;
        if (part.lead && !section.sentence(part.lead)) break;
        addSentences(
          ctx,
          section,
          goal,
          part.sentences,
          part.numbered ? (s, i) => `第${chineseOrdinal(i + 1)}，${s}` : undefined,
        );
      }
    },
  };
  let budget = rules.max;
  const parts: string[] = [];
  for (const rule of rules.required) {
    const writer = writers[rule.name];
    if (!writer) throw new Error(`the generator cannot write the case section 「${rule.name}」`);
    const section = new Section(Math.min(rule.max ?? budget, budget));
    writer(section, Math.round(section.max * (0.86 + rng.next() * 0.09)));
    budget -= section.count;
    parts.push(`## ${rule.name}\n\n${section.markdown()}`);
  }
  return parts.join('\n\n');
}

function projectBody(ctx: EntryContext): string {
  const { rng } = ctx;
  const rules = BODY_RULES.projects;
  const paragraphs = (sentences: readonly string[]) => (section: Section, target: number) =>
    addSentences(ctx, section, target, sentences);
  const writers: Record<string, (section: Section, target: number) => void> = {
    方案设计: paragraphs(pool.PROJECT_DESIGN),
    教学实施: paragraphs(pool.PROJECT_TEACHING),
    项目管理: paragraphs(pool.PROJECT_MANAGEMENT),
    培训效果: (section, target) => {
      section.sentence(fill(ctx, pool.PROJECT_RESULTS[0]!));
      addSentences(ctx, section, target, pool.PROJECT_RESULTS.slice(1));
    },
    社会效益: paragraphs(pool.PROJECT_SOCIAL),
    培训内容: (section, target) => {
      section.sentence(fill(ctx, '培训内容按{elders}的日常需要安排，每一课解决一件实事。'));
      section.sentence(fill(ctx, '每期{lessons}次课，每次{hours}小时，每班约{classSize}人。'));
      section.endParagraph();
      const others = rng.shuffle(
        Object.values(pool.TOPICS)
          .flat()
          .filter((t) => !ctx.topics.includes(t)),
      );
      const intros = deck(rng, pool.PROJECT_LESSON_INTRO);
      let lesson = 0;
      for (const topic of [...ctx.topics, ...others]) {
        if (section.count >= target) break;
        const heading = `第${chineseOrdinal(lesson + 1)}课：${topic.short}`;
        const intro = fill(ctx, intros() ?? rng.pick(pool.PROJECT_LESSON_INTRO));
        const tip = rng.pick(topic.tips);
        for (const steps of [topic.steps, topic.steps.slice(0, 3)]) {
          const n = chars(heading) + chars(intro) + chars(tip) + steps.reduce((sum, s) => sum + chars(s), 0);
          if (!section.fits(n)) continue;
          section.subheading(heading);
          section.sentence(intro);
          section.endParagraph();
          section.list(steps, true);
          section.sentence(tip);
          section.endParagraph();
          lesson++;
          break;
        }
      }
    },
  };
  const names = [...rules.required, ...(rules.optional ?? [])].map((r) => r.name);
  for (const rule of rules.required) {
    if (!writers[rule.name]) throw new Error(`the generator cannot write the project section 「${rule.name}」`);
  }
  const chosen = names.filter(
    (name) => rules.required.some((r) => r.name === name) || (writers[name] && rng.chance(0.7)),
  );
  const order = (name: string) => PROJECT_SECTION_ORDER.indexOf(name) + 1 || PROJECT_SECTION_ORDER.length + 1;
  chosen.sort((a, b) => order(a) - order(b));

  // 培训内容 is written last: it takes whatever the target leaves, since lessons can always be added.
  const target = Math.round(rules.max * (0.67 + rng.next() * 0.26));
  // The last lesson may overshoot the target a little, never past the ceiling
  const ceiling = Math.min(rules.max, target + 80);
  const shares: Record<string, number> = {
    方案设计: 0.16,
    教学实施: 0.13,
    项目管理: 0.1,
    培训效果: 0.16,
    社会效益: 0.08,
  };
  const written = new Map<string, Section>();
  let used = 0;
  for (const name of chosen.filter((n) => n !== '培训内容')) {
    const section = new Section(rules.max - used);
    writers[name]!(section, Math.round(target * (shares[name] ?? 0.1)));
    used += section.count;
    written.set(name, section);
  }
  if (chosen.includes('培训内容')) {
    const section = new Section(ceiling - used);
    writers['培训内容']!(section, target - used);
    written.set('培训内容', section);
  }
  return chosen.map((name) => `## ${name}\n\n${written.get(name)!.markdown()}`).join('\n\n');
}

/** Course parts in reading order: every course has the intro and the steps; the others are drawn at random until the target. */
const COURSE_ORDER = [
  'intro',
  'goals',
  'prep',
  'schedule',
  'steps',
  'more',
  'tips',
  'faq',
  'safety',
  'stories',
  'method',
  'practice',
  'family',
  'wrapup',
];
/** A course teaches one task and at most this many related ones, so that it stays one course. */
const MAX_RELATED_TOPICS = 5;

function courseBody(ctx: EntryContext): string {
  const { rng } = ctx;
  const max = BODY_RULES.courses.max;
  const target = Math.round(max * (0.5 + rng.next() * 0.43));
  // The last part may overshoot the target a little, never past the ceiling
  const ceiling = Math.min(max, target + 120);
  const [main, ...related] = ctx.topics as [pool.Topic, ...pool.Topic[]];
  const h = pool.COURSE_HEADINGS;
  const heading = (options: string[], topic = main) => fillTemplate(rng.pick(options), { short: topic.short }, rng);
  const written: { order: number; title?: string; section: Section }[] = [];
  const titles = new Set<string>();
  let used = 0;
  /** Writes one part of the course, under a heading that must be unique within the body. */
  const write = (part: string, title: string | undefined, content: (section: Section) => void): void => {
    if (title !== undefined && titles.has(title)) return;
    const section = new Section(ceiling - used);
    content(section);
    if (section.isEmpty) return;
    used += section.count;
    if (title !== undefined) titles.add(title);
    written.push({ order: COURSE_ORDER.indexOf(part), title, section });
  };
  const listOf = (templates: readonly string[], min: number, most: number, ordered: boolean) => (s: Section) =>
    s.list(
      rng.sample(templates, rng.int(min, most)).map((t) => fill(ctx, t)),
      ordered,
    );

  write('intro', undefined, (s) => addSentences(ctx, s, 160, pool.COURSE_INTRO));
  write('steps', heading(h.steps), (s) => {
    s.sentence(fill(ctx, '下面以常见的手机为例，讲一讲怎样{task}。'));
    s.list(main.steps, true);
  });

  const optional: [string, string, (s: Section) => void][] = [
    ['goals', heading(h.goals), listOf(pool.COURSE_GOALS, 3, 4, true)],
    ['prep', heading(h.prep), listOf(pool.COURSE_PREP, 3, 5, true)],
    ['tips', heading(h.tips), (s) => s.list(main.tips, false)],
    [
      'faq',
      heading(h.faq),
      (s) => {
        for (const [q, a] of [main.faq, ...rng.sample(pool.COURSE_FAQ, rng.int(1, 3))]) {
          const [question, answer] = [fill(ctx, q), fill(ctx, a)];
          if (!s.fits(chars(question) + chars(answer))) break;
          s.block(`**${question}**`, chars(question));
          s.block(answer, chars(answer));
        }
      },
    ],
    [
      'safety',
      heading(h.safety),
      (s) => {
        s.sentence(main.risk);
        s.endParagraph();
        s.list(rng.sample(pool.COURSE_SAFETY, rng.int(3, 5)), false);
      },
    ],
    ['method', heading(h.method), listOf(pool.COURSE_METHOD, 3, 5, false)],
    ['practice', heading(h.practice), listOf(pool.COURSE_PRACTICE, 3, 4, true)],
    ['family', heading(h.family), (s) => addSentences(ctx, s, 200, pool.COURSE_FAMILY)],
    ['stories', heading(h.stories), (s) => addSentences(ctx, s, 150, pool.COURSE_STORIES)],
    ['wrapup', heading(h.wrapup), (s) => addSentences(ctx, s, 100, pool.COURSE_WRAPUP)],
    ...related.slice(0, MAX_RELATED_TOPICS).map((topic): [string, string, (s: Section) => void] => [
      'more',
      heading(h.more, topic),
      (s) => {
        s.sentence(`学会了前面的内容，还可以试试${topic.task}。`);
        s.sentence(`学会以后，${topic.benefit}。`);
        s.list(topic.steps, true);
        s.sentence(rng.pick(topic.tips));
        s.sentence(topic.risk);
      },
    ]),
  ];
  if (ctx.slots.minutes) {
    optional.push([
      'schedule',
      heading(h.schedule),
      (s) => {
        s.sentence(fill(ctx, '课程视频共 {minutes} 分钟，分成四段，每段都可以暂停、回看。'));
        s.endParagraph();
        s.list(
          [
            fill(ctx, '开场：为什么要学{short}，学会了有什么好处。'),
            '演示：老师在手机上一步一步操作，画面放大，字幕同步。',
            '练习：请您拿出自己的手机，跟着视频做一遍。',
            '提醒：常见问题和安全注意事项。',
          ],
          true,
        );
      },
    ]);
  }
  for (const [part, title, content] of rng.shuffle(optional)) {
    if (used >= target) break;
    write(part, title, content);
  }
  return written
    .sort((a, b) => a.order - b.order)
    .map(({ title, section }) => (title ? `## ${title}\n\n` : '') + section.markdown())
    .join('\n\n');
}

/** A deck of templates, filled for this entry as they are drawn. */
function mapDeck(ctx: EntryContext, templates: readonly string[]): () => string | undefined {
  const next = deck(ctx.rng, templates);
  return () => {
    const template = next();
    return template === undefined ? undefined : fill(ctx, template);
  };
}

// ---------------------------------------------------------------------------------------------------
// Frontmatter

/** A calendar date that js-yaml writes unquoted (2021-10-20), as entries are written by hand. */
class CalendarDate {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

const DATE_TYPE = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  instanceOf: CalendarDate,
  represent: (date) => (date as CalendarDate).value,
  resolve: (data: string | null) => data !== null && /^\d{4}-\d{2}-\d{2}$/.test(data),
  construct: (data: string) => new CalendarDate(data),
});
const YAML_SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [DATE_TYPE] });
const DATE_FIELDS = ['recommendedOn', 'updatedOn'];

function toYaml(value: unknown): string {
  return yaml.dump(value, { schema: YAML_SCHEMA, lineWidth: -1, noRefs: true });
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** The first template whose result the field's own schema accepts. */
function firstValid(ctx: EntryContext, templates: readonly string[], field: 'title' | 'summary'): string {
  for (const template of ctx.rng.shuffle(templates)) {
    const text = fill(ctx, template);
    if (entryBaseShape[field].safeParse(text).success) return text;
  }
  throw new Error(`no ${field} template fits the schema for ${ctx.slug}`);
}

function personName(rng: Random): string {
  return rng.pick(pool.SURNAMES) + rng.pick(pool.GIVEN_NAMES);
}

function distinctNames(rng: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(personName(rng));
  return [...names];
}

// ---------------------------------------------------------------------------------------------------
// The tree

function readBundled(name: string): { text: string; data: Record<string, unknown> } {
  const text = fs.readFileSync(BUNDLED_CONTENT + name, 'utf8');
  return { text, data: yaml.load(text) as Record<string, unknown> };
}

function makeUnits(rng: Random, total: number): UnitInfo[] {
  const perProvince = Math.min(UNIT_KINDS.length, Math.max(2, Math.ceil(total / (PROVINCES.length * 15))));
  const others = UNIT_KINDS.filter((kind) => kind !== '开放大学');
  return PROVINCES.flatMap((province) => {
    const prefix = PROVINCE_PREFIX[province.slug] ?? province.name;
    // Provinces entrust their 开放大学 with the work, so every province has one.
    const kinds = ['开放大学' as const, ...rng.shuffle(others)].slice(0, perProvince);
    return kinds.map((kind) => ({
      id: `${province.slug}-shili-${UNIT_STYLES[kind].slug}`,
      name: prefix + UNIT_STYLES[kind].name,
      province: province.name,
      kind,
      prefix,
    }));
  });
}

/**
 * The first items in turn (so that a small tree still has every value), then at random with weights.
 * `offset` starts the turn at a different place for each kind.
 */
function spread<T>(values: readonly T[], index: number, offset: number, rng: Random, weights?: number[]): T {
  if (index < values.length) return values[(index + offset) % values.length]!;
  if (!weights) return rng.pick(values);
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values.at(-1)!;
}

export function generateContent({ count, seed }: { count: number; seed: string }): GeneratedTree {
  const treeRng = mulberry32(hashSeed(seed, 'tree'));
  const scenarioFile = readBundled(DATA_FILES.scenarios);
  const batchFile = readBundled(DATA_FILES.batches);
  const scenarios: ScenarioInfo[] = Object.entries(scenarioFile.data).map(([slug, value]) => {
    const parsed = ScenarioSchema.parse(value);
    return { slug, name: parsed.name, synonyms: parsed.synonyms };
  });
  const batchWindows = Object.entries(batchFile.data)
    .map(([id, value]) => ({ id: Number(id), deadline: BatchSchema.parse(value).deadline }))
    .sort((a, b) => a.id - b.id)
    .map((batch, i, all) => ({
      id: batch.id,
      opens: i === 0 ? new Date(`${FIRST_BATCH_OPENS}T00:00:00Z`) : addDays(all[i - 1]!.deadline, 1),
      closes: batch.deadline,
    }));

  const units = makeUnits(treeRng, count);
  const unitsByProvince = new Map<string, UnitInfo[]>();
  for (const unit of units) unitsByProvince.set(unit.province, [...(unitsByProvince.get(unit.province) ?? []), unit]);
  const provinceOrder = treeRng.shuffle(PROVINCES);
  const withdrawnSlot = treeRng.int(0, 99);
  const counts = kindCounts(count);

  const files: GeneratedFile[] = [];
  const covers: GeneratedCover[] = [];
  const usedProvinces = new Set<string>();
  let globalIndex = 0;
  for (const kind of KINDS) {
    const offset = treeRng.int(0, 1000);
    for (let j = 0; j < counts[kind]; j++, globalIndex++) {
      const rng = mulberry32(hashSeed(seed, kind, j));
      const province = spread(provinceOrder, j, offset, rng);
      usedProvinces.add(province.name);
      const unit = rng.pick(unitsByProvince.get(province.name)!);
      const primary = spread(scenarios, j, offset, rng);
      const extra = rng.sample(
        scenarios.filter((s) => s !== primary),
        rng.chance(0.5) ? rng.int(1, kind === 'cases' ? 3 : 2) : 0,
      );
      const entryScenarios = [primary, ...extra];
      const mainTopic = rng.pick(topicsFor(primary));
      const topics = [
        mainTopic,
        ...rng.shuffle(topicsFor(primary).filter((t) => t !== mainTopic)),
        ...extra.flatMap((s) => rng.shuffle(topicsFor(s))),
      ].filter((t, i, all) => all.indexOf(t) === i);
      const slug = `${FILE_PREFIX[kind]}-${String(j + 1).padStart(5, '0')}-${primary.slug}`;

      const batch = spread(batchWindows, j, offset, rng);
      const windowDays = Math.round((batch.closes.getTime() - batch.opens.getTime()) / 86_400_000);
      const recommendedOn = addDays(batch.opens, rng.int(0, windowDays));
      const updatedOn = addDays(recommendedOn, rng.chance(0.3) ? 0 : rng.int(1, 540));
      const year = recommendedOn.getUTCFullYear();
      const synonym = () => rng.pick(primary.synonyms);
      const ctx: EntryContext = {
        slug,
        rng,
        topics,
        slots: {
          unit: unit.name,
          province: unit.province,
          prefix: unit.prefix,
          scenario: primary.name,
          short: mainTopic.short,
          task: mainTopic.task,
          benefit: mainTopic.benefit,
          brand: rng.pick(pool.VARIANTS.brand!),
          year: String(year),
          month: String(recommendedOn.getUTCMonth() + 1),
          startYear: String(year - rng.int(0, 2)),
          syn: synonym,
          syn2: synonym,
          ...Object.fromEntries(
            Object.entries(pool.VARIANTS)
              .filter(([key]) => key !== 'brand')
              .map(([key, words]) => [key, () => rng.pick(words)]),
          ),
        },
      };

      const status = spread(STATUSES, j, offset, rng, [0.55, 0.45]);
      const withdrawn = globalIndex % 100 === withdrawnSlot;
      const featured = !withdrawn && status === '推介' && rng.chance(0.22);
      const frontmatter: Record<string, unknown> = {
        title: '',
        summary: '',
        unit: unit.id,
        batch: batch.id,
        scenarios: entryScenarios.map((s) => s.name),
        status,
        featured,
        recommendedOn: isoDate(recommendedOn),
        updatedOn: isoDate(updatedOn),
      };
      if (withdrawn) frontmatter.withdrawn = true;

      let body: string;
      if (kind === 'courses') {
        frontmatter.title = firstValid(ctx, pool.COURSE_TITLES, 'title');
        frontmatter.summary = firstValid(ctx, pool.COURSE_SUMMARIES, 'summary');
        const resourceType = spread(RESOURCE_TYPES, j, offset, rng, [0.35, 0.5, 0.15]);
        const shared = spread([true, false], j, offset, rng, [0.6, 0.4]);
        frontmatter.resourceType = resourceType;
        if (resourceType === '视频资源') {
          frontmatter.minutes = rng.int(5, 45);
          ctx.slots.minutes = String(frontmatter.minutes);
        }
        if (resourceType === '其他') frontmatter.resourceNote = rng.pick(pool.RESOURCE_NOTES);
        frontmatter.themes = rng.sample(THEMES, rng.int(1, 2));
        frontmatter.shared = shared;
        if (!shared) frontmatter.link = `https://example.com/zhulao/${slug}/`;
        if (shared && resourceType === '视频资源')
          frontmatter.video = `https://${NATIONAL_PLATFORM_HOSTS[0]}/video/${slug}`;
        if (shared && rng.chance(0.3))
          frontmatter.license = rng.pick(LICENSES.filter((l) => l !== ALL_RIGHTS_RESERVED));
        if (!shared && rng.chance(0.2)) frontmatter.license = ALL_RIGHTS_RESERVED;
        frontmatter.members = distinctNames(rng, rng.int(2, 4));
        frontmatter.awards = rng
          .sample(pool.AWARDS, rng.int(0, 2))
          .map((award) => fillTemplate(award, { year: String(year - rng.int(0, 1)) }, rng));
        body = courseBody(ctx);
      } else if (kind === 'cases') {
        frontmatter.title = firstValid(ctx, pool.CASE_TITLES, 'title');
        frontmatter.summary = firstValid(ctx, pool.CASE_SUMMARIES, 'summary');
        const areas = rng.sample(CASE_AREAS, rng.int(1, 3));
        frontmatter.areas = areas;
        if (areas.includes('其他')) frontmatter.areaNote = rng.pick(pool.AREA_NOTES);
        body = caseBody(ctx);
      } else {
        frontmatter.title = firstValid(ctx, pool.PROJECT_TITLES, 'title');
        frontmatter.summary = firstValid(ctx, pool.PROJECT_SUMMARIES, 'summary');
        const cohorts = rng.int(1, 20);
        const participants = cohorts * rng.int(15, 45);
        ctx.slots.cohorts = String(cohorts);
        ctx.slots.participants = String(participants);
        ctx.slots.lessons = String(rng.int(4, 8));
        ctx.slots.hours = String(rng.int(2, 3));
        ctx.slots.classSize = String(rng.int(20, 35));
        frontmatter.instructors = distinctNames(rng, rng.int(1, 3)).map((name, i) => ({
          name,
          affiliation: i === 0 ? unit.name : fillTemplate(rng.pick(pool.PARTNERS), { prefix: unit.prefix }, rng),
          position: rng.pick(pool.POSITIONS),
        }));
        frontmatter.cohorts = cohorts;
        frontmatter.participants = participants;
        body = projectBody(ctx);
      }
      if (kind !== 'courses') {
        if (rng.chance(0.05)) frontmatter.video = `https://${NATIONAL_PLATFORM_HOSTS[0]}/video/${slug}`;
        if (rng.chance(0.15)) frontmatter.license = rng.pick(LICENSES);
      }

      // A stream of its own, so that adding covers left every other field of an entry as it was for its seed.
      const coverRng = mulberry32(hashSeed(seed, kind, j, 'cover'));
      if (coverRng.chance(COVER_SHARE)) {
        frontmatter.cover = `./images/${slug}.jpg`;
        frontmatter.coverAlt = `示意图：${coverRng.pick(COVER_SCENES)}。`;
        covers.push({ path: `${kind}/images/${slug}.jpg`, seed: `${seed}/${kind}/${slug}` });
      }

      assertValid(kind, slug, frontmatter, body);
      const dated = Object.fromEntries(
        Object.entries(frontmatter).map(([key, value]) => [
          key,
          DATE_FIELDS.includes(key) ? new CalendarDate(value as string) : value,
        ]),
      );
      files.push({ path: `${kind}/${slug}.md`, content: `---\n${toYaml(dated)}---\n\n${body}\n` });
    }
  }

  const header = (text: string) => `# ${text}\n`;
  files.push(
    {
      path: DATA_FILES.units,
      content:
        header('由 npm run generate 生成的虚构申报单位，名称都带“示例”，不对应任何真实机构。') +
        toYaml(Object.fromEntries(units.map(({ id, name, province, kind }) => [id, { name, province, kind }]))),
    },
    { path: DATA_FILES.batches, content: batchFile.text },
    { path: DATA_FILES.scenarios, content: scenarioFile.text },
    {
      path: DATA_FILES.site,
      content: header('由 npm run generate 生成的合成内容，每页提示“示例内容”。') + toYaml({ sampleContent: true }),
    },
    {
      path: MARKER_FILE,
      content: `此目录由 npm run generate 生成（${count} 条，随机种子 ${seed}），可以删除或重新生成。\n`,
    },
  );
  return { files, covers, counts, units: units.length, provinces: usedProvinces.size };
}

/** A generator bug must never produce an invalid tree: check each entry against the project's own rules. */
function assertValid(kind: Kind, slug: string, frontmatter: Record<string, unknown>, body: string): void {
  const parsed = ENTRY_SCHEMAS[kind].safeParse(frontmatter);
  if (!parsed.success) {
    throw new Error(`generated ${kind}/${slug}.md breaks its schema: ${JSON.stringify(parsed.error.issues)}`);
  }
  const numbers = [...findPersonalNumbersDeep(frontmatter), ...findPersonalNumbers(body)];
  if (numbers.length > 0) {
    throw new Error(
      `generated ${kind}/${slug}.md has phone-shaped numbers: ${numbers.map((n) => n.masked).join(', ')}`,
    );
  }
}
