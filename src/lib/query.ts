/**
 * What a senior types is often a whole question: 怎么在手机上挂号？ The words that ask, rather than
 * name the task, are dropped before searching, so that only 挂号 is looked up.
 */
const FILLERS = [
  '可不可以',
  '能不能',
  '怎么样',
  '为什么',
  '是什么',
  '什么是',
  '在哪里',
  '在手机上',
  '用手机',
  '手机上',
  '怎么',
  '怎样',
  '如何',
  '什么',
  '哪里',
  '在哪',
  '能否',
  '可以',
  '我想',
  '我要',
  '想要',
  '教我',
  '请问',
  '一下',
  '学会',
  '学习',
];
const PUNCTUATION = /[？?！!。，,、；;：:“”"'‘’（）()]/g;
const TRAILING_PARTICLES = /[吗呢啊吧呀]+$/;

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/**
 * 扫码付款 → [扫码, 码付, 付款]: the index holds words, and a run of several words typed together may match
 * none of them. Most Chinese words have two characters, so every pair is tried, with the segmenter's
 * longer words; pages are then ranked by how many of them they contain. Single characters say too little.
 */
/** Every two neighbouring characters of a word: 扫码付款 → 扫码, 码付, 付款. */
function charPairs(word: string): string[] {
  const chars = [...word];
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

export function splitQuery(query: string): string[] {
  const parts = normalizeQuery(query)
    .split(' ')
    .flatMap((word) => {
      if (!/\p{Script=Han}/u.test(word) || word.length <= 2) return [word];
      const pairs = charPairs(word);
      const segments = segmenter ? [...segmenter.segment(word)].filter((s) => s.isWordLike).map((s) => s.segment) : [];
      return [...segments.filter((s) => s.length > 2), ...pairs];
    });
  return [...new Set(parts)];
}

export function normalizeQuery(query: string): string {
  let text = query.replace(PUNCTUATION, ' ');
  for (const filler of FILLERS) text = text.split(filler).join(' ');
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(TRAILING_PARTICLES, '').replace(/^[的了在用去是]+|[的了]+$/g, ''))
    .filter(Boolean);
  // A lone character left over (办, 买) says little once a longer word is there.
  const meaningful = words.some((w) => w.length > 1) ? words.filter((w) => w.length > 1) : words;
  return meaningful.length > 0 ? meaningful.join(' ') : query.trim();
}

/**
 * What a page must contain to be about a query at all: each word of it, or for a Chinese word, any two
 * neighbouring characters of it (飞机票 → 飞机票, 飞机, 机票). Pagefind can match a single character of
 * an unknown word (机 of 机票 in 手机), and a page that shares no such pair with the query is noise.
 */
export function queryKeys(query: string): string[] {
  const keys = normalizeQuery(query)
    .split(' ')
    .flatMap((word) => (/\p{Script=Han}/u.test(word) && [...word].length > 2 ? [word, ...charPairs(word)] : [word]))
    .map((key) => key.toLowerCase())
    .filter(Boolean);
  return [...new Set(keys)];
}

/** Whether a text contains any of the keys (see queryKeys). */
export function mentionsAny(text: string, keys: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return keys.some((key) => lower.includes(key));
}
