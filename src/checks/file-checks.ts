/**
 * Files are what they claim to be, checked with real parsers: a PDF starts as a PDF, captions parse as WebVTT
 * (w3c/webvtt.js, the validator's own parser) in UTF-8 with at least one cue, images decode (sharp) within a pixel
 * limit and carry no GPS position, and videos are H.264/AAC in MP4 or WebM under GitHub's file limit
 * (mediainfo.js, WebAssembly: staff machines need nothing else installed).
 *
 * The PDF, captions and size checks are synchronous. Decoding images and reading videos is not (sharp and
 * mediainfo.js are asynchronous), so `inspectFilesSync` runs them all in one child process
 * (./file-checks-cli.ts) and waits for it: validation stays one synchronous pass.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** GitHub refuses files over 100 MiB in a repository. */
export const MAX_VIDEO_BYTES = 100 * 1024 * 1024;
/** 50 million pixels: more than any phone photo; a decompression bomb claims billions. */
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Raster images that sharp decodes (SVG is checked as markup, elsewhere). */
export const RASTER_IMAGE = /\.(?:jpe?g|png|webp|avif|gif|tiff?)$/i;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Why a "PDF" is not one, or undefined. A PDF file starts with `%PDF-` (ISO 32000, 7.5.2). */
export function checkPdf(bytes: Uint8Array, value: string): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return undefined;
  return `文件「${value}」不是 PDF：PDF 文件必须以 %PDF- 开头，这个文件却不是（可能是改了扩展名的网页、脚本或 Word 文件）。请用 WPS 或 Word 的「另存为 PDF」重新导出，再放进内容目录`;
}

interface VttCue {
  startTime: number;
  endTime: number;
}
interface VttResult {
  cues: VttCue[];
  errors: { message: string; line: number }[];
}
const { WebVTTParser } = createRequire(import.meta.url)('webvtt-parser') as {
  WebVTTParser: new () => { parse(text: string, mode: 'metadata'): VttResult };
};

/**
 * Why captions are not usable WebVTT, or undefined. Browsers drop every cue whose timing line does not parse:
 * an .srt renamed to .vtt with a WEBVTT line added (`00:00:01,000` with a comma) shows no caption at all.
 */
export function checkCaptions(bytes: Uint8Array, value: string): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return `字幕文件「${value}」不是 UTF-8 编码，浏览器会显示乱码。请用记事本「另存为」，编码选「UTF-8」；或用 npm run srt-to-vtt 重新生成`;
  }
  const result = new WebVTTParser().parse(text.replace(/^\uFEFF/, ''), 'metadata');
  const first = result.errors[0];
  if (first && /signature/i.test(first.message)) {
    return `字幕文件「${value}」不是 WebVTT 格式：第一行必须是 WEBVTT。如果手头是 .srt 字幕，请运行 npm run srt-to-vtt -- 字幕.srt 转换`;
  }
  if (/\d{2}:\d{2}:\d{2},\d{3}\s*-->/.test(text)) {
    return `字幕文件「${value}」里的时间写成了 SRT 的样子（例如 00:00:01,000，用逗号）：浏览器会丢掉每一句字幕。请运行 npm run srt-to-vtt -- 原来的字幕.srt 重新生成 .vtt 文件`;
  }
  if (first) {
    return `字幕文件「${value}」第 ${first.line} 行写法不对（WebVTT 的时间要写成 00:00:01.000 --> 00:00:03.000），浏览器会丢掉这句字幕。请改正；.srt 字幕请用 npm run srt-to-vtt 转换`;
  }
  if (result.cues.length === 0) {
    return `字幕文件「${value}」里一句字幕也没有。请按「时间 --> 时间」下一行写字幕文字的格式补上字幕，或用 npm run srt-to-vtt 从 .srt 生成`;
  }
  return undefined;
}

/** Why a video file is too large, or undefined. */
export function checkVideoSize(bytes: number, value: string): string | undefined {
  if (bytes <= MAX_VIDEO_BYTES) return undefined;
  const mb = (bytes / 1024 / 1024).toFixed(0);
  return `视频「${value}」有 ${mb} MB，超过上限 100 MB（GitHub 不接受更大的文件）。请压缩后再提交，方法见贡献指南「视频」一节（ffmpeg 一条命令即可）`;
}

/** A file to decode or read in the child process. */
export interface Inspection {
  kind: 'image' | 'video';
  /** Absolute path */
  path: string;
  /** The path as the entry writes it, for the message */
  value: string;
}

async function inspectImage({ path, value }: Inspection): Promise<string[]> {
  const { default: sharp } = await import('sharp');
  let meta;
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return [
      `图片「${value}」打不开：文件已损坏，或者不是它的扩展名所说的格式。请用手机或电脑的看图软件打开它，另存为 JPG 或 PNG 后再放进内容目录`,
    ];
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0) * (meta.pages ?? 1);
  if (pixels > MAX_IMAGE_PIXELS) {
    return [
      `图片「${value}」有 ${meta.width}×${meta.height} 像素${(meta.pages ?? 1) > 1 ? `（共 ${meta.pages} 帧）` : ''}，超过上限 5000 万像素：这样的图片会拖垮网站的构建，也可能是故意做成的「解压炸弹」。请把图片缩小到宽 4000 像素以内再放进来`,
    ];
  }
  const problems: string[] = [];
  try {
    await sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).raw().toBuffer();
  } catch {
    problems.push(
      `图片「${value}」已损坏，解码到一半出错（网站构建会因此失败）。请用看图软件打开原图，另存为 JPG 或 PNG 后再放进内容目录`,
    );
  }
  if (meta.exif && hasGpsPosition(meta.exif)) {
    problems.push(
      `图片「${value}」里记录着拍摄地点（GPS 定位）：发布后任何人都能查到照片是在哪里拍的，公开的代码仓库里也会留下。请运行 npm run strip-gps -- 图片路径 去掉定位信息后再提交`,
    );
  }
  return problems;
}

