import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No literal UI text in components: pages, layouts, components and browser scripts take every word they show
 * from src/i18n through t(). Chinese text is the sign of a literal, so the check looks for Han characters and
 * allows them only where they are not shown:
 * - comments (`//`, `/* … *\/`, `<!-- … -->`), which say why in whatever words fit;
 * - a data value that code compares with (`status === '推介'`), which is content, not UI text.
 * MDX pages (about, help, accessibility) are content written in Markdown, not components, and are not checked;
 * neither is punctuation such as the list separator 、, which is not Han.
 */
const ROOTS = ['src/components', 'src/layouts', 'src/pages', 'src/scripts'];
const CHECKED = /\.(astro|ts)$/;
const HAN = /\p{Script=Han}/u;

function sourceFiles(): string[] {
  return ROOTS.flatMap((root) =>
    fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((name) => CHECKED.test(name))
      .map((name) => path.join(root, name)),
  );
}

/** Blanks out what may hold Han without showing it, keeping line breaks so that line numbers stay right. */
export function withoutAllowedText(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return source
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, (_, before: string) => before)
    .replace(/[!=]==\s*(['"`])[^'"`\n]*\1/g, blank);
}

/** `file:line: text` for each line that still holds Han. */
export function literalText(file: string, source: string): string[] {
  return withoutAllowedText(source)
    .split('\n')
    .flatMap((line, i) => (HAN.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('no literal UI text in components', () => {
  it('finds text in markup, attributes and code, and allows comments and compared data values', () => {
    const source = [
      '---',
      '// 推介 entries first',
      "const promoted = entries.filter((e) => e.data.status === '推介');",
      'const title = `${name}（第 ${n} 页）`;',
      '/* 关怀模式',
      '   applies before first paint */',
      '---',
      '<!-- 择优展示 -->',
      '<track label="中文字幕" src={src} />',
      '<a href="https://example.com/">{t(\'nav.home\')}</a>',
      "<p>{names.join('、')}</p>",
      '<h2>下载数据</h2>',
    ].join('\n');
    expect(literalText('x.astro', source)).toEqual([
      'x.astro:4: const title = `${name}（第 ${n} 页）`;',
      'x.astro:9: <track label="中文字幕" src={src} />',
      'x.astro:12: <h2>下载数据</h2>',
    ]);
  });

  it('holds for every page, layout, component and browser script', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((file) => literalText(file, fs.readFileSync(file, 'utf8')));
    expect(found, 'move these words to src/i18n/zh-CN.ts and show them with t(key, params)').toEqual([]);
  });
});
