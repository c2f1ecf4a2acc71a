// npm run screenshots [-- --pages /,/courses/ --sizes standard,large --themes light,dark,care,contrast --widths 375,1280 --out before]
// Writes full-page PNGs of every page type to tests/.output/<out>/ (screenshots/ by default) so people can look at
// what changed; tests/compare-screenshots.ts counts the pixels that differ between two such folders.
// Themes: light, dark (prefers-color-scheme), care (关怀模式), contrast (prefers-contrast: more).
import fs from 'node:fs';
import path from 'node:path';
import { openSiteInBrowser, readerContext } from './helpers/browser.ts';
import { DIST, OUTPUT } from './helpers/run.ts';
import { PAGE_TYPES } from './helpers/page-types.ts';
import { readCommandLine } from '../src/report/command-line.ts';

const { values } = readCommandLine(
  {
    options: {
      pages: { type: 'string' },
      sizes: { type: 'string', default: 'standard,large,xlarge' },
      themes: { type: 'string', default: 'light,dark,care' },
      widths: { type: 'string', default: '375,1280' },
      dist: { type: 'string', default: DIST },
      out: { type: 'string', default: 'screenshots' },
    },
  },
  '用法：npm run screenshots [-- --pages /,/courses/ --sizes standard,large --themes light,dark,care,contrast --widths 375,1280 --out 输出文件夹 --dist 网站目录]',
);

const pages = values.pages
  ? values.pages
      .split(',')
      .map((p) => ({ name: p.replace(/[^\w\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '') || 'home', path: p }))
  : PAGE_TYPES;
const out = path.join(OUTPUT, values.out);
fs.mkdirSync(out, { recursive: true });

const site = await openSiteInBrowser(path.resolve(values.dist));
let count = 0;
try {
  for (const theme of values.themes.split(',')) {
    for (const width of values.widths.split(',').map(Number)) {
      for (const size of values.sizes.split(',')) {
        const context = await readerContext(site.browser, {
          width,
          height: 900,
          colorScheme: theme === 'dark' ? 'dark' : 'light',
          contrast: theme === 'contrast' ? 'more' : 'no-preference',
          textSize: size,
          care: theme === 'care',
        });
        const page = await context.newPage();
        for (const { name, path: pagePath } of pages) {
          await page.goto(site.url + pagePath, { waitUntil: 'load' });
          // Search pages: photograph the answer, not the loading state.
          if (pagePath.startsWith('/search/?')) {
            await page.locator('[data-search-status]').filter({ hasText: /找到/ }).waitFor({ timeout: 10_000 });
          }
          await page.screenshot({ path: path.join(out, `${name}-${width}-${size}-${theme}.png`), fullPage: true });
          count++;
        }
        await context.close();
      }
    }
  }
} finally {
  await site.close();
}
console.log(`已保存 ${count} 张截图到 ${path.relative(process.cwd(), out)}/`);
