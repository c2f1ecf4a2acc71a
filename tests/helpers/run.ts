import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
export const OUTPUT = path.join(ROOT, 'tests/.output');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together */
  output: string;
}

/** Runs an npm script (or any command) from the project root with extra environment variables. */
export function run(command: string, args: string[], env: Record<string, string> = {}): RunResult {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}
