import { z } from 'astro/zod';
import { describeDifference, editDistance } from '../core/lookalike.ts';
import { fieldAt, schemaAt, shapeOf } from '../schemas/contract.ts';
import { formatFieldPath, type Problem } from '../report/problems.ts';

// Anything we do not phrase ourselves still comes out in Chinese, never in Zod's English.
z.config(z.locales.zhCN());

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（例如 [甲, 乙]）',
  object: '一组字段',
  date: '日期（例如 2022-05-31）',
};

function valueAt(data: unknown, segments: readonly PropertyKey[]): unknown {
  let value = data;
  for (const s of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[s];
  }
  return value;
}

/** A value as staff wrote it, without trusting it to stringify itself. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '空';
  if (typeof value === 'object') return Array.isArray(value) ? '一个列表' : '一组字段';
  return String(value);
}

function closest(key: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => editDistance([...a.toLowerCase()], [...b.toLowerCase()]);
  const best = candidates.map((c) => ({ c, d: distance(key, c) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.c : undefined;
}

/**
 * Turns Zod issues into problems with a Chinese message that says what is wrong and what to write.
 * `schema` is what `data` was checked against: each issue's label and hint are the contract of the
 * field at the issue's full path (src/schemas/contract.ts), so a unit's name never borrows a person's.
 */
export function issuesToProblems(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.ZodType,
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const { name, contract } = fieldAt(schema, issue.path);
    const label = contract?.label ?? name;
    const hint = contract?.hint;
    const withHint = (problem: string) => (hint ? `${problem}，${hint}` : problem);
    const field = formatFieldPath(issue.path) || '(frontmatter)';

    switch (issue.code) {
      case 'unrecognized_keys': {
        const at = schemaAt(schema, issue.path);
        const knownKeys = Object.keys((at && shapeOf(at)) ?? {});
        return issue.keys.map((key) => {
          const guess = closest(key, knownKeys);
          return {
            file,
            field: formatFieldPath([...issue.path, key]),
            message: guess
              ? `不认识的字段「${key}」，是不是想写「${guess}」？请改正拼写`
              : `不认识的字段「${key}」，请删去它；可用的字段有：${knownKeys.join('、')}`,
          };
        });
      }
      case 'invalid_type': {
        const missing = valueAt(data, issue.path) === undefined;
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        return [
          {
            file,
            field,
            message: missing
              ? withHint(`缺少必填的「${label}」`)
              : withHint(`「${label}」的格式不对，应当是${expected}`),
          },
        ];
      }
      case 'invalid_value': {
        const written = valueAt(data, issue.path);
        const allowed = issue.values.map(String);
        // On screen a refused value often looks like an allowed one: say where they differ.
        const difference = typeof written === 'string' ? describeDifference(written.trim(), allowed) : undefined;
        return [
          {
            file,
            field,
            message: `「${label}」不能是「${shown(written)}」${difference ? `（${difference}）` : ''}，只能是：${allowed.join('、')}`,
          },
        ];
      }
      case 'too_small':
      case 'too_big': {
        const what = issue.code === 'too_small' ? '太小' : '太大';
        const detail =
          issue.origin === 'array'
            ? issue.code === 'too_small'
              ? `至少要有 ${issue.minimum} 项`
              : `最多 ${issue.maximum} 项`
            : issue.origin === 'number' || issue.origin === 'int'
              ? issue.code === 'too_small'
                ? issue.minimum === 0 && !issue.inclusive
                  ? '必须是正数'
                  : `不能小于 ${issue.minimum}`
                : `不能大于 ${issue.maximum}`
              : what;
        return [
          {
            file,
            field,
            message: issue.message.startsWith('至少') ? issue.message : withHint(`「${label}」${detail}`),
          },
        ];
      }
      case 'invalid_format':
        return [{ file, field, message: withHint(`「${label}」${issue.message}`) }];
      case 'invalid_union':
        return [{ file, field, message: withHint(`「${label}」的写法不对`) }];
      default:
        return [{ file, field, message: issue.message.endsWith('。') ? issue.message.slice(0, -1) : issue.message }];
    }
  });
}
