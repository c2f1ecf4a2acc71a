import { z } from 'astro/zod';
import { countChars } from '../core/char-count.ts';
import { readDay } from '../core/dates.ts';
import { SLUG_PATTERN } from '../core/slugs.ts';
import { matchValue } from '../core/lookalike.ts';
import { chineseNumber } from '../core/chinese-numbers.ts';
import { contractOf, field, fieldContracts, type ContractInput, type FieldContract } from './contract.ts';

export { entrySlugFault, SLUG_PATTERN } from '../core/slugs.ts';

export const STATUSES = ['推荐', '推介'] as const;

/** The three channels of the recommendation notice: a provincial education department, 兵团, or 有关直属单位. */
export const CHANNELS = ['省级教育行政部门', '新疆生产建设兵团', '有关直属单位'] as const;
export type Channel = (typeof CHANNELS)[number];
const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  省级教育部门: '省级教育行政部门',
  省教育厅: '省级教育行政部门',
  教育厅: '省级教育行政部门',
  省级教育行政部门推荐: '省级教育行政部门',
  兵团: '新疆生产建设兵团',
  兵团教育局: '新疆生产建设兵团',
  直属单位: '有关直属单位',
  教育部直属单位: '有关直属单位',
};

/** `第一批`, `第1批`, `1` and `一` are batch 1. Other values pass unchanged. */
function batchNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^\s*第?\s*([一二三四五六七八九十]+|\d+)\s*批?\s*$/.exec(value.normalize('NFKC'));
  if (!m) return value;
  return chineseNumber(m[1]!) ?? Number(m[1]);
}
export const LICENSES = ['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC 4.0', 'CC BY-NC-SA 4.0', '保留所有权利'] as const;
export const OPEN_LICENSE = 'CC BY 4.0';
export const ALL_RIGHTS_RESERVED = '保留所有权利';

/**
 * Hosts of the 全国老年教育资源共享和公共服务平台 (run by 国家开放大学 / 国家老年大学), the only place a
 * video may be linked rather than shipped. Change it here if the platform moves.
 */
export const NATIONAL_PLATFORM_HOSTS = ['www.lndx.edu.cn', 'lndx.edu.cn'] as const;

/** The limits a field's contract gives (字 for text, items for lists), for messages that quote them. */
export function limitsOf(schema: z.ZodType): Pick<FieldContract, 'min' | 'max'> {
  const contract = contractOf(schema);
  return { min: contract?.min, max: contract?.max };
}

