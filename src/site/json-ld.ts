import type { Catalogue, Entry } from '../collections/catalogue.ts';

const LICENSE_URLS: Record<string, string> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC BY-SA 4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC BY-NC 4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  'CC BY-NC-SA 4.0': 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * schema.org data for search engines: Course for courses, Article for cases and projects, provider = unit.
 * It says only what the entry says: a licence only when it is an open licence with a URL (保留所有权利 is not a
 * licence), nothing about price, and nothing at all for a withdrawn entry, which is no longer offered.
 */
export function entryJsonLd(entry: Entry, catalogue: Catalogue, url: string): Record<string, unknown> | undefined {
  const { data } = entry;
  if (data.withdrawn) return undefined;
  const license = LICENSE_URLS[data.license];
  const unit = catalogue.unitOf(entry);
  const provider = {
    '@type': 'EducationalOrganization',
    name: unit.name,
    address: catalogue.provinceOf(entry).fullName,
  };
  const common = {
    '@context': 'https://schema.org',
    name: data.title,
    headline: data.title,
    description: data.summary,
    url,
    inLanguage: 'zh-CN',
    datePublished: isoDate(data.recommendedOn),
    dateModified: isoDate(data.updatedOn),
    ...(license ? { license } : {}),
    keywords: data.scenarios.join(','),
    audience: { '@type': 'PeopleAudience', suggestedMinAge: 60 },
  };
  if (entry.collection === 'courses') {
    const course = (entry as Entry<'courses'>).data;
    return {
      ...common,
      '@type': 'Course',
      provider,
      learningResourceType: course.resourceType,
      ...(course.minutes ? { timeRequired: `PT${course.minutes}M` } : {}),
    };
  }
  return { ...common, '@type': 'Article', author: provider, publisher: provider };
}
