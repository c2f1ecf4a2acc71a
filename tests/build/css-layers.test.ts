import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../helpers/run.ts';
import { builtPages } from '../helpers/built-pages.ts';

// Every rule of the site sits in a cascade layer (src/styles/layers.css). A rule outside all layers beats every
// layered rule whatever its specificity, so one unlayered <style> would quietly override the text-size and theme
// settings; and a page whose first CSS named a later layer first would reorder the layers.

/** The layer order that src/styles/layers.css declares. */
function declaredOrder(): string[] {
  const source = fs.readFileSync(path.join(ROOT, 'src/styles/layers.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const statement = /@layer\s+([^;{]+);/.exec(source);
  if (!statement) throw new Error('src/styles/layers.css 里没有 @layer 顺序声明');
  return statement[1]!.split(',').map((name) => name.trim());
}

interface TopLevel {
  /** Layer names in order of first appearance */
  layers: string[];
  /** The start of every top-level rule that is not in a layer */
  unlayered: string[];
}

/** Walks the top level of a stylesheet: `@layer a, b;` statements and `@layer a { … }` blocks, and anything else. */
function topLevel(css: string): TopLevel {
  const layers: string[] = [];
  const unlayered: string[] = [];
  const note = (name: string) => {
    if (!layers.includes(name)) layers.push(name);
  };
  let i = 0;
  while (i < css.length) {
    const rest = css.slice(i);
    const space = /^(\s+|\/\*[\s\S]*?\*\/)/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const statement = /^@layer\s+([\w.\-\s,]+);/.exec(rest);
    if (statement) {
      statement[1]!.split(',').forEach((name) => note(name.trim()));
      i += statement[0].length;
      continue;
    }
    const block = /^@layer\s+([\w.-]+)\s*\{/.exec(rest);
    if (block) note(block[1]!);
    else unlayered.push(rest.slice(0, 60));
    // Skip to the end of this rule: its closing brace at depth 0, or its semicolon if it has no block.
    let depth = 0;
    let quote = '';
    for (; i < css.length; i++) {
      const c = css[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
      else if (c === ';' && depth === 0) break;
    }
    i++;
  }
  return { layers, unlayered };
}

/** The page's CSS in document order: linked stylesheets and inline <style> blocks. */
function pageCss(file: string): string {
  const html = fs.readFileSync(file, 'utf8');
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"[^>]*>|<style[^>]*>([\s\S]*?)<\/style>/g)]
    .map((m) => (m[1] ? fs.readFileSync(path.join(DIST, m[1].split('?')[0]!), 'utf8') : m[2]!))
    .join('\n');
}

describe('cascade layers', () => {
  const order = declaredOrder();

  it('reads a stylesheet’s top level', () => {
    expect(topLevel("@layer a, b; @layer b { x { content: '}' } @media print { y {} } } /* c */ z { }")).toEqual({
      layers: ['a', 'b'],
      unlayered: ['z { }'],
    });
  });

  it('puts every rule of every built page in a layer, and meets the layers in the declared order', () => {
    const pages = builtPages(DIST);
    expect(pages.length).toBeGreaterThan(10);
    for (const name of pages) {
      const { layers, unlayered } = topLevel(pageCss(path.join(DIST, name)));
      expect(unlayered, `${name}: 不在任何层里的样式`).toEqual([]);
      expect(layers, `${name}: 层的先后`).toEqual(order);
    }
  });
});

// astro.config.mjs puts all the site's CSS in one file: a page that inlined its styles would repeat them (and their
// CSP hashes) in every copy, some 8 KB a page, and a second stylesheet would be one more request.
describe('one shared stylesheet', () => {
  it('links every built page to the same stylesheet under /_astro/ and inlines no <style>', () => {
    const sheets = new Set<string>();
    for (const name of builtPages(DIST)) {
      const html = fs.readFileSync(path.join(DIST, name), 'utf8');
      expect(html, `${name}: 页面里的 <style>`).not.toMatch(/<style[\s>]/i);
      const links = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => m[0]);
      expect(links, `${name}: 样式表`).toHaveLength(1);
      sheets.add(/\shref="([^"]+)"/.exec(links[0]!)![1]!);
    }
    expect([...sheets]).toHaveLength(1);
    expect([...sheets][0]).toMatch(/\/_astro\/[^/]+\.css$/);
  });
});
