import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { validateContent } from '../../../src/checks/validator.ts';
import { readGuides } from '../../../src/checks/guides.ts';
import { PROVINCES } from '../../../src/schemas/provinces.ts';
import { buildLexicon, commonPairs, MAX_WORDS, vocabulary } from '../../../src/search/lexicon.ts';
import {
  candidatesFor,
  correctQuery,
  fromPinyin,
  fuzzySyllable,
  readLexicon,
  toSimplified,
} from '../../../src/search/query-correction.ts';

// The bundled sample content, read as the build reads it, gives the vocabulary the site really has.
const { catalogue } = validateContent();
const { glossary } = readGuides().guides;
const source = {
  terms: [
    ...[...catalogue.scenarios.values()].flatMap((s) => [s.name, ...s.synonyms]),
    ...[...glossary.values()].flatMap((g) => [g.term, ...g.aliases]),
    ...[...catalogue.units.values()].map((u) => u.name),
    ...PROVINCES.flatMap((p) => [p.name, p.fullName]),
  ],
  texts: catalogue.entries.map((e) => e.data.title),
};
const siteTexts = catalogue.entries.map((e) => `${e.data.title}\n${e.data.summary}\n${e.body}`);
const data = buildLexicon(source, siteTexts);
const lexicon = readLexicon(data);

describe('fuzzySyllable: what an accent may confuse', () => {
  it.each([
    ['zhi', 'zi'],
    ['ning', 'lin'],
    ['hui', 'uei'],
    ['wei', 'uei'],
    ['huang', 'uan'],
    ['wang', 'uan'],
    ['yu', 'v'],
  ])('%s → %s', (syllable, fuzzy) => {
    expect(fuzzySyllable(syllable)).toBe(fuzzy);
  });
});

describe('correctQuery: reads a slip as the word of the site it was meant to be', () => {
  it.each([
    ['卦号', '挂号'],
    ['依保', '医保'],
    ['付宽', '付款'],
    ['徽信', '微信'],
    ['社宝卡', '社保卡'],
    ['达车', '打车'],
    ['榨骗', '诈骗'],
    ['手机支富', '手机支付'],
    ['医院卦号', '医院挂号'],
    ['掛號', '挂号'],
    ['防詐騙', '防诈骗'],
    ['醫院卦號', '医院挂号'],
    // Look-alikes from handwriting or a shape input method: a wrong radical, the same other part.
    ['桂号', '挂号'],
    ['佳号', '挂号'],
    ['汀车', '打车'],
    ['作骗', '诈骗'],
    ['地跌', '地铁'],
    // The cheapest cut of a word: 防 + 诈片 → 诈骗, not 防诈 → 反诈 + 片.
    ['防诈片', '防诈骗'],
  ])('%s → %s', (typed, meant) => {
    expect(correctQuery(typed, lexicon)).toContain(meant);
  });

  it('tries the simplified query first, as typed, before correcting it', () => {
    expect(correctQuery('防詐騙', lexicon)[0]).toBe('防诈骗');
  });

  it('leaves words alone that the site knows, and words that nothing on the site sounds like', () => {
    expect(correctQuery('挂号', lexicon)).toEqual([]);
    for (const offTopic of ['炒股', '彩票', '相亲', '考驾照', '装修房子'])
      expect(correctQuery(offTopic, lexicon), offTopic).toEqual([]);
  });

  it('needs half of the characters right, and allows a wrong-sounding one only in a longer word', () => {
    expect(candidatesFor('挂浩', lexicon)).toEqual(expect.arrayContaining(['挂号']));
    expect(candidatesFor('瓜好', lexicon)).toEqual([]);
  });

  it('reads a look-alike only where the rest of the character is the same, not for a shared radical alone', () => {
    // 桂 and 挂 share 圭; 扌 alone is shared by hundreds of characters (拍, 找, 打…), which look nothing alike.
    expect(candidatesFor('桂号', lexicon)).toEqual(['挂号']);
    expect(candidatesFor('拍车', lexicon)).toEqual([]);
    expect(correctQuery('网游', lexicon)).toEqual([]);
  });

  it('reads pinyin typed without picking the characters as the words of the site it spells', () => {
    expect(correctQuery('guahao', lexicon)).toEqual(['挂号']);
    expect(fromPinyin('yi bao', lexicon)).toBe('医保');
    expect(fromPinyin('Da Che', lexicon)).toBe('打车');
    expect(fromPinyin('weixinzhifu', lexicon)).toBe('微信支付');
    // Letters that are no pinyin of the site's words, and words the site does not have, are left alone.
    for (const other of ['wifi', 'app', 'chaogu', 'xiangqin', 'caipiao', 'dc'])
      expect(fromPinyin(other, lexicon), other).toBeUndefined();
  });

  it('converts traditional characters the site uses', () => {
    expect(toSimplified('視頻通話 手機入門 醫保', lexicon)).toBe('视频通话 手机入门 医保');
  });
});

describe('the lexicon the search page loads when a search finds too little', () => {
  it('stays within 40 KB gzipped', () => {
    const bytes = gzipSync(JSON.stringify(data)).length;
    console.log(`correction and conversion data: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
  });

  it('ships only the traditional characters whose simplified forms the site uses', () => {
    const pairs = [...data.simplified];
    for (let i = 1; i < pairs.length; i += 2) expect(siteTexts.join('\n')).toContain(pairs[i]);
  });

  it('keeps at most MAX_WORDS words besides the maintainers own terms, most frequent first', () => {
    const many = vocabulary({ terms: ['挂号'], texts: Array.from({ length: 4000 }, (_, i) => `第${i}课程`) });
    expect(many.length).toBeLessThanOrEqual(MAX_WORDS + 1);
    expect(many).toContain('挂号');
  });
});

describe('commonPairs: what most pages contain is no evidence', () => {
  it('lists the pairs found on more than 40 % of the texts', () => {
    expect(commonPairs(['用手机挂号', '用手机打车', '手机付款', '看病', '看书'], (text) => text)).toEqual(['手机']);
  });
});
