import { z } from 'astro/zod';
import { countChars } from '../lib/char-count.ts';
import { RESERVED_SLUGS } from '../lib/paths.ts';
import { readDay } from '../lib/dates.ts';

/** Kebab-case ASCII ids: entry slugs, unit ids, scenario slugs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What is wrong with an entry's file name, if anything: the one rule the validator and the scaffolder share.
 * Slugs need a letter so that /courses/2/ stays a list page, and list pages reserve some words.
 */
export function entrySlugFault(slug: string): 'draft' | 'pattern' | 'reserved' | undefined {
  if (slug.startsWith('_')) return 'draft';
  if (!SLUG_PATTERN.test(slug) || !/[a-z]/.test(slug)) return 'pattern';
  if ((RESERVED_SLUGS as readonly string[]).includes(slug)) return 'reserved';
  return undefined;
}

export const STATUSES = ['推荐', '推介'] as const;
export const LICENSES = ['CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC 4.0', 'CC BY-NC-SA 4.0', '保留所有权利'] as const;
export const OPEN_LICENSE = 'CC BY 4.0';
export const ALL_RIGHTS_RESERVED = '保留所有权利';

/**
 * Hosts of the 全国老年教育资源共享和公共服务平台 (run by 国家开放大学 / 国家老年大学), the only place a
 * video may be linked rather than shipped. Change it here if the platform moves.
 */
export const NATIONAL_PLATFORM_HOSTS = ['www.lndx.edu.cn', 'lndx.edu.cn'] as const;

/** Text measured in 字, trimmed. */
export function textField(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
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
}

/**
 * A day written 年-月-日 (2022-05-31), quoted or not, checked against the calendar (src/lib/dates.ts); a Date
 * at UTC midnight. YAML is read without implicit timestamps, so the value arrives as typed.
 */
export const dateField = z.preprocess((value, ctx) => {
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

export const positiveInt = z.number().int().positive();

/** A path relative to the entry file; existence is checked by src/lib/files.ts. */
export function localPath(extensions: readonly string[], label: string) {
  const pattern = new RegExp(`\\.(${extensions.join('|')})$`, 'i');
  return z
    .string()
    .trim()
    .min(1)
    .refine((value) => !/^[a-z]+:/i.test(value) && !value.startsWith('/'), {
      message: `${label}要写成相对于本文件的路径（例如 ./images/xxx.png），不能是网址或以 / 开头`,
    })
    .refine((value) => pattern.test(value), {
      message: `${label}的文件类型不对，只能是 ${extensions.join('、')} 文件`,
    });
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

export function isLocalVideo(video: string | undefined): boolean {
  return video !== undefined && !/^[a-z]+:/i.test(video);
}

const LOCAL_VIDEO = localPath(['mp4', 'webm'], '短视频');

const videoField = z
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
  });

/**
 * The cover as written: a path relative to the entry. The site swaps in Astro's image() here
 * (src/content.config.ts) so that covers are optimised; validation and scripts use this one.
 */
export const coverPath = localPath(['jpg', 'jpeg', 'png', 'webp', 'avif', 'svg'], '封面图片');
export type CoverSchema = z.ZodType;

/** Fields every kind of entry has (SPEC §2); `cover` is added by each kind's schema factory. */
export const entryBaseShape = {
  /** 名称, 4–40 字 */
  title: textField('名称', { min: 4, max: 40 }),
  /** One sentence for cards and search, ≤ 80 字 */
  summary: textField('一句话简介', { min: 1, max: 80 }),
  /** 申报单位: an id in units.yaml */
  unit: z.string().trim().regex(SLUG_PATTERN, { message: '申报单位编号只能用小写字母、数字和短横线' }),
  /** 第几批: an id in batches.yaml */
  batch: positiveInt,
  /** Names from scenarios.yaml (就医, 出行, …) */
  scenarios: z
    .array(z.string().trim().min(1))
    .min(1, { message: '至少要选一个应用场景' })
    .refine((list) => new Set(list).size === list.length, { message: '应用场景有重复，请删去重复的' }),
  /** 推荐 (recommended by a province) or 推介 (promoted after expert review) */
  status: z.enum(STATUSES),
  /** 择优展示 */
  featured: z.boolean().default(false),
  recommendedOn: dateField,
  /** Shown as 内容更新于: smartphone steps go stale */
  updatedOn: dateField,
  /** Defaults by kind; see withDefaultLicense */
  license: z.enum(LICENSES).optional(),
  coverAlt: textField('封面图片说明', { min: 1, max: 100 }).optional(),
  /** A local short video (with captions) or an https URL on the national platform */
  video: videoField.optional(),
  /** WebVTT captions for a local video */
  captions: localPath(['vtt'], '视频字幕').optional(),
  /** A withdrawn entry keeps its URL with a page that says so */
  withdrawn: z.boolean().default(false),
};

type EntryBase = {
  recommendedOn: Date;
  updatedOn: Date;
  cover?: unknown;
  coverAlt?: string;
  video?: string;
  captions?: string;
};

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
