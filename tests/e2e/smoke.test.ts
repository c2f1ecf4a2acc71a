import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeViolations, launchBrowser, runAxe } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { DIST, OUTPUT } from '../helpers/run.ts';

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

describe('home page in a real browser', () => {
  it('loads in Chinese and has no axe violations', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('智慧助老');
    await page.screenshot({ path: path.join(OUTPUT, 'smoke-home-375.png'), fullPage: true });
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });
});
