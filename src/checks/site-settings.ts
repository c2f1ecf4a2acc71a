import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { SiteSettingsSchema, type SiteSettings } from '../schemas/data.ts';
import { issuesToProblems } from './zod-messages.ts';
import { yamlProblem, type Problem } from '../report/problems.ts';
import { dataFileProblems } from './data-text.ts';
import { CONTENT_DIR, DATA_FILES } from '../config/paths.ts';

const DEFAULTS: SiteSettings = { sampleContent: false };

/** Reads site.yaml; a tree without one gets the defaults. */
export function readSiteSettings(contentDir: string = CONTENT_DIR): { settings: SiteSettings; problems: Problem[] } {
  const file = path.join(contentDir, DATA_FILES.site);
  if (!fs.existsSync(file)) return { settings: DEFAULTS, problems: [] };
  let raw: unknown;
  try {
    raw = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return { settings: DEFAULTS, problems: [yamlProblem(file, error, '(文件)')] };
  }
  const textProblems = dataFileProblems(file, raw);
  const parsed = SiteSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data, problems: textProblems };
  return {
    settings: DEFAULTS,
    problems: [...textProblems, ...issuesToProblems(file, parsed.error.issues, raw, SiteSettingsSchema)],
  };
}

let cached: SiteSettings | undefined;

/** For pages: the settings of CONTENT_DIR, read once per build. */
export function getSiteSettings(): SiteSettings {
  cached ??= readSiteSettings().settings;
  return cached;
}