/** Text measured in 字, trimmed; its label and limits come from its contract. */
export function textField(contract: ContractInput & { max: number }) {
  const { label, min = 1, max } = contract;
  const schema = z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const n = countChars(value);
      if (n < min) {
        ctx.addIssue({
          code: 'custom',
          message:
            n === 0
              ? `${label}不能为空，请填写 ${min}–${max} 字`
              : `${label}只有 ${n} 字，至少要 ${min} 字，请补充完整`,
        });
      } else if (n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}已有 ${n} 字，超出上限 ${max} 字 ${n - max} 字，请删减到 ${max} 字以内`,
        });
      }
    });
  return field(schema, { ...contract, min, max });
}

/**
 * A day written 年-月-日 (2022-05-31), quoted or not, checked against the calendar (src/core/dates.ts); a Date
 * at UTC midnight. YAML is read without implicit timestamps, so the value arrives as typed.
 */
const yamlDate = z.preprocess((value, ctx) => {
  const typed =
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().replace(/T00:00:00\.000Z$/, '')
      : value;
  if (typeof typed !== 'string' || typed.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      message:
        typed === undefined || typed === null || typed === ''
          ? '缺少必填的日期，请按 年-月-日 填写，例如 2021-10-31'
          : `「${String(typed)}」不是日期的写法，请按 年-月-日 填写，例如 2021-10-31`,
    });
    return value;
  }
  const day = readDay(typed);
  if (!day.ok) ctx.addIssue({ code: 'custom', message: day.message });
  return day.ok ? day.date : value;
}, z.date());

export const dateField = (contract: ContractInput) => field(yamlDate, contract);

export const positiveInt = (contract: ContractInput) => field(z.number().int().positive(), contract);

/** Yes and no as the forms write them (是否同意…：是/否), besides true and false. */
const YES_NO: Readonly<Record<string, boolean>> = { 是: true, 否: false, 同意: true, 不同意: false };

export const booleanField = (contract: ContractInput) =>
  field(
    z.preprocess((value) => {
      if (typeof value !== 'string') return value;
      const meant = matchValue(value, Object.keys(YES_NO));
      return meant === undefined ? value : YES_NO[meant];
    }, z.boolean()),
    contract,
  );

/** A number written as text, as forms give it: `7.5`, `25分钟`, `6 集`. Other values pass unchanged. */
export function numberFromText(value: unknown, unit?: string): unknown {
  if (typeof value !== 'string') return value;
  const m = new RegExp(`^\\s*(\\d+(?:\\.\\d+)?)\\s*${unit ? `(?:${unit})?` : ''}\\s*$`).exec(value.normalize('NFKC'));
  return m ? Number(m[1]) : value;
}

/** A typed choice as the value it means: the same value in look-alike characters, or one of the contract's aliases. */
function meaning(values: readonly string[], aliases: Readonly<Record<string, string>> | undefined) {
  return (value: unknown) => (typeof value === 'string' ? (matchValue(value.trim(), values, aliases) ?? value) : value);
}

/**
 * One of a fixed list of values; the contract's `values` are the list. Look-alike spellings (`教材(读本)`,
 * `互联网＋生活`, full-width spaces and colons) and the contract's aliases are read as the value they mean.
 */
export function choiceField<const T extends readonly [string, ...string[]]>(
  values: T,
  contract: Omit<ContractInput, 'values'>,
) {
  return field(z.preprocess(meaning(values, contract.aliases), z.enum(values)), { ...contract, values });
}

/**
 * A list of at least one item without repeats: 应用场景, 课程主题, 案例方面. The messages say the
 * field's label; with `values`, each item must be one of them.
 */
export function choicesField<const T extends readonly [string, ...string[]]>(
  values: T,
  contract: Omit<ContractInput, 'values' | 'min'>,
) {
  return field(uniqueList(z.preprocess(meaning(values, contract.aliases), z.enum(values)), contract.label), {
    ...contract,
    values,
    min: 1,
  });
}

/** A list of at least one free-text item without repeats (scenario names are checked against scenarios.yaml). */
export function namesField(contract: Omit<ContractInput, 'min'>) {
  return field(uniqueList(z.string().trim().min(1), contract.label), { ...contract, min: 1 });
}

function uniqueList<T extends z.ZodType>(element: T, label: string) {
  return z
    .array(element)
    .min(1, { message: `至少要选一个${label}` })
    .refine((list) => new Set(list).size === list.length, { message: `${label}有重复，请删去重复的` });
}

/** An id of another file (a unit in units.yaml, an entry's file name): kebab-case ASCII. `what` names it in the message. */
export function idField(what: string, contract: ContractInput) {
  return field(
    z
      .string()
      .trim()
      .regex(SLUG_PATTERN, { message: `${what}只能用小写字母、数字和短横线` }),
    contract,
  );
}

/** `images\\封面.png` → `./images/封面.png`: the relative path as the site needs it written. */
export function forwardSlashes(value: string): string {
  const slashed = value.replace(/\\+/g, '/');
  return slashed.startsWith('.') ? slashed : `./${slashed}`;
}

function windowsBaseName(value: string): string {
  return value.split(/[\\/]/).pop() ?? value;
}

/** A path relative to the entry file; existence is checked by src/checks/entry-files.ts. */
export function localPath(extensions: readonly string[], contract: ContractInput) {
  const { label } = contract;
  const pattern = new RegExp(`\\.(${extensions.join('|')})$`, 'i');
  const schema = z
    .string()
    .trim()
    .min(1)
    .superRefine((value, ctx) => {
      // Windows writes paths with backslashes; the site (and every web address) needs forward slashes.
      if (/^[a-z]:[\\/]|^\\\\/i.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}「${value}」是您电脑上的位置，网站找不到它；请把文件复制进内容目录（例如本文件旁边的 images 文件夹），写成相对于本文件的路径，例如 ./images/${windowsBaseName(value)}`,
        });
      } else if (value.includes('\\')) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}「${value}」里用了反斜杠 \\，网址只认正斜杠 /；请写成「${forwardSlashes(value)}」`,
        });
      }
    })
    .refine((value) => /\\|^[a-z]:\//i.test(value) || (!/^[a-z]+:/i.test(value) && !value.startsWith('/')), {
      message: `${label}要写成相对于本文件的路径（例如 ./images/xxx.png），不能是网址或以 / 开头`,
    })
    .refine((value) => pattern.test(value), {
      message: `${label}的文件类型不对，只能是 ${extensions.join('、')} 文件`,
    });
  return field(schema, contract);
}

/**
 * Characters that a web address never contains as written (RFC 3986): a value with them is text pasted around a
 * link, and would be copied as it is into the page and the open data.
 */
export const NOT_IN_URL = /[\s"<>\\^`{|}]/;
export const NOT_IN_URL_MESSAGE =
  '网址里不能有空格、引号、尖括号、反斜杠或花括号，请从浏览器地址栏重新复制完整网址（只复制网址本身）';

