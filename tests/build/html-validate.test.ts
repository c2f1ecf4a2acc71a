import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { htmlFileFor } from '../helpers/site.ts';

/** The built HTML of one page of every type, against html-validate's recommended rules. */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** Rules turned off for one page only, each for a deliberate choice. */
const PAGE_EXCEPTIONS: Record<string, ConfigData['rules']> = {
  favorites: {
    // The saved-entry card is a <template> that script fills in; its empty heading and link never render.
    'empty-heading': 'off',
    'wcag/h30': 'off',
  },
};

describe('the built HTML is valid', () => {
  it.each(PAGE_TYPES.map((p) => [p.name, p.path]))('%s (%s)', async (name, pagePath) => {
    const file = htmlFileFor(pagePath);
    const exceptions = PAGE_EXCEPTIONS[name];
    const html = fs.readFileSync(file, 'utf8');
    const report = exceptions
      ? await validator.validateString(html, file, { extends: ['html-validate:recommended'], rules: exceptions })
      : await validator.validateString(html, file);
    const problems = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`),
    );
    expect(problems).toEqual([]);
  });
});
