import { t } from '../i18n/zh-CN.ts';
import { entryPath, relatedEntries, type Catalogue, type Entry } from '../collections/catalogue.ts';
import { channelOf } from '../collections/channel.ts';
import { isFeatured, isPromoted } from '../collections/entry-state.ts';
import { htmlToPlainText } from '../markdown/plain-text.ts';
import { formatDate } from './format.ts';
import { termsInEntry } from './glossary-terms.ts';
import { entryJsonLd } from './json-ld.ts';
import { isInsecureUrl } from '../markdown/link-notes.ts';
import { mediaPath } from '../export/media.ts';
import { absoluteUrl, withBase } from '../config/paths.ts';
import { hiddenWords, KIND_SEARCH_WORDS } from '../search/query.ts';
import { entryFacets, type Facet } from '../search/facets.ts';
import { SHARE_IMAGE, shareImagePath } from '../export/share-image.ts';
import type { GlossaryTerm } from '../schemas/guides.ts';
import { isLocalVideo } from '../schemas/shared.ts';

/** One line of 基本信息: a label and its value, a list, or a link with a note on where it leads. */
export interface Fact {
  label: string;
  value: string | string[];
  href?: string;
  /** Where a link leads (host, and 不加密 for http://), shown beside it */
  external?: string;
}

/** A link to another site, with the note shown beside it: its host, and 不加密 for http://. */
export interface ExternalLink {
  href: string;
  note: string;
}

export interface EntryRouteData {
  title: string;
  summary: string;
  kindLabel: string;
  /** Ancestors below 首页, then the page itself (no href) */
  breadcrumb: { label: string; href?: string }[];
  /** 推介, 择优展示 */
  badges: string[];
  /** 内容更新于 …, in words */
  updated: string;
  withdrawn: boolean;
  /** The page's absolute URL: QR code, copy link, JSON-LD */
  url: string;
  /** The page's path with the base: what 我的收藏 keeps, so that it works on any host */
  path: string;
  cover?: { src: NonNullable<Entry['data']['cover']>; alt: string };
  /** The picture chat apps show beside a shared link, made from the cover */
  shareImage?: typeof SHARE_IMAGE & { path: string; alt: string };
  /** A local video, embedded with its captions */
  video?: { src: string; captions: string; captionsLabel: string };
  /** A video on the national platform: linked, never embedded */
  externalVideo?: ExternalLink;
  /** A course's PDF to download */
  file?: string;
  /** A course's own site */
  link?: ExternalLink;
  glossaryTerms: { slug: string; term: GlossaryTerm }[];
  facts: Fact[];
  /** Up to three live entries of the same scenarios */
  related: Entry[];
  /** schema.org data; none for a withdrawn entry */
  jsonLd?: Record<string, unknown>;
  search: {
    /** Pagefind filters */
    facets: [Facet, string][];
    /** What a search result shows besides title and summary */
    meta: Record<'kind' | 'unit' | 'province' | 'scenarios', string>;
    /** Found, never shown: the scenarios' everyday words, and the unit, province, city and kind */
    hiddenWords: string;
  };
}

export interface EntryRouteInput {
  /** As the collection holds it: its data, and its body rendered to HTML */
  entry: Entry;
  catalogue: Catalogue;
  /** 名词解释, keyed by slug */
  glossary: Map<string, GlossaryTerm>;
}

const externalNote = (url: string) =>
  t('entry.externalLink', { host: new URL(url).hostname }) + (isInsecureUrl(url) ? t('entry.insecureSuffix') : '');

/** A value that may be 其他, which the entry explains in a note. */
const withNote = (value: string, note: string | undefined) =>
  value === '其他' && note ? t('entry.valueWithNote', { value, note }) : value;

