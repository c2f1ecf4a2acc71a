import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaPath, serveMedia } from '../../../src/export/media.ts';

describe('serveMedia (npm run dev)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhulao-media-'));
  const vtt = path.join(dir, '扫码.vtt');
  fs.writeFileSync(vtt, 'WEBVTT\n');
  const copies = [{ from: vtt, to: mediaPath('courses', 'saoma', './media/扫码.vtt') }];

  function get(url: string, base = '/') {
    const headers: Record<string, string> = {};
    let body: Buffer | undefined;
    let passed = false;
    serveMedia(copies, base)(
      { url },
      { setHeader: (name, value) => (headers[name] = value), end: (b) => (body = b) },
      () => (passed = true),
    );
    return { headers, body: body?.toString(), passed };
  }

  it('serves an entry’s captions where the build publishes them, with their type', () => {
    const url = `/media/courses/saoma/${encodeURIComponent('扫码.vtt')}`;
    expect(get(url)).toEqual({
      headers: { 'Content-Type': 'text/vtt; charset=utf-8' },
      body: 'WEBVTT\n',
      passed: false,
    });
    expect(get(`/zhulao${url}?t=1`, '/zhulao/').body).toBe('WEBVTT\n');
  });

  it('leaves every other address to the dev server', () => {
    expect(get('/media/courses/saoma/other.vtt').passed).toBe(true);
    expect(get('/courses/saoma/').passed).toBe(true);
  });
});
