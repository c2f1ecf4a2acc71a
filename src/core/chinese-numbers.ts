const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A number written in Chinese words, as forms write counts and batches: 六 → 6, 十二 → 12, 一百二十 → 120. */
export function chineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char]!;
    else {
      total += (digit || 1) * UNITS[char]!;
      digit = 0;
    }
  }
  return total + digit;
}
