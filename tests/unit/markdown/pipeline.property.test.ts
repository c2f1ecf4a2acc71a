/**
 * One pipeline (src/markdown/pipeline.ts): random Markdown, built from the pieces attacks are made of (GFM
 * tables, footnotes, indentation, raw HTML, character references, code spans, links), goes through both paths:
 * validate's (`checkMarkdownBody`) and Astro's (the `markdown.processor` in astro.config.mjs). Both render the
 * very same HTML, and nothing outside the allowlist is ever published: what the build publishes holds only
 * allowlisted elements, attributes and addresses, and a body whose rendering holds more is refused by validate.
 */
import fc from 'fast-check';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { applyAllowlist, BODY_SCHEMA, sameTree } from '../../../src/markdown/allowlist.ts';
import { bodyProcessor, renderMarkdown } from '../../../src/markdown/pipeline.ts';
import { checkMarkdownBody } from '../../../src/checks/markup-safety.ts';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202) });

const PIECES = [
  '| a | b |\n| --- | --- |\n',
  '| `x|',
  '` |',
  '|',
  '[^1]',
  '\n\n[^1]: ',
  '\n            ',
  '\n    ',
  '\n> ',
  '\n- ',
  '\n1. ',
  '\n---\n',
  '\n\n',
  '`',
  '```\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<meta http-equiv=refresh content="0;url=https://evil.example/">',
  '<iframe src="https://evil.example/">',
  '<a href="jav&#x61;script:alert(1)">',
  '</a>',
  '<svg><script>1</script></svg>',
  '<!-- c -->',
  '<style>',
  '<b>',
  '&lt;script&gt;',
  '&#60;script&#62;',
  '&#x3C;img src=x onerror=1&#x3E;',
  '&amp;',
  '[链接](javascript:alert(1))',
  '[链接](https://www.lndx.edu.cn/)',
  '![图](./图片.png)',
  '![图](https://evil.example/a.png)',
  '![图](//evil.example/a.png)',
  '[站](//evil.example/)',
  '[站](/\\evil.example/)',
  '<https://www.lndx.edu.cn>',
  '*',
  '**加粗**',
  '\\',
  '"',
  "'",
  '老年人学用手机',
  ' ',
];

const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

const TAGS = new Set(BODY_SCHEMA.tagNames);
const ATTRIBUTES = new Map(
  Object.entries(BODY_SCHEMA.attributes ?? {}).map(([tag, list]) => [
    tag,
    new Set(list.map((entry) => (typeof entry === 'string' ? entry : entry[0]))),
  ]),
);

/** Everything in published HTML that the allowlist does not name: elements, attributes, comments, schemes. */
function outsideAllowlist(html: string): string[] {
  const found: string[] = [];
  const stack: Nodes[] = [fromHtml(html, { fragment: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment') found.push('<!-- -->');
    if (node.type === 'element') {
      const element = node as Element;
      if (!TAGS.has(element.tagName)) found.push(`<${element.tagName}>`);
      for (const [name, value] of Object.entries(element.properties)) {
        if (name === '__ASTRO_IMAGE_') continue;
        if (!ATTRIBUTES.get(element.tagName)?.has(name)) found.push(`${element.tagName} ${name}`);
        const url = String(value).trim();
        if ((name === 'href' || name === 'src') && /^[\\/]{2}/.test(url)) found.push(`${name}=//`);
        if ((name === 'href' || name === 'src') && /^[a-z][a-z0-9+.-]*:/i.test(url)) {
          const scheme = url.split(':')[0]!.toLowerCase();
          if (name === 'src' || !['http', 'https'].includes(scheme)) found.push(`${name}=${scheme}:`);
        }
      }
    }
    if ('children' in node) stack.push(...node.children);
  }
  return found;
}

const renderer = await bodyProcessor().createRenderer({} as never);

describe('the Markdown pipeline, on random Markdown', () => {
  it('renders the same HTML for validate and for Astro', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (body) => {
        const astro = await renderer.render(body, {});
        expect(astro.code).toBe(renderMarkdown(body).html);
      }),
      { numRuns: 300 },
    );
  });

  it('never publishes anything outside the allowlist, and refuses every body whose rendering held more', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const rendered = renderMarkdown(body);
        expect(outsideAllowlist(rendered.html)).toEqual([]);
        if (rendered.outsideAllowlist) expect(checkMarkdownBody(body, rendered).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every body that holds raw HTML, as the page would read it', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const rendered = renderMarkdown(body);
        if (rendered.source.html.length > 0) expect(checkMarkdownBody(body, rendered).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
  it('takes a tree as unchanged by the sanitiser only when it serialises to the same HTML', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        // Raw pieces as HTML, and the pipeline's own rendering: both kinds of tree the allowlist is given.
        for (const html of [body, renderMarkdown(body).html]) {
          const tree = fromHtml(html, { fragment: true });
          const clean = sanitize(tree, BODY_SCHEMA) as Root;
          if (sameTree(clean, tree)) expect(toHtml(clean)).toBe(toHtml(tree));
          // And a sanitiser that took something out is always seen.
          if (toHtml(clean) !== toHtml(tree)) expect(applyAllowlist(html).changed).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
