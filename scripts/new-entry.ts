// npm run new [-- <course|case|project> [slug]] [--date 年-月-日]: scaffolds an entry for staff to fill in.
// Without arguments it asks in the terminal.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import prettier from 'prettier';
import { CONTENT_DIR, KINDS, PROJECT_ROOT, withBase, type Kind } from '../src/config/paths.ts';
import { findEntryFile, scenarioNames } from '../src/checks/validator.ts';
import {
  KIND_FORMS,
  SLUG_ADVICE,
  TEMPLATE_DIR,
  TEMPLATE_FILES,
  TEMPLATE_OPTIONS,
  isIsoDate,
  kindLabel,
  normalizeSlug,
  parseKind,
  scaffoldEntry,
  slugProblem,
} from '../src/authoring/scaffold.ts';
import { GUIDE_FILE, withFieldGuide } from '../src/authoring/field-guide.ts';
import { parseCommandLine, UsageError } from '../src/report/command-line.ts';
import { shownPath } from '../src/report/problems.ts';
import { formatDay, todayInChina } from '../src/core/dates.ts';

const USAGE = [
  '用法：',
  '  npm run new                                   一步一步提问，新建一条内容',
  '  npm run new -- course shouji-yuyue-guahao     新建课程资源 content/courses/shouji-yuyue-guahao.md',
  '  npm run new -- case   <文件名>                新建工作案例',
  '  npm run new -- project <文件名>               新建教育培训项目',
  '  可以加 --date 2021-10-20 指定推荐日期和更新日期（默认是今天）',
].join('\n');

class UserError extends Error {}

const shown = (file: string) => shownPath(file, PROJECT_ROOT);

