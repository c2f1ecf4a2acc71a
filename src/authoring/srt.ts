/**
 * SRT subtitles (what most editing apps export) as WebVTT (what browsers show). Chinese .srt files are often
 * GBK from older Windows tools; they are read as such when they are not UTF-8.
 */

const TIMESTAMP = /(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})/g;

/** Decodes an .srt file's bytes: UTF-8 (with or without BOM), else GBK. */
export function decodeSubtitles(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** Converts SRT text to WebVTT text: a WEBVTT header, `00:00:01.000` timestamps, LF line ends. */
export function srtToVtt(srt: string): string {
  const lines = srt
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line.includes('-->')
        ? line
            .replace(
              TIMESTAMP,
              (_, h: string, m: string, s: string, ms: string) =>
                `${h.padStart(2, '0')}:${m}:${s}.${ms.padEnd(3, '0')}`,
            )
            // SRT's position box (X1:… Y2:…) has no WebVTT meaning
            .replace(/\s+[XY][12]:\d+/g, '')
        : line,
    );
  return `WEBVTT\n\n${lines.join('\n').trim()}\n`;
}