export const httpsUrl = z
  .url({ protocol: /^https$/, error: '必须是以 https:// 开头的完整网址' })
  .refine((value) => !NOT_IN_URL.test(value), { message: NOT_IN_URL_MESSAGE });

/**
 * A web address: https://, or http:// where a provincial platform publishes only that (shown as 不加密, and listed
 * as a note by `npm run validate`). Any other scheme is refused.
 */
export const webUrl = z
  .url({ protocol: /^https?$/, error: '必须是以 https:// 或 http:// 开头的完整网址' })
  .refine((value) => !NOT_IN_URL.test(value), { message: NOT_IN_URL_MESSAGE });

export function isLocalVideo(video: string | undefined): boolean {
  return video !== undefined && !/^[a-z]+:/i.test(video);
}

const VIDEO: ContractInput = {
  label: '短视频',
  hint: '填写本地视频文件的相对路径（mp4 或 webm），或全国老年教育资源共享和公共服务平台上的 https 地址',
  placeholder: './media/{slug}.mp4',
  askPlaceholder: '填写视频文件路径或平台网址',
  guide: '见[短视频和字幕](#短视频和字幕)',
  exportNote: '本站保存的视频写成它在本站的完整网址；全国老年教育资源共享和公共服务平台上的视频是平台上的网址',
  exportType: '网址',
};

const LOCAL_VIDEO = localPath(['mp4', 'webm'], VIDEO);

const videoField = field(
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!/^[a-z]+:/i.test(value)) {
        for (const issue of LOCAL_VIDEO.safeParse(value).error?.issues ?? [])
          ctx.addIssue({ code: 'custom', message: issue.message });
        return;
      }
      const url = URL.canParse(value) ? new URL(value) : undefined;
      if (NOT_IN_URL.test(value)) {
        ctx.addIssue({ code: 'custom', message: NOT_IN_URL_MESSAGE });
      } else if (url?.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: '网上的视频地址必须以 https:// 开头' });
      } else if (!(NATIONAL_PLATFORM_HOSTS as readonly string[]).includes(url.hostname)) {
        ctx.addIssue({
          code: 'custom',
          message: `网上的视频只能链接全国老年教育资源共享和公共服务平台（${NATIONAL_PLATFORM_HOSTS[0]}），其他视频请下载后作为本地文件提供`,
        });
      }
    }),
  VIDEO,
);

const COVER: ContractInput = {
  label: '封面图片',
  hint: '填写与本文件同目录或子目录里图片的相对路径，例如 ./images/封面.png（支持 jpg、png、webp、avif、svg）',
  placeholder: './images/{slug}.png',
  guide: '见[封面图片](#封面图片)',
  exported: false,
  exportNote: '不导出：封面图片请在条目页面（url）查看',
};

/**
 * The cover as written: a path relative to the entry. The site swaps in Astro's image() here
 * (src/content.config.ts) so that covers are optimised; validation and scripts use this one.
 */
export const coverPath = localPath(['jpg', 'jpeg', 'png', 'webp', 'avif', 'svg'], COVER);
export type CoverSchema = z.ZodType;

