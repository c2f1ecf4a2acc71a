import fs from 'node:fs';
import path from 'node:path';
import { lookalikeKey } from '../core/lookalike.ts';
import { readYamlText } from './frontmatter.ts';

/**
 * The id of the unit that `value` names, when a clerk wrote the unit's name (as the form gives it) where its
 * id belongs; undefined when `value` is already an id or names no unit. Look-alike spellings match
 * (full-width brackets, spaces). Validation and the build both use it, so both publish the same unit.
 */
export function unitIdForName(value: unknown, units: ReadonlyMap<string, { name?: unknown }>): string | undefined {
  if (typeof value !== 'string' || units.has(value.trim())) return undefined;
  const key = lookalikeKey(value);
  if (key === '') return undefined;
  for (const [id, unit] of units) if (typeof unit.name === 'string' && lookalikeKey(unit.name) === key) return id;
  return undefined;
}

const cache = new Map<string, Map<string, { name?: unknown }>>();

/** The units of a content tree as written in units.yaml (for the build's loader), read once per tree. */
export function unitsOf(contentDir: string): Map<string, { name?: unknown }> {
  let units = cache.get(contentDir);
  if (!units) {
    units = new Map();
    try {
      const read = readYamlText(fs.readFileSync(path.join(contentDir, 'units.yaml'), 'utf8'));
      if (read.ok && read.data && typeof read.data === 'object') {
        for (const [id, unit] of Object.entries(read.data as Record<string, unknown>)) {
          if (unit && typeof unit === 'object') units.set(id, unit as { name?: unknown });
        }
      }
    } catch {
      // No units.yaml: validation reports it.
    }
    cache.set(contentDir, units);
  }
  return units;
}
