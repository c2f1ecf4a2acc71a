import type { Catalogue, Entry } from '../collections/catalogue.ts';
import { t } from '../i18n/zh-CN.ts';

/** Search filters: URL parameter → label. Pagefind filter keys are the URL parameters. */
export const FACETS = {
  kind: '类别',
  scenario: '场景',
  province: '地区',
  batch: '批次',
  status: '状态',
  type: '资源类型',
  duration: '视频时长',
  shared: '资源共享',
} as const;

export type Facet = keyof typeof FACETS;

/** Duration ranges for 视频资源, in the order shown. */
export const DURATIONS = [
  { label: '10 分钟以内', max: 10 },
  { label: '11–20 分钟', max: 20 },
  { label: '20 分钟以上', max: Infinity },
] as const;

export function durationLabel(minutes: number): string {
  return DURATIONS.find((d) => minutes <= d.max)!.label;
}

/** The filter values of one entry, for Pagefind (`data-pagefind-filter="key:value"`). */
export function entryFacets(entry: Entry, catalogue: Catalogue): [Facet, string][] {
  const { data } = entry;
  const facets: [Facet, string][] = [
    ['kind', t(`kind.${entry.collection}`)],
    ...data.scenarios.map((s): [Facet, string] => ['scenario', s]),
    ['province', catalogue.provinceOf(entry).fullName],
    ['batch', catalogue.batches.get(data.batch)?.name ?? t('batch.label', { n: data.batch })],
    ['status', data.status],
  ];
  if (entry.collection === 'courses') {
    const course = (entry as Entry<'courses'>).data;
    for (const type of course.resourceType) facets.push(['type', type]);
    if (course.minutes) facets.push(['duration', durationLabel(course.minutes)]);
    facets.push(['shared', course.shared ? '可共享' : '不共享']);
  }
  return facets;
}
