/**
 * The folders of src/ follow the flow content → schemas → checks → collections → pages → dist → search index and
 * open data (docs/ARCHITECTURE.md). This test reads every import of every module under src/ and scripts/ (with the
 * TypeScript parser: static imports, `export … from`, `import()`, and the frontmatter and `<script>` blocks of
 * .astro files) and fails when one goes against the flow:
 * - a layer imports a layer that is not listed below it in LAYERS (src/core imports nothing at all);
 * - a layer imports a package it may not (src/core none, src/schemas only Zod);
 * - code that runs in the browser (src/scripts and the `<script>` blocks of .astro files), or any module it
 *   reaches, imports a Node built-in or any package not in BROWSER_PACKAGES (sharp, fs-using modules…).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

/** A folder (or file) of the project and the layer it belongs to; the first matching prefix wins. */
const FOLDERS: [prefix: string, layer: Layer][] = [
  ['src/core/', 'core'],
  ['src/i18n/', 'i18n'],
  ['src/config/', 'config'],
  ['src/report/', 'report'],
  ['src/schemas/', 'schemas'],
  ['src/markdown/', 'markdown'],
  ['src/checks/', 'checks'],
  ['src/content.config.ts', 'collections'],
  ['src/collections/', 'collections'],
  ['src/authoring/', 'authoring'],
  ['src/import/', 'import'],
  ['src/search/', 'search'],
  ['src/export/', 'export'],
  ['src/site/', 'site'],
  ['src/build/', 'build'],
  ['src/pages/', 'pages'],
  ['src/layouts/', 'pages'],
  ['src/components/', 'pages'],
  ['src/scripts/', 'browser'],
  ['src/styles/', 'assets'],
  ['src/assets/', 'assets'],
  ['scripts/', 'cli'],
];

type Layer =
  | 'core'
  | 'i18n'
  | 'config'
  | 'report'
  | 'schemas'
  | 'markdown'
  | 'checks'
  | 'collections'
  | 'authoring'
  | 'import'
  | 'search'
  | 'export'
  | 'site'
  | 'build'
  | 'pages'
  | 'browser'
  | 'assets'
  | 'cli';

const FOUNDATION: Layer[] = ['core', 'i18n', 'config', 'report'];

/** What each layer may import besides itself: the allowed layer graph, lowest layers first. */
export const LAYERS: Record<Layer, Layer[]> = {
  core: [],
  i18n: ['core'],
  config: ['core'],
  report: [],
  schemas: ['core'],
  markdown: [...FOUNDATION, 'schemas'],
  checks: [...FOUNDATION, 'schemas', 'markdown'],
  collections: [...FOUNDATION, 'schemas', 'markdown', 'checks'],
  authoring: [...FOUNDATION, 'schemas', 'markdown', 'checks'],
  import: [...FOUNDATION, 'schemas', 'markdown', 'checks', 'authoring'],
  search: [...FOUNDATION, 'schemas', 'markdown', 'collections'],
  export: [...FOUNDATION, 'schemas', 'markdown', 'checks', 'collections'],
  // A page's data: what it shows, computed from the entries, their search facets and their published files.
  site: [...FOUNDATION, 'schemas', 'markdown', 'checks', 'collections', 'search', 'export'],
  build: [...FOUNDATION, 'schemas', 'markdown', 'checks', 'collections', 'export'],
  pages: [
    ...FOUNDATION,
    'schemas',
    'markdown',
    'checks',
    'collections',
    'import',
    'search',
    'export',
    'site',
    'browser',
    'assets',
  ],
  browser: ['core', 'i18n', 'search'],
  assets: [],
  cli: [
    ...FOUNDATION,
    'schemas',
    'markdown',
    'checks',
    'collections',
    'authoring',
    'import',
    'search',
    'export',
    'site',
    'build',
  ],
};

/** Packages a layer may import, where it is restricted (every other layer may import any dependency). */
export const PACKAGES: Partial<Record<Layer, string[]>> = { core: [], schemas: ['astro/zod'], i18n: [] };

/** Packages that code running in the browser may reach (none today: the page scripts are our own code). */
export const BROWSER_PACKAGES: string[] = [];

export interface Import {
  specifier: string;
  /** `import type`, or every name imported as a type: erased from the JavaScript */
  typeOnly: boolean;
}

export interface Module {
  /** Repository-relative path; `file.astro#script` for the browser code of an .astro file */
  path: string;
  imports: Import[];
  /** Whether this module is bundled into a page's client script (an entry point of browser code) */
  browserEntry?: boolean;
}

/** The imports of a TypeScript or JavaScript text, as the TypeScript parser reads them. */
export function importsOf(text: string, fileName = 'module.ts'): Import[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!named && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      imports.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      imports.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return imports;
}