/** The optional cover of an entry, whichever cover schema the caller uses, with the cover's contract. */
export function coverField<C extends CoverSchema>(cover: C) {
  const optional = cover.optional();
  fieldContracts.add(optional as z.ZodType, contractOf(coverPath)!);
  return optional;
}

/** Fields every kind of entry has; `cover` is added by each kind's schema factory. */
export const entryBaseShape = {
  /** 名称, 4–60 字: series titles with a ——subtitle reach 46–49 */
  title: textField({
    label: '名称',
    hint: '填写 {min}–{max} 字的名称',
    min: 4,
    max: 60,
    placeholder: "''",
    guide: '照申报表上的名称写',
  }),
  /** One sentence for cards and search, ≤ 80 字 */
  summary: textField({
    label: '一句话简介',
    hint: '用一句话（不超过 {max} 字）说明这条内容能帮老年人做什么',
    max: 80,
    placeholder: "''",
    guide: '显示在卡片和搜索结果里',
  }),
  /** 申报单位: an id in units.yaml */
  unit: idField('申报单位编号', {
    label: '申报单位',
    hint: '填写 units.yaml 里申报单位的编号（小写拼音，用短横线连接）',
    placeholder: '填写单位编号',
    guide: '省份由单位决定，不用另写',
    exportNote: '申报单位的名称；单位编号见 unitId',
  }),
  /** 第几批: an id in batches.yaml */
  batch: field(z.preprocess(batchNumber, z.number().int().positive()), {
    label: '批次',
    hint: '填写 batches.yaml 里的批次编号，例如 1（也可以写 第一批）',
    placeholder: '填写批次',
  }),
  /** 推荐渠道: who recommended the entry, as the notice names them; when left out, read from the unit's province */
  channel: choiceField(CHANNELS, {
    label: '推荐渠道',
    hint: '填写 {valuesOr}；不填时按申报单位所在地推断',
    aliases: CHANNEL_ALIASES,
    example: '有关直属单位',
    guide: '教育部直属单位、行业系统等“有关直属单位”推荐的条目，请填 `有关直属单位`，即使单位在某个省',
    exportWhenEmpty:
      '选填；不填时按申报单位所在地导出（兵团的单位为 新疆生产建设兵团，直属单位为 有关直属单位，其余为 省级教育行政部门），所以数据里总是有值',
  }).optional(),
  /** Names from scenarios.yaml (就医, 出行, …) */
  scenarios: namesField({
    label: '应用场景',
    hint: '至少选一个场景，例如 [就医, 出行]，可选值见 scenarios.yaml',
    placeholder: '[]',
  }),
  /** 推荐 (recommended by a province) or 推介 (promoted after expert review) */
  status: choiceField(STATUSES, {
    label: '状态',
    hint: '填写「推荐」（省级推荐）或「推介」（经专家评议后推介）',
    placeholder: '推荐',
    guide: '新条目写推荐；专家评议后由国家开放大学改为推介，请不要自己改',
  }),
  /** 择优展示 */
  featured: booleanField({
    label: '择优展示',
    hint: '填写 true 或 false',
    placeholder: 'false',
    guide: '默认 `false`；由国家开放大学根据专家评议设置',
  }).default(false),
  recommendedOn: dateField({
    label: '推荐日期',
    hint: '按 年-月-日 填写，例如 2021-10-20',
    placeholder: '{date}',
    guide: '省级推荐的日期',
  }),
  /**
   * The day the entry was added to this site (filled in by `npm run new` and `npm run import`); the feed and the
   * open data's date follow it. An entry without it counts as added on its recommendation date.
   */
  addedOn: dateField({
    label: '上线日期',
    hint: '条目加入本网站的日期，按 年-月-日 填写；npm run new 和 npm run import 会自动填写当天',
    example: '{addedOn}',
    placeholder: '{addedOn}',
    guide:
      '不用改；没有这一项时按推荐日期算。最新内容（RSS 订阅）和开放数据的数据日期按它排列，所以补录的旧条目也会出现在最新内容里',
    exportNote: '条目加入本网站的日期；条目没有填写时为推荐日期',
    exportWhenEmpty: '选填；不填时导出推荐日期，所以数据里总是有值',
  }).optional(),
  /** Shown as 内容更新于: smartphone steps go stale */
  updatedOn: dateField({
    label: '内容更新日期',
    hint: '按 年-月-日 填写，例如 2022-03-01，不早于推荐日期',
    placeholder: '{date}',
    guide: '最近一次核对、更新内容的日期；网页上显示为“内容更新于”',
  }),
  /** Defaults by kind; see withDefaultLicense */
  license: choiceField(LICENSES, {
    label: '许可协议',
    hint: `可填 {valuesOr}；不填时共享课程为 ${OPEN_LICENSE}，其余为 ${ALL_RIGHTS_RESERVED}`,
    placeholder: OPEN_LICENSE,
    askPlaceholder: '填写许可协议',
    exportNote: `导出的是实际生效的许可：条目没有填写时，同意共享的课程资源为 ${OPEN_LICENSE}，其余为 ${ALL_RIGHTS_RESERVED}`,
    exportWhenEmpty: `选填；不填时导出默认的许可（同意共享的课程资源为 ${OPEN_LICENSE}，其余为 ${ALL_RIGHTS_RESERVED}），所以数据里总是有值`,
  }).optional(),
  coverAlt: textField({
    label: '封面图片说明',
    hint: '用一句话描述封面图片的内容（不超过 {max} 字），供看不见图片的读者使用',
    max: 100,
    placeholder: '用一句话描述封面图片',
    requiredWhen: '有封面图片时必填',
    exported: false,
    exportNote: '不导出：它是封面图片的文字说明，随封面图片一起在条目页面上',
  }).optional(),
  /** A local short video (with captions) or an https URL on the national platform */
  video: videoField.optional(),
  /** WebVTT captions for a local video */
  captions: localPath(['vtt'], {
    label: '视频字幕',
    hint: '本地视频必须配 WebVTT 字幕文件（.vtt），填写它的相对路径',
    placeholder: './media/{slug}.vtt',
    askPlaceholder: '填写字幕文件路径',
    requiredWhen: '本地视频必填',
    exportNote: '本站视频的 WebVTT 字幕文件的完整网址',
    exportType: '网址',
  }).optional(),
  /** A withdrawn entry keeps its URL with a page that says so */
  withdrawn: booleanField({
    label: '已撤下',
    hint: '填写 true 或 false；撤下的内容保留网址，页面会说明已撤下',
    placeholder: 'false',
    guide: '见[撤下](#撤下)',
  }).default(false),
};

