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