/** 基本信息: every public field in plain words, in the order the application forms ask for them. */
export function entryFacts(entry: Entry, catalogue: Catalogue): Fact[] {
  const { data } = entry;
  const unit = catalogue.unitOf(entry);
  const province = catalogue.provinceOf(entry);
  const city = catalogue.cityOf(entry);
  const facts: Fact[] = [
    { label: t('entry.unit'), value: unit.name },
    {
      label: t('entry.province'),
      // A provincial-level city (上海) is its own province: 上海市, not 上海市（上海）.
      value:
        city && city.name !== province.name
          ? t('entry.provinceWithCity', { province: province.fullName, city: city.name })
          : province.fullName,
    },
    { label: t('entry.channel'), value: channelOf(data.channel, unit.province) },
    { label: t('entry.batch'), value: catalogue.batches.get(data.batch)?.name ?? t('batch.label', { n: data.batch }) },
    { label: t('entry.scenarios'), value: data.scenarios.join('、') },
    { label: t('entry.status'), value: t(`entry.status.${data.status}`) },
  ];
  if (isFeatured(entry)) facts.push({ label: t('entry.featured'), value: t('entry.yes') });

  if (entry.collection === 'courses') {
    const d = (entry as Entry<'courses'>).data;
    facts.push({
      label: t('entry.resourceType'),
      value: d.resourceType.map((type) => withNote(type, d.resourceNote)).join('、'),
    });
    if (d.minutes) facts.push({ label: t('entry.minutes'), value: t('entry.minutesValue', { minutes: d.minutes }) });
    if (d.episodes)
      facts.push({ label: t('entry.episodes'), value: t('entry.episodesValue', { episodes: d.episodes }) });
    facts.push({ label: t('entry.themes'), value: d.themes.join('、') });
    facts.push({ label: t('entry.shared'), value: t(d.shared ? 'entry.shared.yes' : 'entry.shared.no') });
    if (d.link) {
      const host = new URL(d.link).hostname;
      facts.push({
        label: t('entry.link'),
        value: d.link,
        href: d.link,
        external: isInsecureUrl(d.link) ? `${host}${t('entry.insecureSuffix')}` : host,
      });
    }
    if (d.members.length) facts.push({ label: t('entry.members'), value: d.members.join('、') });
    if (d.awards.length) facts.push({ label: t('entry.awards'), value: d.awards });
  }
  if (entry.collection === 'cases') {
    const d = (entry as Entry<'cases'>).data;
    facts.push({ label: t('entry.areas'), value: d.areas.map((area) => withNote(area, d.areaNote)).join('、') });
  }
  if (entry.collection === 'projects') {
    const d = (entry as Entry<'projects'>).data;
    facts.push({
      label: t('entry.instructors'),
      value: d.instructors.map((instructor) => t('entry.instructorValue', instructor)),
    });
    facts.push({ label: t('entry.cohorts'), value: t('entry.cohortsValue', { count: d.cohorts }) });
    facts.push({ label: t('entry.participants'), value: t('entry.participantsValue', { count: d.participants }) });
  }
  facts.push({ label: t('entry.recommendedOn'), value: formatDate(data.recommendedOn) });
  facts.push({ label: t('entry.updatedOn'), value: formatDate(data.updatedOn) });
  facts.push({ label: t('entry.license'), value: data.license });
  return facts;
}

/**
 * Everything an entry page shows, computed from the entry and the catalogue (Starlight's route data is the model):
 * the page's .astro file only lays it out, and this function is what the unit tests check.
 */
export function entryRouteData({ entry, catalogue, glossary }: EntryRouteInput): EntryRouteData {
  const { data } = entry;
  const kind = entry.collection;
  const kindLabel = t(`kind.${kind}`);
  const sitePath = entryPath(kind, entry.id);
  const url = absoluteUrl(sitePath);
  const media = (value: string) => withBase(mediaPath(kind, entry.id, value));
  const course = kind === 'courses' ? (entry as Entry<'courses'>).data : undefined;
  const unit = catalogue.unitOf(entry);
  const province = catalogue.provinceOf(entry);
  const city = catalogue.cityOf(entry);
  const synonyms = data.scenarios.flatMap((name) => catalogue.scenarioByName.get(name)?.synonyms ?? []);
  return {
    title: data.title,
    summary: data.summary,
    kindLabel,
    breadcrumb: [{ label: kindLabel, href: `/${kind}/` }, { label: data.title }],
    badges: [...(isPromoted(entry) ? [t('badge.promoted')] : []), ...(isFeatured(entry) ? [t('badge.featured')] : [])],
    updated: `${t('entry.updatedOn')} ${formatDate(data.updatedOn)}`,
    withdrawn: data.withdrawn,
    url,
    path: withBase(sitePath),
    cover: data.cover && data.coverAlt ? { src: data.cover, alt: data.coverAlt } : undefined,
    shareImage:
      data.cover && data.coverAlt
        ? { ...SHARE_IMAGE, path: shareImagePath(kind, entry.id), alt: data.coverAlt }
        : undefined,
    video:
      data.video && isLocalVideo(data.video) && data.captions
        ? { src: media(data.video), captions: media(data.captions), captionsLabel: t('entry.captionsLabel') }
        : undefined,
    externalVideo:
      data.video && !isLocalVideo(data.video) ? { href: data.video, note: externalNote(data.video) } : undefined,
    file: course?.file ? media(course.file) : undefined,
    link: course?.link ? { href: course.link, note: externalNote(course.link) } : undefined,
    glossaryTerms: termsInEntry(
      { title: data.title, summary: data.summary, text: htmlToPlainText(entry.rendered?.html ?? '') },
      glossary,
    ),
    facts: entryFacts(entry, catalogue),
    related: relatedEntries(entry, catalogue),
    jsonLd: entryJsonLd(entry, catalogue, url),
    search: {
      facets: entryFacets(entry, catalogue),
      meta: {
        kind: kindLabel,
        unit: unit.name,
        province: city && city.name !== province.name ? `${province.fullName} ${city.name}` : province.fullName,
        scenarios: data.scenarios.join('、'),
      },
      // Last in the page, after the mark that tells the results page where the page's own text ends.
      hiddenWords: hiddenWords([
        ...data.scenarios,
        ...synonyms,
        unit.name,
        province.name,
        province.fullName,
        ...(city ? [city.name, city.fullName] : []),
        ...KIND_SEARCH_WORDS[kind],
      ]),
    },
  };
}
