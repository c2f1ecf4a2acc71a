/**
 * Dates as staff write them, checked as the calendar says. YAML is read without implicit timestamps
 * (src/checks/frontmatter.ts), so a date reaches the schema as the text that was typed, and only this module
 * turns it into a day. A day is a Date at UTC midnight: no time of day, no time zone.
 */

/** The earliest year an entry can carry: the initiative began in 2021; anything before 2000 is a typing slip. */
export const FIRST_YEAR = 2000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * The forms Chinese paperwork uses (推荐表, 汇总表): 2021年10月31日 and 2021.10.31 (also 2021/10/31), with one- or
 * two-digit month and day. They mean one day each, so they are read as that day.
 */
const CHINESE_DAY = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DOTTED_DAY = /^(\d{4})([./])(\d{1,2})\2(\d{1,2})$/;

/** The year, month and day of a date in one of the accepted forms, as typed (not yet checked against the calendar). */
function dayParts(typed: string): [string, string, string] | undefined {
  const iso = ISO_DAY.exec(typed);
  if (iso) return [iso[1]!, iso[2]!, iso[3]!];
  const chinese = CHINESE_DAY.exec(typed);
  if (chinese) return [chinese[1]!, chinese[2]!, chinese[3]!];
  const dotted = DOTTED_DAY.exec(typed);
  if (dotted) return [dotted[1]!, dotted[3]!, dotted[4]!];
  return undefined;
}

export type DateReading = { ok: true; date: Date } | { ok: false; message: string };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `2023-02-30` → refused with the reason; `2021-10-31`, `2021年10月31日` and `2021.10.31` → that day at UTC
 * midnight. Full-width digits and punctuation (２０２１．１０．３１) are read as their half-width forms.
 */
export function readDay(text: string): DateReading {
  const typed = text.trim();
  const m = dayParts(typed.normalize('NFKC'));
  if (!m) {
    return {
      ok: false,
      message: /\d{4}-\d{2}-\d{2}[T ]\d/.test(typed)
        ? `「${typed}」带了时间或时区，这里只写日期，例如 ${typed.slice(0, 10)}`
        : `「${typed}」不是日期的写法，请按 年-月-日 填写，月和日都写两位，例如 2021-10-31（也可以写 2021年10月31日 或 2021.10.31）`,
    };
  }
  const [year, month, day] = [Number(m[0]), Number(m[1]), Number(m[2])];
  if (year < FIRST_YEAR) {
    return { ok: false, message: `「${typed}」的年份 ${m[0]} 不对，请写 ${FIRST_YEAR} 年以后的四位年份，例如 2021` };
  }
  if (month < 1 || month > 12) {
    return { ok: false, message: `「${typed}」里没有 ${month} 月：月份只能是 01–12，请改正` };
  }
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    return {
      ok: false,
      message: `「${typed}」不是日历上有的日期：${year} 年 ${month} 月只有 ${last} 天，请改正`,
    };
  }
  return { ok: true, date: new Date(Date.UTC(year, month - 1, day)) };
}

/** The same day written back: 2021-10-31. */
export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Today's date in China (UTC+8, no daylight saving), as a day. Only validation reads the clock; the build's
 * output never depends on it.
 */
export function todayInChina(now: Date = new Date()): Date {
  const china = new Date(now.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()));
}
