import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../src/report/command-line.ts';

const USAGE = '用法：npm run new -- course 文件名 [--date 年-月-日]';
const config = (args: string[]) =>
  ({
    args,
    options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  }) as const;

const refusal = (args: string[], allowPositionals = true) => {
  try {
    parseCommandLine({ ...config(args), allowPositionals }, USAGE);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
};

describe('parseCommandLine (node:util parseArgs, in Chinese)', () => {
  it('reads options in both spellings, short flags and positionals', () => {
    expect(parseCommandLine(config(['course', 'x', '--date', '2021-10-20', '-h']), USAGE)).toMatchObject({
      values: { date: '2021-10-20', help: true },
      positionals: ['course', 'x'],
    });
    expect(parseCommandLine(config(['--date=2021-10-20']), USAGE).values.date).toBe('2021-10-20');
  });

  it('says in Chinese what is wrong, then how the command is used', () => {
    expect(refusal(['--dat', '2021-10-20'])).toBe(`不认识的参数：--dat\n${USAGE}`);
    expect(refusal(['--date'])).toBe(`--date 后面要写一个值\n${USAGE}`);
    expect(refusal(['--help=yes'])).toBe(`--help 后面不用写值\n${USAGE}`);
    expect(refusal(['course'], false)).toBe(`不认识的参数：course\n${USAGE}`);
  });
});
