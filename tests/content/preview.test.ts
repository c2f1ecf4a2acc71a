import { spawn } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

/** Runs `npm run preview` until it prints its address, then stops it. */
function previewAddress(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'preview'], { cwd: ROOT, detached: true });
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no address in:\n${out}`)), 60_000);
    function finish(error?: Error) {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      if (error) reject(error);
      else resolve(out);
    }
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/本机预览.*http:\/\/localhost:\d+\//.test(out)) finish();
    });
  });
}

describe('npm run preview', () => {
  it('says in Chinese which address it really serves on when 4321 is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(4321, '127.0.0.1', resolve));
    try {
      const out = await previewAddress();
      expect(out).toMatch(/4321 端口已被占用，本机预览改用 (\d+) 端口：http:\/\/localhost:\1\//);
    } finally {
      blocker.close();
    }
  });
});
