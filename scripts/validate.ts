// npm run validate: checks the whole content tree without building, and reports every problem in Chinese.
// npm run validate -- --changed: checks only the entries changed against main (quick pull-request feedback).
import { CONTENT_DIR, GITHUB_ANNOTATIONS } from '../src/config/paths.ts';
import { validateContent } from '../src/checks/validator.ts';
import { planChangedCheck, validateEntries } from '../src/checks/changed-content.ts';
import { formatAnnotation, formatProblem, formatReport, type Problem } from '../src/report/problems.ts';
import { exitWhenFlushed } from '../src/report/exit.ts';
import { readCommandLine } from '../src/report/command-line.ts';

const USAGE =
  '用法：npm run validate（检查全部内容）或 npm run validate -- --changed（只检查与 main 相比有改动的条目）';
const { values } = readCommandLine({ options: { changed: { type: 'boolean', default: false } } }, USAGE);

/** The report, and under GitHub Actions one annotation per problem, then a failing exit once it is all written. */
async function report(problems: Problem[]): Promise<never> {
  if (GITHUB_ANNOTATIONS) for (const problem of problems) console.log(formatAnnotation(problem));
  console.error(formatReport(problems));
  return exitWhenFlushed(1);
}

async function checkAll(): Promise<void> {
  // Notes are not errors: http:// links are allowed, and shown on the site as 不加密.
  const { problems, notes, catalogue } = validateContent(CONTENT_DIR, { keepBodies: false });
  if (notes.length > 0) {
    console.log(
      [
        `提示（不是错误，不影响发布）：有 ${notes.length} 个不加密的链接`,
        ...notes.map((n) => `  · ${formatProblem(n)}`),
      ].join('\n'),
    );
  }
  if (problems.length > 0) await report(problems);
  const count = (kind: string) => catalogue.entries.filter((e) => e.kind === kind).length;
  console.log(
    `内容检查通过：课程资源 ${count('courses')} 门、工作案例 ${count('cases')} 个、教育培训项目 ${count('projects')} 个，` +
      `申报单位 ${catalogue.units.size} 个。`,
  );
}

if (!values.changed) {
  await checkAll();
} else {
  const plan = planChangedCheck(CONTENT_DIR);
  if (plan.mode === 'all') {
    console.log(plan.reason);
    await checkAll();
  } else if (plan.entries.length === 0) {
    console.log(`与 ${plan.base} 分支相比，没有改动的条目，无需检查。`);
  } else {
    console.log(`只检查与 ${plan.base} 分支相比有改动的条目（${plan.entries.length} 个）。`);
    const { problems, checked } = validateEntries(CONTENT_DIR, plan.entries);
    if (problems.length > 0) await report(problems);
    console.log(`内容检查通过：检查了 ${checked} 个条目，都没有问题。`);
  }
}