/** Whether EXIF data holds a latitude or longitude (not just an empty GPS block). */
export function hasGpsPosition(exif: Buffer): boolean {
  const exifReader = createRequire(import.meta.url)('exif-reader') as (buffer: Buffer) => {
    GPSInfo?: Record<string, unknown>;
  };
  try {
    const gps = exifReader(exif).GPSInfo;
    return gps !== undefined && (gps.GPSLatitude !== undefined || gps.GPSLongitude !== undefined);
  } catch {
    return false;
  }
}

interface Track {
  '@type': string;
  Format?: string;
}

/** What mediainfo.js calls the formats every phone and browser plays. */
const PLAYABLE = {
  'MPEG-4': { video: ['AVC'], audio: ['AAC'] },
  WebM: { video: ['VP8', 'VP9', 'AV1'], audio: ['Opus', 'Vorbis'] },
} as const;

const CONVERT = '请用 ffmpeg 转换成 H.264 视频和 AAC 声音的 MP4（命令见贡献指南「视频」一节），再放进内容目录';

async function inspectVideo({ path, value }: Inspection, mediaInfo: MediaInfoLike): Promise<string[]> {
  const handle = await fs.promises.open(path, 'r');
  let tracks: Track[];
  try {
    const { size } = await handle.stat();
    const result = await mediaInfo.analyzeData(size, async (chunkSize, offset) => {
      const buffer = Buffer.alloc(chunkSize);
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, offset);
      return buffer.subarray(0, bytesRead);
    });
    tracks = (result as { media?: { track?: Track[] } }).media?.track ?? [];
  } finally {
    await handle.close();
  }
  const container = tracks.find((t) => t['@type'] === 'General')?.Format;
  const rule = container === 'MPEG-4' || container === 'WebM' ? PLAYABLE[container] : undefined;
  if (!rule) {
    return [
      `视频「${value}」${container ? `是 ${container} 格式` : '读不出是什么格式（可能已损坏，或只是改了扩展名）'}，老年人常用的手机和浏览器不一定能播放。${CONVERT}`,
    ];
  }
  const problems: string[] = [];
  const video = tracks.filter((t) => t['@type'] === 'Video');
  if (video.length === 0) problems.push(`视频「${value}」里没有画面。请提供有画面的视频；只有声音的内容请写进正文`);
  for (const track of video) {
    if (!(rule.video as readonly string[]).includes(track.Format ?? '')) {
      problems.push(
        `视频「${value}」的画面编码是 ${track.Format ?? '未知格式'}${track.Format === 'HEVC' ? '（苹果手机默认的 HEVC/H.265）' : ''}，很多手机和电脑的浏览器放不出来。${CONVERT}`,
      );
    }
  }
  for (const track of tracks.filter((t) => t['@type'] === 'Audio')) {
    if (!(rule.audio as readonly string[]).includes(track.Format ?? '')) {
      problems.push(`视频「${value}」的声音编码是 ${track.Format ?? '未知格式'}，一些浏览器会没有声音。${CONVERT}`);
    }
  }
  return problems;
}

interface MediaInfoLike {
  analyzeData(size: number, read: (size: number, offset: number) => Promise<Uint8Array>): Promise<unknown>;
  close(): void;
}

/** Decodes each image and reads each video; the messages for each, in order. */
export async function inspectFiles(list: readonly Inspection[]): Promise<string[][]> {
  let mediaInfo: MediaInfoLike | undefined;
  const results: string[][] = [];
  for (const item of list) {
    if (item.kind === 'image') {
      results.push(await inspectImage(item));
      continue;
    }
    if (!mediaInfo) {
      const { default: mediaInfoFactory } = await import('mediainfo.js');
      mediaInfo = (await mediaInfoFactory({ format: 'object' })) as unknown as MediaInfoLike;
    }
    results.push(await inspectVideo(item, mediaInfo));
  }
  mediaInfo?.close();
  return results;
}

const CLI = fileURLToPath(new URL('./file-checks-cli.ts', import.meta.url));

/** `inspectFiles`, waited for: one child process for the whole list, none when the list is empty. */
export function inspectFilesSync(list: readonly Inspection[]): string[][] {
  if (list.length === 0) return [];
  const child = spawnSync(process.execPath, [CLI], {
    input: JSON.stringify(list),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) {
    const reason = (child.stderr || child.error?.message || '').trim().split('\n').at(-1);
    throw new Error(`检查图片和视频文件时出错：${reason}`);
  }
  return JSON.parse(child.stdout) as string[][];
}
