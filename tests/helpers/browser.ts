import { createRequire } from 'node:module';
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with no background traffic (this machine has no network). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** What a reader's device and saved settings are; a phone (375 × 800) with the defaults unless told. */
export interface Reader {
  width?: number;
  height?: number;
  deviceScaleFactor?: number;
  colorScheme?: 'light' | 'dark';
  contrast?: 'more' | 'no-preference';
  javaScriptEnabled?: boolean;
  /** The saved text size (标准 is no setting at all) */
  textSize?: string;
  /** 关怀模式 saved as on or off */
  care?: boolean;
  /** The entries saved in 我的收藏, as the site stores them */
  favorites?: unknown[];
}

export const PHONE = { width: 375, height: 800 } as const;

/** A browser context for one reader; saved settings are in localStorage before any page script runs. */
export async function readerContext(browser: Browser, reader: Reader = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: reader.width ?? PHONE.width, height: reader.height ?? PHONE.height },
    ...(reader.deviceScaleFactor !== undefined && { deviceScaleFactor: reader.deviceScaleFactor }),
    ...(reader.colorScheme && { colorScheme: reader.colorScheme }),
    ...(reader.contrast && { contrast: reader.contrast }),
    ...(reader.javaScriptEnabled === false && { javaScriptEnabled: false }),
  });
  const saved: Record<string, string> = {};
  if (reader.textSize !== undefined) saved['zl-text-size'] = reader.textSize;
  if (reader.care !== undefined) saved['zl-care'] = reader.care ? 'on' : 'off';
  if (reader.favorites !== undefined) saved['zl-favorites'] = JSON.stringify(reader.favorites);
  if (Object.keys(saved).length > 0) {
    await context.addInitScript((items) => {
      try {
        for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
      } catch {
        // about:blank has no storage
      }
    }, saved);
  }
  return context;
}

/** A built site served on 127.0.0.1 and one Chromium to look at it with. */
export interface SiteInBrowser {
  url: string;
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function openSiteInBrowser(root: string): Promise<SiteInBrowser> {
  const server = await serveStatic(root);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    url: server.url,
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** GOV.UK's tag set: AAA contrast included. */
export const AXE_TAGS = ['best-practice', 'wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page (through the DevTools protocol, so a page's CSP cannot block it). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** One line per violation, for readable test failures. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}
