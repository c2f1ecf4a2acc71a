/**
 * Astro's loaders, reading files with our reader (src/checks/frontmatter.ts) instead of plain YAML, so that the
 * site publishes exactly the values that `npm run validate` checked: text as typed, dates as text.
 */
import { file, glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readEntryText, readYamlText } from '../checks/frontmatter.ts';
import { CONTENT_DIR } from '../config/paths.ts';
import { unitIdForName, unitsOf } from '../checks/unit-names.ts';

type GlobOptions = Parameters<typeof glob>[0];

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<Record<string, unknown>>;
}

function unreadable(where: string, problems: { line?: number; message: string }[]): Error {
  const lines = problems.map((p) => `${where}${p.line ? `:${p.line}` : ''} — ${p.message}`);
  return new Error(`内容文件读不出来，请按提示修改：\n${lines.join('\n')}`);
}

async function readEntryInfo({ contents, fileUrl }: { contents: string; fileUrl: URL }) {
  const read = readEntryText(contents);
  if (!read.ok) throw unreadable(fileUrl.pathname, read.problems);
  const data = read.entry.data;
  // As validation does (validator.ts): a unit's name where its id belongs means that unit.
  const unitId = unitIdForName(data.unit, unitsOf(CONTENT_DIR));
  if (unitId) data.unit = unitId;
  return { data, body: read.entry.body, slug: undefined, rawData: read.entry.lines.join('\n') };
}

/**
 * `glob()` for Markdown entries. The glob loader takes its Markdown reader from the context's `entryTypes` (an
 * internal of Astro's content layer); this swaps in ours for `.md` and keeps Astro's renderer.
 */
export function typedGlob(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'zhulao:typed-glob',
    load(context: LoaderContext) {
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const markdown = entryTypes?.get('.md');
      if (!entryTypes || !markdown) {
        throw new Error(
          'Astro 的内容加载方式变了：找不到 Markdown 的读取器（entryTypes），请更新 src/collections/loaders.ts',
        );
      }
      const ours = new Map(entryTypes);
      ours.set('.md', { ...markdown, getEntryInfo: readEntryInfo });
      return inner.load({ ...context, entryTypes: ours } as LoaderContext);
    },
  };
}

/** `file()` for a YAML data file (units.yaml, …), read the same way as the entries' fields. */
export function typedYamlFile(fileName: string): Loader {
  return file(fileName, {
    parser(text) {
      const read = readYamlText(text);
      if (!read.ok) throw unreadable(fileName, read.problems);
      return read.data as Record<string, Record<string, unknown>>;
    },
  });
}
