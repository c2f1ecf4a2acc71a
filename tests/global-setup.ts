import fs from 'node:fs';
import { DIST, OUTPUT, run } from './helpers/run.ts';

/** Builds the bundled site once; every build-output and browser test reads this dist/. */
export default function setup(): void {
  fs.mkdirSync(OUTPUT, { recursive: true });
  if (process.env.SKIP_BUILD === '1' && fs.existsSync(DIST)) return;
  const result = run('npm', ['run', 'build']);
  if (result.status !== 0) {
    throw new Error(`npm run build failed:\n${result.output}`);
  }
}
