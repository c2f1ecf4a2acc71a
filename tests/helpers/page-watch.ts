import type { BrowserContext, Page } from 'playwright-core';

/** Everything a page did that a reader should never meet: errors, failed or third-party requests, CSP blocks. */
export interface PageTrouble {
  consoleErrors: string[];
  /** Requests that failed or answered with HTTP 4xx/5xx, as `url: reason` */
  failedRequests: string[];
  /** Requests to any host but 127.0.0.1; they are aborted */
  offsite: string[];
  cspViolations: string[];
}

export interface TroubleWatch {
  /** Records what this page does from now on. */
  watch(page: Page): void;
  /** What happened since the last call, CSP violations of the page's current document included. */
  take(page: Page): Promise<PageTrouble>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const empty = (): PageTrouble => ({ consoleErrors: [], failedRequests: [], offsite: [], cspViolations: [] });

/** Fences a context in to 127.0.0.1 and records trouble. Call before opening pages. */
export async function watchTrouble(context: BrowserContext): Promise<TroubleWatch> {
  let trouble = empty();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    trouble.offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI || '(inline)'}`);
    });
  });
  return {
    watch(page) {
      page.on('console', (message) => {
        if (message.type() === 'error') trouble.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => trouble.consoleErrors.push(error.message));
      page.on('requestfailed', (request) => {
        if (new URL(request.url()).hostname !== '127.0.0.1') return; // already counted as offsite
        trouble.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) trouble.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
      });
    },
    async take(page) {
      const taken = trouble;
      taken.cspViolations = await page.evaluate(() => window.__cspViolations ?? []);
      trouble = empty();
      return taken;
    },
  };
}