/** An .astro file as modules: its frontmatter (server code) and its bundled `<script>` blocks (browser code). */
export function astroModules(file: string, text: string): Module[] {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const modules: Module[] = [{ path: file, imports: importsOf(frontmatter) }];
  // Astro bundles a <script> without attributes (or with only `lang`); is:inline, JSON-LD and set:html are not bundled.
  const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/is:inline|type=|set:html|src=/.test(attributes!))
    .map(([, , body]) => body!);
  if (scripts.length > 0)
    modules.push({ path: `${file}#script`, imports: scripts.flatMap((s) => importsOf(s)), browserEntry: true });
  return modules;
}

/** An .mdx page as a module: its ESM lines (`import`/`export` at the start of a line, up to a blank line). */
export function mdxModule(file: string, text: string): Module {
  const esm = [...text.matchAll(/^(?:import|export)\b[\s\S]*?(?=\n\s*\n|$(?![\s\S]))/gm)].map((m) => m[0]);
  return { path: file, imports: importsOf(esm.join('\n')) };
}

export function layerOf(file: string): Layer | undefined {
  return FOLDERS.find(([prefix]) => file.startsWith(prefix))?.[1];
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]!);
/** `sharp`, `astro/zod`, `@astrojs/rss/x` → the package name as written in package.json, with its subpath */
const isPackage = (specifier: string) => !specifier.startsWith('.') && !specifier.startsWith('/');

/** The repository path an import points at, or undefined for packages and URLs. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const file = from.replace(/#script$/, '');
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.replace(/\?.*$/, '')));
}

/** Every import that goes against the flow, said so that the fix is clear. */
export function violations(modules: Module[]): string[] {
  const found: string[] = [];
  const byPath = new Map(modules.map((m) => [m.path, m]));
  for (const module of modules) {
    const layer = module.browserEntry ? 'browser' : layerOf(module.path);
    if (!layer) {
      found.push(`${module.path}: in no layer; add its folder to FOLDERS and LAYERS (tests/unit/architecture.test.ts)`);
      continue;
    }
    for (const { specifier } of module.imports) {
      if (isPackage(specifier)) {
        const allowed = PACKAGES[layer];
        if (allowed && !allowed.includes(specifier))
          found.push(
            `${module.path} (${layer}) imports the package ${specifier}; ${layer} may import ${allowed.join(', ') || 'no package'}`,
          );
        continue;
      }
      const target = resolve(module.path, specifier);
      if (!target) continue;
      const targetLayer = layerOf(target);
      if (!targetLayer) {
        found.push(`${module.path} (${layer}) imports ${target}, which is in no layer`);
        continue;
      }
      if (targetLayer !== layer && !LAYERS[layer].includes(targetLayer))
        found.push(
          `${module.path} (${layer}) imports ${target} (${targetLayer}); ${layer} may import ${LAYERS[layer].join(', ') || 'nothing'}`,
        );
    }
  }
  // Browser code and everything it reaches at run time (type-only imports are erased).
  const seen = new Set<string>();
  const queue: { path: string; via: string[] }[] = modules
    .filter((m) => m.browserEntry || layerOf(m.path) === 'browser')
    .map((m) => ({ path: m.path, via: [m.path] }));
  while (queue.length > 0) {
    const { path: current, via } = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const module = byPath.get(current);
    if (!module) continue;
    for (const { specifier, typeOnly } of module.imports) {
      if (typeOnly) continue;
      if (isBuiltin(specifier) || (isPackage(specifier) && !BROWSER_PACKAGES.includes(specifier))) {
        found.push(`browser code reaches ${specifier}: ${via.join(' → ')}; keep it out of code bundled into pages`);
        continue;
      }
      const target = resolve(current, specifier);
      if (target) queue.push({ path: target, via: [...via, target] });
    }
  }
  return found;
}

/** Every module under src/ and scripts/, read from disk. */
function projectModules(): Module[] {
  return ['src', 'scripts'].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .map((name) => `${dir}/${name.split(path.sep).join('/')}`)
      .filter((file) => /\.(ts|mts|mjs|js|astro|mdx)$/.test(file) && !file.endsWith('.d.ts'))
      .flatMap((file) => {
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        if (file.endsWith('.astro')) return astroModules(file, text);
        if (file.endsWith('.mdx')) return [mdxModule(file, text)];
        return [{ path: file, imports: importsOf(text, file) }];
      }),
  );
}

