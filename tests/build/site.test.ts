import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../../src/markdown/plain-text.ts';
import { validateContent } from '../../src/checks/validator.ts';
import { localFiles } from '../../src/checks/entry-files.ts';
import { mediaPath } from '../../src/export/media.ts';
import { KINDS } from '../../src/config/paths.ts';
import { DIST } from '../helpers/run.ts';

// The global setup built the bundled content (or CONTENT_DIR) into dist/.
const { catalogue, problems } = validateContent();
const html = (pagePath: string) => fs.readFileSync(path.join(DIST, pagePath, 'index.html'), 'utf8');
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const h1Of = (page: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(page)?.[1];

describe('the built site', () => {
  it('was built from valid content', () => {
    expect(problems).toEqual([]);
    expect(catalogue.entries.length).toBeGreaterThan(0);
  });

  it('is a production build, whatever NODE_ENV the caller set (Vitest sets test)', () => {
    // Vite makes import.meta.env.DEV true unless NODE_ENV is production; the note for `npm run dev` must not ship.
    expect(html('search')).not.toContain('zl-dev-notice');
  });

  it('has a page for every entry, with its title and summary', () => {
    for (const entry of catalogue.entries) {
      const page = html(`${entry.kind}/${entry.slug}`);
      expect(h1Of(page), entry.file).toBe(escape(entry.data.title));
      expect(page, entry.file).toContain(escape(entry.data.summary));
    }
  });

  it('lists every entry on its kind list pages', () => {
    for (const kind of KINDS) {
      const lists = fs
        .readdirSync(path.join(DIST, kind), { withFileTypes: true })
        .filter((d) => /^\d+$/.test(d.name))
        .map((d) => html(`${kind}/${d.name}`));
      const all = [html(kind), ...lists].join('\n');
      for (const entry of catalogue.entries.filter((e) => e.kind === kind)) {
        expect(all, entry.file).toContain(`/${kind}/${entry.slug}/`);
      }
    }
  });

  it('publishes every local video, captions and PDF file', () => {
    for (const entry of catalogue.entries) {
      for (const { field, value } of localFiles(entry.data)) {
        if (field === 'cover') continue;
        expect(
          fs.existsSync(path.join(DIST, decodeURIComponent(mediaPath(entry.kind, entry.slug, value)))),
          value,
        ).toBe(true);
      }
    }
  });

  it('exports each body as the text a reader sees, read from the rendered HTML', () => {
    const records = JSON.parse(fs.readFileSync(path.join(DIST, 'data/entries.json'), 'utf8')) as {
      entries: { kind: string; slug: string; text: string }[];
    };
    const texts = new Map(records.entries.map((r) => [`${r.kind}/${r.slug}`, r.text]));
    for (const entry of catalogue.entries) {
      const expected = markdownToPlainText(entry.body)
        .split('\n')
        .filter((line) => line.trim() !== '')
        .join('\n')
        .trim();
      expect(texts.get(`${entry.kind}/${entry.slug}`), entry.file).toBe(expected);
    }
  });

  it('keeps the page of a withdrawn entry and says it was withdrawn', () => {
    for (const entry of catalogue.entries.filter((e) => e.data.withdrawn)) {
      expect(html(`${entry.kind}/${entry.slug}`)).toContain('这条内容已撤下');
    }
  });

  it('declares Chinese on every page', () => {
    const pages = fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(catalogue.entries.length);
    for (const page of pages)
      expect(fs.readFileSync(path.join(DIST, page), 'utf8'), page).toContain('<html lang="zh-CN"');
  });
});
