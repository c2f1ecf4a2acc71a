import path from 'node:path';

/** One thing wrong in the content tree, said so that a member of staff can fix it. */
export interface Problem {
  /** Absolute path of the file */
  file: string;
  /** The field (`minutes`, `instructors[0].affiliation`) or the body section (`正文「主要做法」`) */
  field: string;
  /** What is wrong and how to fix it, in Chinese */
  message: string;
  /** The 1-based line in the file, where it is known: staff in the GitHub web editor find the place by it */
  line?: number;
}

/** A file as messages show it: relative to `from` when it is inside, otherwise as given; always with `/`. */
export function shownPath(file: string, from = process.cwd()): string {
  const relative = path.relative(from, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : file).split(path.sep).join('/');
}

/** `content/courses/x.md:minutes — 视频资源必须填写视频时长，…` with the file relative to the working directory. */
export function formatProblem(problem: Problem, cwd = process.cwd()): string {
  const where = problem.line ? `第 ${problem.line} 行：` : '';
  return `${shownPath(problem.file, cwd)}:${problem.field} — ${where}${problem.message}`;
}

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * A GitHub Actions workflow command (`::error file=…,line=…,title=…::message`): GitHub shows it on the changed file
 * and line of a pull request and in the check's summary, instead of deep in the job log.
 */
export function formatAnnotation(problem: Problem, cwd = process.cwd()): string {
  const relative = path.relative(cwd, problem.file).split(path.sep).join('/');
  const properties = [`file=${escapeProperty(relative)}`];
  if (problem.line) properties.push(`line=${problem.line}`);
  properties.push(`title=${escapeProperty(`内容检查：${problem.field}`)}`);
  return `::error ${properties.join(',')}::${escapeData(problem.message)}`;
}

export function formatReport(problems: Problem[], cwd = process.cwd()): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return [
    `内容检查发现 ${problems.length} 个问题（涉及 ${files} 个文件），请逐条修改后再试：`,
    ...problems.map((p) => `  ✗ ${formatProblem(p, cwd)}`),
  ].join('\n');
}

/** `instructors.0.affiliation` → `instructors[0].affiliation` */
export function formatFieldPath(segments: readonly PropertyKey[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`)).join('');
}

/** A file whose YAML does not parse: where (the line js-yaml stopped at) and what to check. */
export function yamlProblem(file: string, error: unknown, field = '(frontmatter)'): Problem {
  const mark = (error as { mark?: { line: number } }).mark;
  return {
    file,
    field,
    message: `YAML 写法有误${mark ? `（第 ${mark.line + 1} 行附近）` : ''}，请检查冒号后是否有空格、缩进是否对齐、引号是否成对`,
  };
}
