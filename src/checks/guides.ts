import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { GlossaryTermSchema, StartHereSchema, type GlossaryTerm, type StartStep } from '../schemas/guides.ts';
import { SLUG_PATTERN } from '../core/slugs.ts';
import { CONTENT_DIR, DATA_FILES } from '../config/paths.ts';
import { yamlProblem, type Problem } from '../report/problems.ts';
import { dataFileProblems } from './data-text.ts';
import { issuesToProblems } from './zod-messages.ts';

/** glossary.yaml as a whole: words keyed by their slugs, which are checked one by one. */
const GLOSSARY_FILE_SCHEMA = z.record(z.string(), GlossaryTermSchema);

export interface Guides {
  /** 名词解释, keyed by slug, in file order */
  glossary: Map<string, GlossaryTerm>;
  /** 从这里开始, in order */
  startHere: StartStep[];
}

function readYaml(file: string, problems: Problem[]): unknown {
  if (!fs.existsSync(file)) return undefined;
  try {
    const raw = yaml.load(fs.readFileSync(file, 'utf8'));
    problems.push(...dataFileProblems(file, raw));
    return raw;
  } catch (error) {
    problems.push(yamlProblem(file, error, '(文件)'));
    return undefined;
  }
}

/**
 * Reads glossary.yaml and start-here.yaml (both optional). `entryExists` checks that each step of the
 * beginner path points at a real entry.
 */
export function readGuides(
  contentDir: string = CONTENT_DIR,
  entryExists: (kind: string, slug: string) => boolean = () => true,
): { guides: Guides; problems: Problem[] } {
  const problems: Problem[] = [];
  const glossary = new Map<string, GlossaryTerm>();
  const glossaryFile = path.join(contentDir, DATA_FILES.glossary);
  const rawGlossary = readYaml(glossaryFile, problems);
  if (
    rawGlossary !== undefined &&
    (rawGlossary === null || typeof rawGlossary !== 'object' || Array.isArray(rawGlossary))
  ) {
    problems.push({
      file: glossaryFile,
      field: '(文件)',
      message: 'glossary.yaml 应当是「编号: 内容」的列表，请参照现有的写法',
    });
  } else if (rawGlossary) {
    const seen = new Map<string, string>();
    for (const [key, value] of Object.entries(rawGlossary)) {
      if (!SLUG_PATTERN.test(key)) {
        problems.push({
          file: glossaryFile,
          field: key,
          message: '名词编号只能用小写拼音、数字和短横线，例如 erweima',
        });
        continue;
      }
      const parsed = GlossaryTermSchema.safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [key, ...issue.path] }));
        problems.push(...issuesToProblems(glossaryFile, issues, { [key]: value }, GLOSSARY_FILE_SCHEMA));
        continue;
      }
      for (const word of [parsed.data.term, ...parsed.data.aliases]) {
        const other = seen.get(word);
        if (other) {
          problems.push({
            file: glossaryFile,
            field: key,
            message: `「${word}」已经在 ${other} 里出现过，同一个词只能解释一次，请删去重复的`,
          });
        }
        seen.set(word, key);
      }
      glossary.set(key, parsed.data);
    }
  }

  let startHere: StartStep[] = [];
  const startFile = path.join(contentDir, DATA_FILES.startHere);
  const rawStart = readYaml(startFile, problems);
  if (rawStart !== undefined) {
    const parsed = StartHereSchema.safeParse(rawStart);
    if (!parsed.success) {
      problems.push(...issuesToProblems(startFile, parsed.error.issues, rawStart, StartHereSchema));
    } else {
      startHere = parsed.data;
      parsed.data.forEach((step, i) => {
        if (!entryExists(step.kind, step.slug)) {
          problems.push({
            file: startFile,
            field: `[${i}].slug`,
            message: `找不到条目 ${step.kind}/${step.slug}.md，请填写已有条目的文件名（不带 .md）`,
          });
        }
      });
    }
  }
  return { guides: { glossary, startHere }, problems };
}

let cached: Guides | undefined;

/** For pages: the guides of CONTENT_DIR, read once per build (the validator has already checked them). */
export function getGuides(): Guides {
  cached ??= readGuides().guides;
  return cached;
}
