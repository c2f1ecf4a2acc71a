/**
 * What a senior types or says is often a whole question: 就是那个养老金认证在手机上怎么弄呀？ The words that ask,
 * hesitate or point (怎么, 那个, 嗯, 请问, 帮我…), rather than name the task, are dropped before searching, so that
 * only 养老金认证 is looked up.
 */
const FILLERS = [
  '可不可以',
  '是不是',
  '有没有',
  '能不能',
  '会不会',
  '怎么办',
  '怎么弄',
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
  '自己',
  // What happened to the speaker (收到个短信, 老接到电话) tells the situation; what was received names the task.
  '收到',
  '接到',
  '遇到',
  '碰到',
  '想要',
  '想学',
  '教我',
  '请问',
  '麻烦',
  '帮我',
  '帮忙',
  '给我',
  '一下',
  '学会',
  '学习',
  '那个',
  '这个',
  '就是',
  '哎呀',
  '哎哟',
  '老是',
  '总是',
  '一直',
  '经常',
  '我们',
  '咱们',
  '你们',
  '他们',
];

/**
 * Single characters that hesitate, point or join (嗯, 跟, 总, 搭…). They are dropped only where the word
 * segmenter finds them standing alone, so that 总 goes from 我妈总被骗 but stays in 总结.
 */
const FILLER_CHARACTERS = new Set([
  // 老 alone is "always" (老接到骗子电话); in 老人, 老年 the segmenter keeps it in the word.
  ...'嗯啊呀嘛吗呢吧哦哈噢唉哎的了着过跟和与同总老搭我你他她它在用给把让说弄要想会能去来又还都也就很请帮教个',
]);