type EntryBase = {
  recommendedOn: Date;
  updatedOn: Date;
  cover?: unknown;
  coverAlt?: string;
  video?: string;
  captions?: string;
};

/** An entry without addedOn was added on its recommendation date (how the entries before addedOn are read). */
export const addedOnOf = (entry: { addedOn?: Date; recommendedOn: Date }): Date => entry.addedOn ?? entry.recommendedOn;

/** Rules between the common fields. */
export function checkEntryBase(entry: EntryBase, ctx: z.RefinementCtx): void {
  if (entry.updatedOn < entry.recommendedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['updatedOn'],
      message: '内容更新日期早于推荐日期，请填写推荐日期当天或之后的日期',
    });
  }
  if (entry.cover && !entry.coverAlt) {
    ctx.addIssue({ code: 'custom', path: ['coverAlt'], message: '有封面图片时必须写图片说明，请用一句话描述图片内容' });
  }
  if (!entry.cover && entry.coverAlt) {
    ctx.addIssue({
      code: 'custom',
      path: ['coverAlt'],
      message: '没有封面图片却写了图片说明，请补上 cover 或删去 coverAlt',
    });
  }
  if (isLocalVideo(entry.video) && !entry.captions) {
    ctx.addIssue({
      code: 'custom',
      path: ['captions'],
      message: '本地视频必须配字幕，请添加 WebVTT 字幕文件（.vtt）并在 captions 填写它的路径',
    });
  }
  if (entry.captions && !isLocalVideo(entry.video)) {
    ctx.addIssue({
      code: 'custom',
      path: ['captions'],
      message: '只有本地视频需要字幕文件，请补上 video 或删去 captions',
    });
  }
}
