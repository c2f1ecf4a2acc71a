import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, runAxe } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { DIST, OUTPUT } from '../helpers/run.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every page type in a real browser', () => {
  it.each(PAGE_TYPES.map((p) => [p.name, p.path]))(
    '%s (%s) loads in Chinese with no axe violations',
    async (name, pagePath) => {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      const response = await page.goto(server.url + pagePath);
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