const PUNCTUATION = /[？?！!。，,、；;：:“”"'‘’（）()…~～·]/g;
const TRAILING_PARTICLES = /[吗呢啊吧呀嘛哦啦]+$/;
/** 挂个号, 买点菜, 打个车: the measure word between a verb and its one-character object goes. */
const MEASURE_INFIX = /(\p{Script=Han})[个点些](\p{Script=Han})$/u;
const withoutMeasure = (run: string) =>
  run.replace(MEASURE_INFIX, (match, verb: string, object: string) =>
    /[一两几这那每半]/.test(verb) ? match : verb + object,
  );

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/**
 * Words that say whom the task is for (我妈, 奶奶, 老人) or what kind of page is wanted (课程, 案例): they narrow a
 * search, but a page that matches only them is not about the task, and a page that lacks them can still be.
 */
const QUALIFIERS = [
  '教育培训项目',
  '培训项目',
  '工作案例',
  '课程资源',
  '课程',
  '案例',
  '项目',
  '我妈',
  '我爸',
  '妈妈',
  '爸爸',
  '老妈',
  '老爸',
  '爸妈',
  '父母',
  '爷爷',
  '奶奶',
  '姥姥',
  '姥爷',
  '外公',
  '外婆',
  '老伴',
  '老人家',
  '老年人',
  '老人',
  '长辈',
  '孩子',
  '儿子',
  '女儿',
  '儿女',
  '子女',
  '孙子',
  '孙女',
  '外孙',
  '家人',
];

/**
 * What is not so (不在家, 不会, 没人教) tells the situation, not the task: 孩子不在家我怎么自己叫个车 is about 叫车.
 * The negation and the character after it are no evidence either way.
 */
const NEGATION = /[不没](?:有)?\p{Script=Han}/gu;

/** Splits a run of Chinese at the filler characters that stand alone as words. */
function dropFillerCharacters(run: string): string[] {
  // Two characters are most likely one word (打的, 的士): nothing to split.
  if (!segmenter || !/\p{Script=Han}/u.test(run) || [...run].length <= 2) return [run];
  const words: string[] = [];
  let current = '';
  for (const { segment } of segmenter.segment(run)) {
    if (FILLER_CHARACTERS.has(segment)) {
      if (current) words.push(current);
      current = '';
    } else current += segment;
  }
  if (current) words.push(current);
  return words;
}

export function normalizeQuery(query: string): string {
  let text = query.replace(PUNCTUATION, ' ');
  for (const filler of FILLERS) text = text.split(filler).join(' ');
  const words = text
    .split(/\s+/)
    .map((run) => withoutMeasure([...run].length > 2 ? run.replace(TRAILING_PARTICLES, '') : run))
    .flatMap(dropFillerCharacters)
    .map((word) => {
      // 打的 (a taxi) keeps its 的: a particle goes only when two characters or more remain.
      const bare = word.replace(TRAILING_PARTICLES, '').replace(/^[的了在用去是]+|[的了]+$/g, '');
      return [...bare].length >= 2 ? bare : word;
    })
    .filter(Boolean);
  // A lone character left over (办, 买) says little once a longer word is there.
  const meaningful = words.some((w) => [...w].length > 1) ? words.filter((w) => [...w].length > 1) : words;
  return meaningful.length > 0 ? [...new Set(meaningful)].join(' ') : query.trim();
}

/** Every two neighbouring characters of a word: 扫码付款 → 扫码, 码付, 付款. */
function charPairs(word: string): string[] {
  const chars = [...word];
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

/**
 * 扫码付款 → [扫码, 码付, 付款]: the index holds words, and a run of several words typed together may match
 * none of them. Most Chinese words have two characters, so every pair is tried, with the segmenter's
 * longer words; pages are then ranked by how many of them they contain. Single characters say too little.
 */
export function splitQuery(query: string): string[] {
  const parts = normalizeQuery(query)
    .split(' ')
    .flatMap((word) => {
      if (!/\p{Script=Han}/u.test(word) || [...word].length <= 2) return [word];
      const pairs = charPairs(word);
      const segments = segmenter ? [...segmenter.segment(word)].filter((s) => s.isWordLike).map((s) => s.segment) : [];
      return [...segments.filter((s) => [...s].length > 2), ...pairs];
    });
  return [...new Set(parts)];
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

/**
 * How much of what a query asks about a page covers, from 0 to 1: the share of the query's characters that lie
 * in a key (a word, or two neighbouring characters of it) found in the page. Words for whom the task is (老人,
 * 我妈) and pairs that most pages contain (`common`, such as 手机) are no evidence: they are left out of the
 * count, unless the query has nothing else.
 */
export function coverage(text: string, query: string, common: ReadonlySet<string> = new Set()): number {
  const lower = text.toLowerCase();
  const words = normalizeQuery(query)
    .split(' ')
    .map((w) => w.toLowerCase())
    .filter(Boolean);
  const marks = words.map((word) => {
    const chars = [...word];
    const found = chars.map(() => false);
    const ignored = chars.map(() => false);
    for (const person of QUALIFIERS) {
      for (let at = word.indexOf(person); at >= 0; at = word.indexOf(person, at + 1))
        for (let i = 0; i < [...person].length; i++) ignored[[...word.slice(0, at)].length + i] = true;
    }
    for (const { index, 0: negation } of word.matchAll(NEGATION))
      for (let i = 0; i < [...negation].length; i++) ignored[[...word.slice(0, index)].length + i] = true;
    if (chars.length <= 2 || !/\p{Script=Han}/u.test(word)) {
      const hit = lower.includes(word);
      const isCommon = common.has(word);
      return chars.map((_, i) => ({ found: hit, ignored: ignored[i]! || isCommon }));
    }
    if (lower.includes(word)) found.fill(true);
    chars.slice(0, -1).forEach((char, i) => {
      const pair = char + chars[i + 1];
      if (common.has(pair)) ignored[i] = ignored[i + 1] = true;
      if (lower.includes(pair)) found[i] = found[i + 1] = true;
    });
    return chars.map((_, i) => ({ found: found[i]!, ignored: ignored[i]! }));
  });
  const all = marks.flat();
  const topic = all.some((m) => !m.ignored) ? all.filter((m) => !m.ignored) : all;
  if (topic.length === 0) return 1;
  return topic.filter((m) => m.found).length / topic.length;
}

/**
 * Starts the words a page is found by but never shows (synonyms, unit, province): Pagefind keeps them in the page's
 * text, and the results page cuts its excerpts there, so that they show only the page's own text.
 */
export const HIDDEN_WORDS_MARK = '⁂';

export const hiddenWords = (words: readonly string[]): string =>
  `${HIDDEN_WORDS_MARK} ${[...new Set(words)].join(' ')}`;

/** The page's own text, without the hidden words. */
export const ownText = (content: string): string => content.split(HIDDEN_WORDS_MARK)[0]!;

/** What a page is about: its title, its summary and its hidden words (scenario words, unit, place, kind). */
export const topicText = (page: SearchedPage): string =>
  [page.title, page.summary, page.content.split(HIDDEN_WORDS_MARK)[1] ?? ''].join('\n');

/** A page as the results list reads it from the index. */
export interface SearchedPage {
  /** All its indexed text: its own, then the hidden words */
  content: string;
  title: string;
  summary: string;
}

/**
 * How well a page answers a query, from 0 to 1 (see coverage); more than 0.5 is relevant. A page that leaves a third
 * of the query or more uncovered must cover the rest in what it is about (topicText), not in a word its body uses in
 * passing: 学开车 is not answered by a train-ticket course that says 开车前 once. A page that covers more (防诈骗
 * 培训方案, where 方案 is in the body) is relevant wherever it covers it.
 */
export function relevance(page: SearchedPage, query: string, common: ReadonlySet<string> = new Set()): number {
  const share = coverage(`${page.content}\n${page.title}`, query, common);
  if (share > PARTLY || share <= 0.5) return share;
  return coverage(topicText(page), query, common) > 0.5 ? share : 0;
}

/** A page covering this share of a query or less covers it only partly (see relevance). */
const PARTLY = 2 / 3 + 1e-9;

/** What people call each kind when they search for it (广东省的课程, 江苏的案例). */
export const KIND_SEARCH_WORDS = {
  courses: ['课程', '课程资源'],
  cases: ['案例', '工作案例'],
  projects: ['项目', '培训项目', '教育培训项目'],
} as const;

/**
 * A short piece of the page's own text around the first key it contains, split into plain and marked parts, for
 * the results list (the page's own words, never the hidden ones).
 */
export function excerpt(content: string, keys: readonly string[], length = 48): { text: string; marked: boolean }[] {
  const text = ownText(content).replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  const sorted = [...keys].filter(Boolean).sort((a, b) => b.length - a.length);
  let first = -1;
  for (const key of sorted) {
    const at = lower.indexOf(key.toLowerCase());
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return [];
  const start = Math.max(0, first - Math.floor(length / 3));
  const piece = text.slice(start, start + length);
  const parts: { text: string; marked: boolean }[] = [];
  if (start > 0) parts.push({ text: '…', marked: false });
  const pattern = new RegExp(sorted.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  let last = 0;
  for (const match of piece.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: piece.slice(last, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < piece.length) parts.push({ text: piece.slice(last), marked: false });
  if (start + length < text.length) parts.push({ text: '…', marked: false });
  return parts;
}
