// The security headers that only HTTP can send: public/_headers for the hosts that read it, and README's nginx
// example (the model for every other host, CDN consoles included) must name the same headers with the same values.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT } from '../helpers/run.ts';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** `Name: value` lines of the `/*` block of a _headers file. */
function headersFile(text: string): Map<string, string> {
  const lines = text.split('\n').filter((line) => /^\s+[\w-]+: /.test(line));
  return new Map(
    lines.map(
      (line) =>
        line
          .trim()
          .split(/: (.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

/** `add_header Name "value" always;` lines of README's nginx example. */
function nginxExample(readme: string): Map<string, string> {
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return new Map([...block.matchAll(/^add_header ([\w-]+) "(.*)" always;$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('security headers', () => {
  const headers = headersFile(read('public/_headers'));

  it('are published with the site for the hosts that read _headers', () => {
    expect(fs.readFileSync(path.join(DIST, '_headers'), 'utf8')).toBe(read('public/_headers'));
    expect([...headers.keys()].sort()).toEqual([
      'Content-Security-Policy',
      'Permissions-Policy',
      'Referrer-Policy',
      'X-Content-Type-Options',
    ]);
  });

  it('are the ones README tells every other host to set', () => {
    expect(nginxExample(read('README.md'))).toEqual(headers);
  });
});