describe('the import-direction checker', () => {
  const module = (file: string, text: string): Module => ({ path: file, imports: importsOf(text, file) });

  it('reads static, re-exported, dynamic and type-only imports', () => {
    expect(
      importsOf(
        [
          "import a from './a.ts';",
          "import type { B } from './b.ts';",
          "import { type C } from './c.ts';",
          "export { d } from './d.ts';",
          "const e = await import('./e.ts');",
          "let f: import('./f.ts').F;",
          "import './g.css';",
        ].join('\n'),
      ),
    ).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: true },
      { specifier: './d.ts', typeOnly: false },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './f.ts', typeOnly: true },
      { specifier: './g.css', typeOnly: false },
    ]);
  });

  it('accepts imports that follow the flow', () => {
    expect(
      violations([
        module('src/checks/validator.ts', "import { z } from 'astro/zod';\nimport { KINDS } from '../core/slugs.ts';"),
        module('src/pages/index.astro', "import { getCatalogue } from '../collections/catalogue.ts';"),
        module('src/scripts/search.ts', "import { splitQuery } from '../search/query.ts';"),
        module('src/search/query.ts', 'export const splitQuery = (q: string) => [q];'),
      ]),
    ).toEqual([]);
  });

  it('fails a lower layer importing a higher one', () => {
    expect(
      violations([module('src/schemas/course.ts', "import { getCatalogue } from '../collections/catalogue.ts';")]),
    ).toEqual([
      'src/schemas/course.ts (schemas) imports src/collections/catalogue.ts (collections); schemas may import core',
    ]);
  });

  it('fails src/core importing anything, package or module', () => {
    expect(
      violations([
        module('src/core/dates.ts', "import fs from 'node:fs';\nimport { formatDate } from '../site/format.ts';"),
      ]),
    ).toHaveLength(2);
  });

  it('fails browser code that reaches a Node-only module, directly or through another module', () => {
    const found = violations([
      module('src/scripts/search.ts', "import { splitQuery } from '../search/query.ts';"),
      module('src/search/query.ts', "import { readFileSync } from 'node:fs';\nexport const splitQuery = () => [];"),
      ...astroModules(
        'src/components/Box.astro',
        "---\nimport sharp from 'sharp';\n---\n<div />\n<script>\n  import { x } from '../export/share-image.ts';\n</script>",
      ),
      module('src/export/share-image.ts', "import sharp from 'sharp';\nexport const x = 1;"),
    ]);
    expect(found).toEqual([
      'src/components/Box.astro#script (browser) imports src/export/share-image.ts (export); browser may import core, i18n, search',
      'browser code reaches node:fs: src/scripts/search.ts → src/search/query.ts; keep it out of code bundled into pages',
      'browser code reaches sharp: src/components/Box.astro#script → src/export/share-image.ts; keep it out of code bundled into pages',
    ]);
  });

  it('lets browser code import types from build-time modules (they are erased)', () => {
    expect(
      violations([
        module('src/scripts/search.ts', "import type { LexiconData } from '../search/lexicon.ts';"),
        module('src/search/lexicon.ts', "import { pinyin } from 'pinyin-pro';"),
      ]),
    ).toEqual([]);
  });

  it('reads the imports of an .mdx page, not its prose', () => {
    const page = mdxModule(
      'src/pages/help.mdx',
      "---\ntitle: 帮助\n---\nimport Box from '../components/Box.astro';\nimport { x } from '../build/links.ts';\n\n正文里提到 import 这个词。\n",
    );
    expect(page.imports.map((i) => i.specifier)).toEqual(['../components/Box.astro', '../build/links.ts']);
    expect(violations([page])).toEqual([
      'src/pages/help.mdx (pages) imports src/build/links.ts (build); pages may import core, i18n, config, report, schemas, markdown, checks, collections, import, search, export, site, browser, assets',
    ]);
  });

  it('fails a module in a folder that is in no layer', () => {
    expect(violations([module('src/lib/x.ts', '')])).toEqual([
      'src/lib/x.ts: in no layer; add its folder to FOLDERS and LAYERS (tests/unit/architecture.test.ts)',
    ]);
  });
});

describe('the project follows the flow', () => {
  const modules = projectModules();

  it('reads every module of src/ and scripts/, with their browser scripts', () => {
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.filter((m) => m.browserEntry).map((m) => m.path)).toContain('src/pages/search.astro#script');
  });

  it('has no import against the flow', () => {
    expect(violations(modules)).toEqual([]);
  });
});

describe('the top level of the repository', () => {
  // Fixed by the team: anything else (a scratch script, a stray output) belongs in a folder or nowhere.
  const FIXED = new Set([
    'src',
    'content',
    'public',
    'scripts',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
    'README.md',
    'docs',
    'package-lock.json',
    'LICENSE',
    'tests',
  ]);

  it('holds only the fixed files and folders, and dotfiles', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const top = [...new Set(tracked.map((file) => file.split('/')[0]!))];
    expect(top.filter((name) => !name.startsWith('.') && !FIXED.has(name))).toEqual([]);
  });
});
