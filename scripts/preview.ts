// npm run preview (and the end of npm start): serves dist/ on the first free port from 4321 and says, in Chinese,
// the address it really serves on. (Astro moves to the next port by itself, but says so only in English.)
import { spawn } from 'node:child_process';
import net from 'node:net';
import { BASE_PATH } from '../src/config/paths.ts';

const HOST = '127.0.0.1';
const FIRST_PORT = 4321;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

let port = FIRST_PORT;
while (!(await isFree(port))) port++;
const address = `http://localhost:${port}${BASE_PATH}`;
console.log(
  port === FIRST_PORT
    ? `\n本机预览地址：${address}（在浏览器里打开；按 Ctrl+C 停止）\n`
    : `\n${FIRST_PORT} 端口已被占用，本机预览改用 ${port} 端口：${address}（在浏览器里打开；按 Ctrl+C 停止）\n`,
);
const astro = spawn('astro', ['preview', '--host', HOST, '--port', String(port)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => astro.kill(signal));
astro.on('exit', (code) => process.exit(code ?? 0));
