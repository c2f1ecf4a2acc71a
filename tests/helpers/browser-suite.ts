import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openSiteInBrowser, PHONE, type SiteInBrowser } from './browser.ts';

export interface SiteSuite {
  /** The served site's origin, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly browser: Browser;
  /** A fresh page at the given width (a phone unless told); the caller closes it. */
  newPage(width?: number, height?: number): Promise<Page>;
}

/**
 * The browser-test setup of a test file: before its tests, serve the built site at `root` (a folder, or a
 * function giving one when an earlier beforeAll builds it) and launch Chromium; after them, close both.
 * Register it after any beforeAll that builds the site: Vitest runs beforeAll hooks in order.
 */
export function useSiteInBrowser(root: string | (() => string)): SiteSuite {
  let site: SiteInBrowser | undefined;
  const opened = (): SiteInBrowser => {
    if (!site) throw new Error('The site is not open yet: use it inside a test or a later beforeAll.');
    return site;
  };
  beforeAll(async () => {
    site = await openSiteInBrowser(typeof root === 'function' ? root() : root);
  });
  afterAll(async () => {
    await site?.close();
  });
  return {
    get url() {
      return opened().url;
    },
    get browser() {
      return opened().browser;
    },
    newPage: (width = PHONE.width, height = PHONE.height) => opened().browser.newPage({ viewport: { width, height } }),
  };
}
