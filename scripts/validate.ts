// npm run validate: checks the whole content tree without building, and reports every problem in Chinese.
import { CONTENT_DIR } from '../src/lib/paths.ts';
import { validateContent } from '../src/lib/content-tree.ts';
import { formatReport } from '../src/lib/problems.ts';

const { problems, catalogue } = validateContent(CONTENT_DIR);
if (problems.length > 0) {
  console.error(formatReport(problems));
  process.exit(1);
}
const count = (kind: string) => catalogue.entries.filter((e) => e.kind === kind).length;
console.log(
  `内容检查通过：课程资源 ${count('courses')} 门、工作案例 ${count('cases')} 个、教育培训项目 ${count('projects')} 个，` +
    `申报单位 ${catalogue.units.size} 个。`,
);
