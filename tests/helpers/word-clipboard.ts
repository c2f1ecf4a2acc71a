/**
 * A real Word document, and the plain text Word puts on the clipboard when it is copied: what lands in the
 * GitHub web editor when staff paste a section from their application form.
 * - Each Word paragraph becomes one line; lines end in CR LF.
 * - An automatically numbered paragraph gets its number as text (the level's format, e.g. `%1、`) and a tab.
 * - A tab is a tab, a manual line break (Shift+Enter) a line break.
 */
import JSZip from 'jszip';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { decodeEntities } from '../../src/core/html-entities.ts';

/** The 主要做法 section of a course form, as staff write it in Word: typed and automatic numbering, sub-steps. */
export async function makeWordForm(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const auto = (text: string) =>
    new Paragraph({ children: [new TextRun(text)], numbering: { reference: 'steps', level: 0 } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1、', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、课程主要内容')] }),
          p('本课程教老年人用微信给家人打视频电话，全程约 20 分钟。'),
          p('课前请确认手机已经联网，音量调大。'),
          p('1、打开微信，点右下角的“我”。'),
          p('2、点“设置”，再点“通用”。'),
          p('3、把“字体大小”拖到最大。'),
          p('（1）拖动时手指不要离开屏幕；'),
          p('（2）看清预览里的字再松手。'),
          p('视频通话的步骤：'),
          auto('打开和家人的聊天窗口。'),
          auto('点右下角的“+”号，选“视频通话”。'),
          auto('等对方接听，说完话点红色按钮挂断。'),
          p('注意事项：'),
          p('①陌生人的视频电话不要接；'),
          p('②不要在通话中告诉对方验证码。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The text/plain flavour of the clipboard after copying the whole document in Word. */
export async function clipboardText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const document = await zip.file('word/document.xml')!.async('string');
  const numbering = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
  // numId → abstractNumId → the level-0 text such as `%1、`
  const abstractOf = new Map(
    [...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>[\s\S]*?<w:abstractNumId w:val="(\d+)"/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  const levelText = new Map(
    [...numbering.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[\s\S]*?<w:lvlText w:val="([^"]*)"/g)].map(
      (m) => [m[1]!, decodeEntities(m[2]!)],
    ),
  );
  const counters = new Map<string, number>();
  const lines: string[] = [];
  for (const [, paragraph] of document.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)) {
    let text = '';
    for (const [token] of paragraph!.matchAll(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      if (token === '<w:tab/>') text += '\t';
      else if (token === '<w:br/>') text += '\n';
      else text += decodeEntities(token.replace(/<[^>]+>/g, ''));
    }
    const numId = /<w:numId w:val="(\d+)"/.exec(paragraph!)?.[1];
    if (numId) {
      const n = (counters.get(numId) ?? 0) + 1;
      counters.set(numId, n);
      const format = levelText.get(abstractOf.get(numId) ?? '') ?? '%1.';
      text = `${format.replace('%1', String(n))}\t${text}`;
    }
    lines.push(text);
  }
  return `${lines.join('\r\n')}\r\n`;
}
