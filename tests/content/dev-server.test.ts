// What README promises about `npm run dev`: entry media are served where the build publishes them, and the search
// page says that search needs a build (the dev server has no Pagefind index).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';
import { validateContent } from '../../src/checks/validator.ts';
import { mediaCopies } from '../../src/export/media.ts';
import { t } from '../../src/i18n/zh-CN.ts';

const HOST = '127.0.0.1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function devEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|VITE_|TEST$|NODE_ENV$)/.test(name)),
  );
}

let dev: ChildProcess;
let origin: string;
let log = '';

beforeAll(async () => {
  const port = await freePort();
  origin = `http://${HOST}:${port}`;
  dev = spawn('npm', ['run', '--silent', 'dev', '--', '--host', HOST, '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    // As a person starts it: without Vitest's variables, which make Vite behave as under test (NODE_ENV, VITEST…)
    env: { ...devEnv(), FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  dev.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`npm run dev did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

afterAll(() => {
  try {
    process.kill(-dev.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
});

describe('npm run dev', () => {
  it('serves every local video, captions file and PDF of the entries where the build publishes them', async () => {
    const copies = mediaCopies(validateContent().catalogue);
    const extensions = new Set(copies.map(({ to }) => to.slice(to.lastIndexOf('.'))));
    expect([...extensions].sort()).toEqual(['.mp4', '.pdf', '.vtt']);
    for (const { to } of copies) {
      const response = await fetch(`${origin}${to}`);
      expect(response.status, `${to}\n${log}`).toBe(200);
      expect(response.headers.get('content-type'), to).toMatch(/^(video\/mp4|text\/vtt|application\/pdf)/);
    }
  });

  it('says on the search page that search needs a build, since there is no index', async () => {
    const page = await (await fetch(`${origin}/search/`)).text();
    expect(page).toContain(t('search.devNotice'));
    expect((await fetch(`${origin}/pagefind/pagefind.js`)).status).toBe(404);
  });
});
