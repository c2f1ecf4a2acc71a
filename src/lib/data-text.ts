import { checkMarkupSafety } from './markup-safety.ts';
import { describePersonalNumber, findPersonalNumbersDeep } from './privacy.ts';
import { formatFieldPath, type Problem } from './problems.ts';

/** Personal numbers anywhere in a value (frontmatter, a data file, a body), one problem each. */
export function privacyProblems(file: string, value: unknown, prefix: PropertyKey[] = []): Problem[] {
  return findPersonalNumbersDeep(value, prefix).map((hit) => ({
    file,
    field: formatFieldPath(hit.path) || '(frontmatter)',
    message: describePersonalNumber(hit),
  }));
}

/**
 * Checks every text of a data file as an entry's fields are checked: data files reach readers too (a unit's
 * name is on every entry page of that unit, in its JSON-LD and in the open data).
 */
export function dataFileProblems(file: string, raw: unknown): Problem[] {
  return [...privacyProblems(file, raw), ...checkMarkupSafety(raw, '').map((p) => ({ file, ...p }))];
}
