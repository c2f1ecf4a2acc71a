import { pinyin } from 'pinyin-pro';
import { entrySlugFault } from '../schemas/shared.ts';

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
/** Long enough to tell entries apart, short enough for a QR code and a link typed by hand. */
const MAX_LENGTH = 48;

/**
 * A kebab-case ASCII slug from Chinese text, word by word: 用手机预约挂号 → yong-shouji-yuyue-guahao.
 * Single characters that the segmenter leaves alone are joined (助老 → zhulao); Latin letters and digits
 * are kept in lower case; everything else separates words.
 */
export function pinyinSlug(text: string, maxLength = MAX_LENGTH): string {
  const words: string[] = [];
  let singles = '';
  const flush = () => {
    if (singles) words.push(singles);
    singles = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC'))) {
    if (!isWordLike) {
      flush();
      continue;
    }
    if (HAN.test(segment)) {
      const syllables = pinyin(segment, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).join('');
      if ([...segment].length === 1) singles += syllables;
      else {
        flush();
        words.push(syllables);
      }
    } else {
      flush();
      words.push(...segment.toLowerCase().split(/[^a-z0-9]+/));
    }
  }
  flush();
  let slug = '';
  for (const word of words.map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength && slug) break;
    slug = next.slice(0, Math.max(maxLength, word.length));
  }
  return slug;
}

/** A slug the site accepts, or undefined when the text gives none (no Chinese, letters or digits). */
export function entrySlugFromTitle(title: string): string | undefined {
  const slug = pinyinSlug(title);
  if (slug === '') return undefined;
  const fault = entrySlugFault(slug);
  if (fault === 'pattern') return entrySlugFault(`tiaomu-${slug}`) ? undefined : `tiaomu-${slug}`;
  if (fault === 'reserved') return `${slug}-1`;
  return slug;
}
