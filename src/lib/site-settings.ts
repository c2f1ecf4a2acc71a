import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { SiteSettingsSchema, type SiteSettings } from '../schemas/data.ts';
import { issuesToProblems } from './zod-messages.ts';
import type { Problem } from './problems.ts';
import { CONTENT_DIR, DATA_FILES } from './paths.ts';

const DEFAULTS: SiteSettings = { sampleContent: false };

/** Reads site.yaml; a tree without one gets the defaults. */
export function readSiteSettings(contentDir: string = CONTENT_DIR): { settings: SiteSettings; problems: Problem[] } {
  const file = path.join(contentDir, DATA_FILES.site);
  if (!fs.existsSync(file)) return { settings: DEFAULTS, problems: [] };
  let raw: unknown;
  try {
    raw = yaml.load(fs.readFileSync(file, 'utf8'));
  } catch {
    return {
      settings: DEFAULTS,
      problems: [{ file, field: '(文件)', message: 'YAML 写法有误，请检查冒号后是否有空格、缩进是否对齐' }],
    };
  }
  const parsed = SiteSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return {
    settings: DEFAULTS,
    problems: issuesToProblems(file, parsed.error.issues, raw, Object.keys(SiteSettingsSchema.shape)),
  };
}

let cached: SiteSettings | undefined;

/** For pages: the settings of CONTENT_DIR, read once per build. */
export function getSiteSettings(): SiteSettings {
  cached ??= readSiteSettings().settings;
  return cached;
}
