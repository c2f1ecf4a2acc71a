/**
 * The schemas sit just above src/core (the 字 counter and the path rules) and import nothing from the
 * layers above them, so that validation, the scaffolder and the tests load them in plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/run.ts';

function importsOf(dir: string): { file: string; from: string }[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => {
      const text = fs.readFileSync(path.join(ROOT, dir, name), 'utf8');
      return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => ({
        file: `${dir}/${name}`,
        from: m[1]!,
      }));
    });
}

describe('layers', () => {
  it('src/core imports nothing: no package, no other folder of src', () => {
    const imports = importsOf('src/core');
    expect(imports.filter(({ from }) => !/^\.\/[\w-]+\.ts$/.test(from))).toEqual([]);
  });

  it('src/schemas imports only Zod, other schemas and src/core', () => {
    const imports = importsOf('src/schemas');
    expect(imports.length).toBeGreaterThan(10);
    expect(imports.filter(({ from }) => !/^(astro\/zod|\.\/[\w-]+\.ts|\.\.\/core\/[\w-]+\.ts)$/.test(from))).toEqual(
      [],
    );
  });
});
