import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  checkCaptions,
  checkPdf,
  checkVideoSize,
  hasGpsPosition,
  inspectFiles,
  inspectFilesSync,
  MAX_VIDEO_BYTES,
} from '../../../src/checks/file-checks.ts';
import { decodeSubtitles, srtToVtt } from '../../../src/authoring/srt.ts';
import { OUTPUT, run } from '../../helpers/run.ts';

const MEDIA = path.resolve(import.meta.dirname, '../../fixtures/hostile/media');
const media = (name: string) => path.join(MEDIA, name);
const SAMPLE = path.resolve(import.meta.dirname, '../../../content/courses');

const SRT =
  '1\r\n00:00:01,000 --> 00:00:03,500\r\n第一步：打开微信。\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000 X1:100 X2:200 Y1:10 Y2:20\r\n第二步：点“＋”。\r\n';

describe('checkPdf', () => {
  it('accepts a PDF and refuses JavaScript named .pdf', () => {
    expect(checkPdf(fs.readFileSync(path.join(SAMPLE, 'files/renshi-zhineng-shouji.pdf')), 'a.pdf')).toBeUndefined();
    expect(checkPdf(fs.readFileSync(media('jiaocai-shouji-rumen.pdf')), 'a.pdf')).toContain('不是 PDF');
    expect(checkPdf(Buffer.from(''), 'a.pdf')).toContain('不是 PDF');
  });
});

describe('checkCaptions', () => {
  it('accepts the sample captions', () => {
    expect(
      checkCaptions(fs.readFileSync(path.join(SAMPLE, 'media/sunbei-shipin-tonghua.vtt')), 'a.vtt'),
    ).toBeUndefined();
  });

  it.each([
    ['an .srt renamed with a WEBVTT line added', `WEBVTT\n\n${SRT}`, 'SRT'],
    ['JavaScript', 'alert(document.cookie)', '第一行必须是 WEBVTT'],
    ['a header and no cue', 'WEBVTT\n\n', '一句字幕也没有'],
    ['a bad timing line', 'WEBVTT\n\n00:01.000 -> 00:03.000\n字幕\n', '写法不对'],
  ])('refuses %s', (_, text, expected) => {
    expect(checkCaptions(Buffer.from(text), 'a.vtt')).toContain(expected);
  });

  it('refuses captions that are not UTF-8', () => {
    const gbk = Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0x0a, 0xc4, 0xe3, 0xba, 0xc3]);
    expect(checkCaptions(gbk, 'a.vtt')).toContain('UTF-8');
  });
});

describe('srtToVtt and npm run srt-to-vtt', () => {
  it('converts SRT (CRLF, commas, position boxes) into captions that pass the check', () => {
    const vtt = srtToVtt(SRT);
    expect(vtt).toMatch(/^WEBVTT\n\n1\n00:00:01\.000 --> 00:00:03\.500\n第一步/);
    expect(vtt).toContain('00:00:04.000 --> 00:00:06.000\n');
    expect(checkCaptions(Buffer.from(vtt), 'a.vtt')).toBeUndefined();
  });

  it('reads GBK subtitles from older Windows tools', () => {
    expect(decodeSubtitles(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]))).toBe('你好');
  });

  it('writes a .vtt beside the .srt', () => {
    const dir = path.join(OUTPUT, 'srt-to-vtt');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, '字幕.srt'), SRT);
    const result = run('npm', ['run', '--silent', 'srt-to-vtt', '--', path.join(dir, '字幕.srt')]);
    expect(result.status, result.output).toBe(0);
    expect(checkCaptions(fs.readFileSync(path.join(dir, '字幕.vtt')), 'x')).toBeUndefined();
  });
});

describe('checkVideoSize', () => {
  it('allows up to GitHub’s 100 MB and refuses more', () => {
    expect(checkVideoSize(MAX_VIDEO_BYTES, 'a.mp4')).toBeUndefined();
    expect(checkVideoSize(120 * 1024 * 1024, 'a.mp4')).toContain('120 MB');
  });
});

describe('inspectFiles: images and videos, decoded by real parsers', () => {
  it('passes a good photo and the H.264 sample, and names each fault', async () => {
    const results = await inspectFiles([
      { kind: 'video', path: media('shipin-h264.mp4'), value: 'a' },
      { kind: 'video', path: media('shipin-iphone-hevc.mp4'), value: 'b' },
      { kind: 'image', path: media('guahao-jietu-sunhuai.png'), value: 'c' },
      { kind: 'image', path: media('fengmian-bomb.png'), value: 'd' },
      { kind: 'image', path: media('ketang-paizhao-gps.jpg'), value: 'e' },
      { kind: 'video', path: media('jiaocai-shouji-rumen.pdf'), value: 'f' },
    ]);
    expect(results[0]).toEqual([]);
    expect(results[1]!.join()).toContain('HEVC');
    expect(results[2]!.join()).toContain('已损坏');
    expect(results[3]!.join()).toContain('20000×20000');
    expect(results[4]!.join()).toContain('GPS');
    expect(results[5]!.join()).toMatch(/读不出|格式/);
  });

  it('gives the same answers synchronously, from one child process', async () => {
    const list = [{ kind: 'image' as const, path: media('fengmian-bomb.png'), value: 'd' }];
    expect(inspectFilesSync(list)).toEqual(await inspectFiles(list));
    expect(inspectFilesSync([])).toEqual([]);
  });
});

describe('npm run strip-gps', () => {
  it('removes the position and keeps the picture', async () => {
    const dir = path.join(OUTPUT, 'strip-gps');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const photo = path.join(dir, '课堂照片.jpg');
    fs.copyFileSync(media('ketang-paizhao-gps.jpg'), photo);
    expect(hasGpsPosition((await sharp(photo).metadata()).exif!)).toBe(true);
    const result = run('npm', ['run', '--silent', 'strip-gps', '--', photo]);
    expect(result.status, result.output).toBe(0);
    const after = await sharp(photo).metadata();
    expect(after.exif === undefined || !hasGpsPosition(after.exif)).toBe(true);
    expect([after.width, after.height]).toEqual([640, 480]);
    expect(await inspectFiles([{ kind: 'image', path: photo, value: 'x' }])).toEqual([[]]);
  });
});
