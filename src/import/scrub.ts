/**
 * Takes personal contacts out of imported text before it is written anywhere: phone and ID-card numbers
 * as the one privacy rule (src/checks/privacy.ts) finds them, e-mail addresses, and the words that
 * introduced them (联系电话：). What was removed is returned, masked, for the import report.
 */
import { findPersonalNumbers } from '../checks/privacy.ts';

export interface Scrubbed {
  text: string;
  /** Masked numbers and addresses that were removed */
  removed: string[];
}

/** Digits, full-width digits and what people write between them; the privacy rule decides what is personal. */
const NUMBER_RUN =
  /[+＋]?[(（[【]?[0-9０-９](?:[0-9０-９\s\u00a0\u3000\-‐‑‒–—―−﹣－.．·・()（）[\]【】/]*[0-9０-９])*(?:\s*[-－]?\s*[XxＸｘ](?![A-Za-z]))?/g;
const EMAIL = /[A-Za-z0-9._%+-]+\s*(?:@|＠)\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** What introduces a number: 联系电话：, 手机号码, Tel:, 邮箱： */
const INTRODUCTION =
  /(?:(?:联系|办公|咨询|服务|报名|值班)?(?:电话号码|电话|手机号码|手机号|手机|座机|热线|微信号?|QQ|身份证号码?|身份证)|[Tt][Ee][Ll]|[Ee]-?mail|电子邮箱|邮箱)\s*[:：]?\s*$/;

/** Spans of a run that the privacy rule flags, each as small as it can be, so that a date beside a phone number stays. */
function personalSpans(run: string): [number, number][] {
  const groups = [...run.matchAll(/[0-9０-９]+|[XxＸｘ]/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const from = (i: number) => (i === 0 ? 0 : groups[i]![0]);
  const spans: [number, number][] = [];
  let start = 0;
  for (let end = 0; end < groups.length; end++) {
    const to = end === groups.length - 1 ? run.length : groups[end]![1];
    if (findPersonalNumbers(run.slice(from(start), to)).length === 0) continue;
    while (start < end && findPersonalNumbers(run.slice(from(start + 1), to)).length > 0) start++;
    // The country code goes with the number: +86 139 1234 5678.
    if (start > 0 && /^(?:00)?86$/.test(run.slice(...groups[start - 1]!).normalize('NFKC'))) start--;
    spans.push([from(start), to]);
    start = end + 1;
  }
  return spans;
}

function maskEmail(address: string): string {
  const [user = '', domain = ''] = address.replace(/\s/g, '').split(/[@＠]/);
  return `${user.slice(0, 1)}***@${domain}`;
}

/** Removes personal numbers and e-mail addresses, with the words that introduce them. */
export function scrubContacts(text: string): Scrubbed {
  const removed: string[] = [];
  const cut: [number, number][] = [];
  for (const match of text.matchAll(NUMBER_RUN)) {
    for (const [from, to] of personalSpans(match[0])) {
      const hit = findPersonalNumbers(match[0].slice(from, to))[0];
      if (hit) removed.push(hit.masked);
      cut.push([match.index + from, match.index + to]);
    }
  }
  for (const match of text.matchAll(EMAIL)) {
    removed.push(maskEmail(match[0]));
    cut.push([match.index, match.index + match[0].length]);
  }
  if (cut.length === 0) return { text, removed };
  cut.sort((a, b) => a[0] - b[0]);
  let result = '';
  let at = 0;
  for (const [from, to] of cut) {
    if (from < at) continue;
    const before = text.slice(at, from);
    result += before.replace(INTRODUCTION, '');
    at = to;
  }
  result += text.slice(at);
  return { text: tidy(result), removed };
}

/** What a removal leaves behind: empty brackets, doubled or leading punctuation, runs of spaces. */
function tidy(text: string): string {
  return text
    .replace(/[（(【[]\s*[，,、；;：:]*\s*[）)】\]]/g, '')
    .replace(/([，,、；;：:])\s*(?:[，,、；;]\s*)+/g, '$1')
    .replace(/[，,、；;：:]\s*([。.！!？?])/g, '$1')
    .replace(/^\s*[，,、；;：:。]\s*/gm, '')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .trim();
}
