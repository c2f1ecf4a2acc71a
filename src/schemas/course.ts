import { z } from 'astro/zod';
import { contractOf, field } from './contract.ts';
import { describeDifference, matchValue } from '../core/lookalike.ts';
import {
  addedOnOf,
  booleanField,
  checkEntryBase,
  choiceField,
  choicesField,
  coverField,
  coverPath,
  type CoverSchema,
  entryBaseShape,
  numberFromText,
  webUrl,
  limitsOf,
  localPath,
  positiveInt,
  textField,
  ALL_RIGHTS_RESERVED,
  OPEN_LICENSE,
} from './shared.ts';

export const RESOURCE_TYPES = ['教材（读本）', '视频资源', '其他'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
/** Other names staff give the types: a 融媒体 reader (QR codes that open videos) is both 教材（读本） and 视频资源. */
const RESOURCE_TYPE_ALIASES: Readonly<Record<string, ResourceType>> = {
  教材: '教材（读本）',
  读本: '教材（读本）',
  教材读本: '教材（读本）',
  视频: '视频资源',
  微课: '视频资源',
  短视频: '视频资源',
};
/** `融媒体` and the like: both types at once. */
const BOTH_TYPES = ['融媒体', '融媒体教材', '融媒体读本', '教材（读本）+视频资源', '教材（读本）、视频资源'];
/** 附件1: the three themes of 全媒体课程资源 */
export const THEMES = ['互联网+生活', '智能手机应用', '智慧生活'] as const;

/** One type, written as on the form or in look-alike characters (教材(读本)) or by another name (读本) */
const resourceType = choiceField(RESOURCE_TYPES, {
  label: '课程资源类型',
  hint: '填写 {valuesOr}',
  aliases: RESOURCE_TYPE_ALIASES,
});

/** 其他 only: what form the resource takes */
const resourceNote = textField({
  label: '其他类型说明',
  hint: '资源类型为「其他」时，用不超过 {max} 字说明是什么形式，例如 {example}',
  max: 60,
  example: '图文卡片',
  requiredWhen: '类型为「其他」时必填',
});

/** One name in 核心成员 */
const memberName = textField({ label: '核心成员姓名', hint: '每个姓名 {min}–{max} 字', min: 2, max: 20 });
/** One award in 曾获奖项 */
const award = textField({ label: '奖项名称', hint: '每项不超过 {max} 字', max: 60 });

/** A course's video: the common field, required for a shared 视频资源. */
const courseVideo = field(entryBaseShape.video, {
  ...contractOf(entryBaseShape.video)!,
  requiredWhen: '同意共享的视频资源必填',
});

/** 课程资源 (附件4). */
export function createCourseSchema<C extends CoverSchema>(cover: C) {
  return z
    .strictObject({
      ...entryBaseShape,
      video: courseVideo,
      cover: coverField(cover),
      resourceType: field(
        z.preprocess(
          (value, ctx) => {
            // One type alone may come as text or as a list of one (the frontmatter reader splits choice lists).
            const one =
              typeof value === 'string' ? value : Array.isArray(value) && value.length === 1 ? value[0] : undefined;
            if (typeof one !== 'string') return value;
            // 融媒体: a reader whose QR codes open videos is both types.
            if (matchValue(one, BOTH_TYPES)) return ['教材（读本）', '视频资源'];
            if (matchValue(one, RESOURCE_TYPES, RESOURCE_TYPE_ALIASES)) return [one];
            const difference = describeDifference(one.trim(), RESOURCE_TYPES);
            ctx.addIssue({
              code: 'custom',
              message: `「课程资源类型」不能是「${one}」${difference ? `（${difference}）` : ''}，只能是：${RESOURCE_TYPES.join('、')}；融媒体读本写 [教材（读本）, 视频资源]`,
            });
            return value;
          },
          z
            .array(resourceType)
            .min(1, { message: '至少要填一种课程资源类型' })
            .max(2, { message: '课程资源类型最多两种' }),
        ),
        {
          label: '课程资源类型',
          hint: '填写 {valuesOr} 之一；融媒体读本（扫码看视频）写 [教材（读本）, 视频资源]',
          values: RESOURCE_TYPES,
          placeholder: '填写资源类型',
          guide:
            '括号全角、半角都可以；融媒体读本既是读本又有视频，写 `[教材（读本）, 视频资源]` 或 `融媒体`，这时要填视频时长',
          exportNote: '列表，一项或两项：融媒体读本是 教材（读本） 和 视频资源 两项',
        },
      ),
      /** 教材（读本） only: a local PDF to download */
      file: localPath(['pdf'], {
        label: '教材文件',
        hint: '只有「教材（读本）」可以附 PDF 文件，填写它的相对路径，例如 ./files/读本.pdf',
        placeholder: './files/{slug}.pdf',
        exportNote: 'PDF 读本在本站的完整网址',
        exportType: '网址',
      }).optional(),
      /** 视频资源 only: 视频时长 in minutes, a decimal allowed (7.5); a series gives its total */
      minutes: field(
        z.preprocess(
          (value) => numberFromText(value, '分钟|分'),
          z.number().positive().multipleOf(0.1, { message: '视频时长最多写一位小数，例如 7.5' }),
        ),
        {
          label: '视频时长（分钟）',
          hint: '视频资源必须填写时长，单位是分钟，可以有一位小数，例如 {example}；系列视频写总时长',
          example: '7.5',
          requiredWhen: '视频资源必填',
          guide: '融媒体读本也要填；其他类型不要填',
        },
      ).optional(),
      /** 集数: how many videos a series has */
      episodes: field(
        z.preprocess((value) => numberFromText(value, '集'), z.number().int().positive()),
        {
          label: '集数',
          hint: '系列视频有几集，填正整数，例如 {example}；只有一集可以不填',
          example: '12',
        },
      ).optional(),
      resourceNote: resourceNote.optional(),
      themes: choicesField(THEMES, { label: '课程主题', hint: '从 {values} 中选择一个或多个', placeholder: '[]' }),
      /** 是否同意纳入全国老年教育课程资源库共享 */
      shared: booleanField({
        label: '是否同意共享',
        hint: '是否同意纳入全国老年教育课程资源库共享：填写 true 或 false',
        placeholder: '填写 true 或 false',
      }),
      /** 网络链接地址: required when not shared */
      link: field(webUrl, {
        label: '网络链接地址',
        hint: '填写以 https:// 开头的课程网址；省里平台只有 http:// 地址的也可以，网站会标出“不加密”',
        placeholder: 'https://',
        requiredWhen: '不同意共享时必填',
      }).optional(),
      /** 核心成员 (names) */
      members: field(z.array(memberName), {
        label: '核心成员',
        hint: '填写核心成员姓名的列表，例如 {example}',
        example: '[王丽, 陈明]',
        placeholder: '[姓名一, 姓名二]',
        names: true,
        guide: `${contractOf(memberName)!.hint}；也可以用顿号隔开，例如 [王丽、陈明]`,
      }).default([]),
      /** 曾获奖项 */
      awards: field(z.array(award), {
        label: '曾获奖项',
        hint: '填写奖项名称的列表，没有就写 []',
        placeholder: '[奖项名称]',
        guide: `${contractOf(award)!.hint}，例如 [示例市优秀课程（2021, 一等奖）]；括号里的逗号不会拆开奖项`,
      }).default([]),
    })
    .superRefine((entry, ctx) => {
      checkEntryBase(entry, ctx);
      const types = entry.resourceType;
      const isVideo = types.includes('视频资源');
      if (new Set(types).size !== types.length) {
        ctx.addIssue({ code: 'custom', path: ['resourceType'], message: '课程资源类型有重复，请删去重复的' });
      }
      if (types.includes('其他') && types.length > 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['resourceType'],
          message: '「其他」不能和别的类型一起填；融媒体读本请写 [教材（读本）, 视频资源]',
        });
      }
      if (entry.episodes !== undefined && !isVideo) {
        ctx.addIssue({
          code: 'custom',
          path: ['episodes'],
          message: '只有视频资源才填写集数，请删去 episodes 或把类型改为「视频资源」',
        });
      }
      if (isVideo && entry.minutes === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['minutes'],
          message: '视频资源（包括融媒体读本）必须填写视频时长，请在 minutes 填写分钟数，例如 7.5',
        });
      }
      if (!isVideo && entry.minutes !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['minutes'],
          message: '只有视频资源才填写视频时长，请删去 minutes 或把类型改为「视频资源」',
        });
      }
      if (types.includes('其他') && !entry.resourceNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['resourceNote'],
          message: `资源类型为「其他」时，请在 resourceNote 用不超过 ${limitsOf(resourceNote).max} 字说明是什么形式`,
        });
      }
      if (!types.includes('其他') && entry.resourceNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['resourceNote'],
          message: '只有资源类型为「其他」时才填写 resourceNote，请删去它',
        });
      }
      if (entry.file && !types.includes('教材（读本）')) {
        ctx.addIssue({
          code: 'custom',
          path: ['file'],
          message: '只有「教材（读本）」可以附 PDF 文件，请删去 file 或把类型改为「教材（读本）」',
        });
      }
      if (!entry.shared && !entry.link) {
        ctx.addIssue({
          code: 'custom',
          path: ['link'],
          message: '不同意共享的课程资源必须提供网络链接地址，请在 link 填写 https:// 或 http:// 开头的网址',
        });
      }
      if (entry.shared && isVideo && !entry.video) {
        ctx.addIssue({
          code: 'custom',
          path: ['video'],
          message: '同意共享的视频资源必须提供视频本身，请在 video 填写本地视频文件（并配字幕）或平台上的视频地址',
        });
      }
    })
    .transform((entry) => ({
      ...entry,
      addedOn: addedOnOf(entry),
      license: entry.license ?? (entry.shared ? OPEN_LICENSE : ALL_RIGHTS_RESERVED),
    }));
}

export const CourseSchema = createCourseSchema(coverPath);

export type CourseInput = z.input<typeof CourseSchema>;
export type CourseData = z.output<typeof CourseSchema>;
