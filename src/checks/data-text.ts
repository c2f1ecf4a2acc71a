import { checkMarkupSafety } from './markup-safety.ts';
import type { Problem } from '../report/problems.ts';

/**
 * Checks every text of a data file as an entry's fields are checked: data files reach readers too (a unit's
 * name is on every entry page of that unit, in its JSON-LD and in the open data). The privacy rule reads
 * every file of the tree, data files with their comments included, in privacy-check.ts.
 */
export function dataFileProblems(file: string, raw: unknown): Problem[] {
  return checkMarkupSafety(raw, '').map((p) => ({ file, ...p }));
}
