import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeViolations, runAxe } from '../helpers/browser.ts';
import { useSiteInBrowser } from '../helpers/browser-suite.ts';
import { DIST, OUTPUT } from '../helpers/run.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';

const site = useSiteInBrowser(DIST);

describe('every page type in a real browser', () => {
  it.each(PAGE_TYPES.map((p) => [p.name, p.path]))(
    '%s (%s) loads in Chinese with no axe violations',
    async (name, pagePath) => {
      const page = await site.newPage();
      const response = await page.goto(site.url + pagePath);
      expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await expect(page.locator('h1').count()).resolves.toBe(1);
      if (name === 'search') await page.getByRole('status').filter({ hasText: '结果' }).waitFor();
      await page.screenshot({ path: path.join(OUTPUT, `smoke-${name}-375.png`), fullPage: true });
      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await page.close();
    },
  );
});
