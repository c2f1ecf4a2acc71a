import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE } from '../helpers/site.ts';

// axe accepts a placeholder as an input's name, but a placeholder disappears as soon as a senior starts to type:
// every text field needs a visible <label>.
describe('form fields', () => {
  it('every text or search field on every page has a visible label of its own', () => {
    const pages = fs.readdirSync(SITE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    let fields = 0;
    for (const file of pages) {
      const html = fs.readFileSync(path.join(SITE, file), 'utf8');
      for (const [input] of html.matchAll(/<input\b[^>]*>/g)) {
        if (!/type="(search|text|email|number|tel|url)"/.test(input)) continue;
        fields++;
        const id = /\sid="([^"]+)"/.exec(input)?.[1];
        expect(id, `${file}: ${input}`).toBeDefined();
        expect(html, `${file}: no <label for="${id}">`).toMatch(new RegExp(`<label[^>]*\\sfor="${id}"[^>]*>[^<\\s]`));
      }
    }
    expect(fields).toBeGreaterThan(0);
  });
});