function readArgs(): { positional: string[]; date?: string; help: boolean; templates: boolean } {
  const { values, positionals: positional } = parseCommandLine(
    {
      options: {
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        'write-templates': { type: 'boolean', default: false },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  const { date, help, 'write-templates': templates } = values;
  if (positional.length > 2) throw new UserError(`参数太多：${positional.join(' ')}。\n${USAGE}`);
  if (date !== undefined && !isIsoDate(date)) {
    throw new UserError(`日期「${date}」写得不对，请按 年-月-日 填写，例如 --date 2021-10-20`);
  }
  return { positional, date, help, templates };
}

/**
 * Regenerates what is written from the field contracts after a field or hint changes: the web-editor templates
 * (tests/content/new-entry.test.ts checks them) and the field tables of the contributor guide
 * (tests/unit/authoring/field-guide.test.ts).
 */
async function writeTemplates(): Promise<void> {
  const dir = path.join(PROJECT_ROOT, TEMPLATE_DIR);
  fs.mkdirSync(dir, { recursive: true });
  for (const kind of KINDS) {
    const file = path.join(dir, TEMPLATE_FILES[kind]);
    fs.writeFileSync(file, scaffoldEntry(kind, TEMPLATE_OPTIONS));
    console.log(`已更新 ${shown(file)}`);
  }
  const guide = path.join(PROJECT_ROOT, GUIDE_FILE);
  const text = withFieldGuide(fs.readFileSync(guide, 'utf8'));
  fs.writeFileSync(guide, await prettier.format(text, { ...(await prettier.resolveConfig(guide)), filepath: guide }));
  console.log(`已更新 ${shown(guide)}`);
}

/** Today in China, as validate reads it (src/core/dates.ts). */
const today = (): string => formatDay(todayInChina());

/** Why a slug cannot be used for this kind, or undefined. */
function slugRefusal(kind: Kind, slug: string): string | undefined {
  const problem = slugProblem(slug);
  if (problem) return `${problem}。${SLUG_ADVICE}。`;
  const existing = findEntryFile(CONTENT_DIR, kind, slug);
  if (existing) {
    return `${kindLabel(kind)}里已经有「${slug}」：${shown(existing)}。不会覆盖已有的文件，请换一个文件名；要修改它，请直接打开那个文件。`;
  }
  return undefined;
}

/** Reads answers line by line; buffered, so answers piped in all at once are not lost. */
function createAsker() {
  const tty = Boolean(process.stdin.isTTY);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question: string): Promise<string> {
      // As readline's prompt, so that editing the answer in a terminal does not erase the question
      rl.setPrompt(question);
      rl.prompt();
      const next = await lines.next();
      if (next.done) throw new UserError('\n没有收到回答，已取消，没有新建任何文件。');
      if (!tty) process.stdout.write(`${next.value}\n`);
      return next.value;
    },
    close: () => rl.close(),
  };
}

type Asker = ReturnType<typeof createAsker>;

async function askKind(asker: Asker): Promise<Kind> {
  console.log('要新建哪一类内容？');
  KINDS.forEach((kind, i) => console.log(`  ${i + 1}  ${kindLabel(kind)}（${KIND_FORMS[kind]}）`));
  for (;;) {
    const kind = parseKind(await asker.ask('请输入 1、2 或 3，然后按回车：'));
    if (kind) return kind;
    console.log('没有这一项。请只输入一个数字：1 是课程资源，2 是工作案例，3 是教育培训项目。');
  }
}

async function askSlug(asker: Asker, kind: Kind): Promise<string> {
  console.log('');
  console.log(`给这条${kindLabel(kind)}起一个文件名，它也是网址的一部分：${withBase(`/${kind}/文件名/`)}`);
  console.log('只能用小写英文字母、数字和短横线。建议用名称的拼音，例如「手机预约挂号」写成 shouji-yuyue-guahao。');
  for (;;) {
    const slug = normalizeSlug(await asker.ask('请输入文件名，然后按回车：'));
    const refusal = slugRefusal(kind, slug);
    if (!refusal) return slug;
    console.log(refusal);
  }
}

async function main(): Promise<void> {
  const { positional, date, help, templates } = readArgs();
  if (help) {
    console.log(USAGE);
    return;
  }
  if (templates) {
    await writeTemplates();
    return;
  }
  let kind: Kind | undefined;
  let slug: string | undefined;
  if (positional[0] !== undefined) {
    kind = parseKind(positional[0]);
    if (!kind)
      throw new UserError(
        `不认识的类别「${positional[0]}」，只能是 course（课程资源）、case（工作案例）或 project（教育培训项目）。\n${USAGE}`,
      );
  }
  if (positional[1] !== undefined) {
    slug = normalizeSlug(positional[1]);
    const refusal = slugRefusal(kind!, slug);
    if (refusal) throw new UserError(refusal);
  }
  if (!kind || !slug) {
    const asker = createAsker();
    try {
      kind ??= await askKind(asker);
      slug ??= await askSlug(asker, kind);
    } finally {
      asker.close();
    }
  }

  const file = path.join(CONTENT_DIR, kind, `${slug}.md`);
  const text = scaffoldEntry(kind, {
    slug,
    date: date ?? today(),
    addedOn: today(),
    scenarioNames: scenarioNames(CONTENT_DIR),
  });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(slugRefusal(kind, slug)!);
    throw error;
  }

  const env = path.relative(PROJECT_ROOT, CONTENT_DIR) === 'content' ? '' : `CONTENT_DIR=${shown(CONTENT_DIR)} `;
  console.log('');
  console.log(`已新建${kindLabel(kind)}：${shown(file)}`);
  console.log('');
  console.log('接下来：');
  console.log('  1. 用文本编辑器打开这个文件，按每个字段上面 # 开头的说明填写：');
  console.log("     把 ''、[]、「填写…」换成真实内容，正文里的 <!-- … --> 提示连同记号一起换成正文。");
  console.log(`  2. 运行 ${env}npm run validate 检查。还没填好的地方会逐条列出，照着改，直到显示“内容检查通过”。`);
  console.log(`  3. 运行 ${env}npm start，在浏览器里打开 http://localhost:4321${withBase(`/${kind}/${slug}/`)} 预览。`);
  console.log('  详细说明见 .github/CONTRIBUTING.md。');
}

main().catch((error: unknown) => {
  if (error instanceof UserError || error instanceof UsageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
