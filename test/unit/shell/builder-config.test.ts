// electron-builder.yml is only exercised by a full `npm run dist`, which needs the Electron
// runtime and signing tools. This test catches what can be caught without them: a config
// electron-builder would reject, a weakened fuse, a package the app needs but the file
// patterns drop, an entry point that is never built, an icon that is not a valid PNG.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { DebugLogger } from 'builder-util';
import { build } from 'esbuild';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Configuration;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

const quietLogger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;

function filePatterns(): string[] {
  const files = config.files;
  if (!Array.isArray(files)) throw new Error('files must be a list of patterns');
  return files.map((entry) => {
    if (typeof entry !== 'string') throw new Error('files entries must be plain patterns');
    return entry;
  });
}

/** True when the files patterns leave `file` (relative to the app dir) in the package. */
function packaged(file: string): boolean {
  let included = file.startsWith('node_modules/'); // production dependencies are added by electron-builder
  for (const pattern of filePatterns()) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(structuredClone(config), quietLogger)).resolves.toBeUndefined();
  });

  it('rejects a misspelt fuse, so the schema check above has teeth', async () => {
    const broken = structuredClone(config) as Configuration & { electronFuses: Record<string, boolean> };
    broken.electronFuses.runAsNodee = false;
    await expect(validateConfiguration(broken, quietLogger)).rejects.toThrow(/electronFuses/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.loopdesk.desktop');
    expect(config.productName).toBe('Loopdesk');
    expect(config.directories?.output).toMatch(/^release\//);
    expect(config.directories?.buildResources).toBe('resources');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into an asar with the native SQLite module unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**/*.node');
    const addon = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';
    expect(packaged(addon)).toBe(true);
    expect(minimatch(addon, 'node_modules/better-sqlite3-multiple-ciphers/**/*.node')).toBe(true);
    expect(packaged('node_modules/better-sqlite3-multiple-ciphers/lib/index.js')).toBe(true);
    expect(packaged('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it('ships the built app and not its sources', () => {
    expect(filePatterns()).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(packaged('dist/node/main.cjs')).toBe(true);
    expect(packaged('dist/node/preload.cjs')).toBe(true);
    expect(packaged('dist/renderer/index.html')).toBe(true);
    expect(packaged('package.json')).toBe(true);
    for (const source of ['electron/main.ts', 'renderer/main.tsx', 'test/unit/shell/main.test.ts', '.git/config']) {
      expect(packaged(source), source).toBe(false);
    }
  });

  it('keeps every package the main-process bundles load at run time', async () => {
    const entries = ['electron/main.ts', 'electron/core/db/worker/db-worker.ts'].filter((entry) => existsSync(entry));
    const result = await build({
      entryPoints: entries,
      bundle: true,
      write: false,
      outdir: 'out',
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      metafile: true,
      logLevel: 'silent',
    });
    const packages = new Set<string>();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const { path: specifier, external } of output.imports) {
        if (!external || isBuiltin(specifier) || specifier === 'electron') continue;
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
      }
    }
    expect(packages.size).toBeGreaterThan(0);
    for (const name of packages) {
      expect(packaged(`node_modules/${name}/package.json`), name).toBe(true);
    }
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg, all with the icon', () => {
    const targets = (platform: { target?: unknown } | null | undefined): unknown => platform?.target;
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(platform?.icon).toBe('resources/icon.png');
    }
    expect(config.publish).toBeNull();
  });
});

describe('package.json and the build', () => {
  it('points "main" at the bundle scripts/build.mjs writes', () => {
    expect(packageJson.main).toBe('dist/node/main.cjs');
    const buildScript = readFileSync('scripts/build.mjs', 'utf8');
    expect(buildScript).toMatch(/main:\s*'electron\/main\.ts'/);
    expect(buildScript).toMatch(/preload:\s*'electron\/preload\.ts'/);
    expect(buildScript).toMatch(/outdir:\s*'dist\/node'/);
    expect(buildScript).toMatch(/outExtension:\s*\{\s*'\.js':\s*'\.cjs'\s*\}/);
  });

  it('rebuilds the native module for Electron before packaging', () => {
    expect(packageJson.scripts['rebuild:electron']).toBe('electron-builder install-app-deps');
    expect(packageJson.scripts.dist).toMatch(/rebuild:electron.*electron-builder --config electron-builder\.yml/);
  });
});

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly raw: Buffer;
}

function decodePng(file: string): DecodedPng {
  const data = readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  if (header === undefined) throw new Error(`${file} has no IHDR`);
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8] ?? 0,
    colorType: header[9] ?? 0,
    raw: inflateSync(Buffer.concat(idat)),
  };
}

describe('resources/icon.png', () => {
  it('is a 1024×1024 RGBA PNG', () => {
    const icon = decodePng('resources/icon.png');
    expect([icon.width, icon.height, icon.bitDepth, icon.colorType]).toEqual([1024, 1024, 8, 6]);
    expect(icon.raw.length).toBe((1024 * 4 + 1) * 1024);
  });

  it('is what resources/generate-icon.mjs draws', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-icon-'));
    try {
      const fresh = path.join(dir, 'icon.png');
      execFileSync(process.execPath, ['resources/generate-icon.mjs', fresh], { stdio: 'ignore' });
      const committed = decodePng('resources/icon.png').raw;
      const regenerated = decodePng(fresh).raw;
      expect(regenerated.length).toBe(committed.length);
      let worst = 0;
      for (let i = 0; i < committed.length; i += 1) {
        worst = Math.max(worst, Math.abs((committed[i] ?? 0) - (regenerated[i] ?? 0)));
      }
      // A last-bit difference in Math.atan2 between Node versions may move one rounding step.
      expect(worst).toBeLessThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has a transparent margin and an opaque tile', () => {
    const { raw } = decodePng('resources/icon.png');
    const alphaAt = (x: number, y: number): number => raw[y * (1024 * 4 + 1) + 1 + x * 4 + 3] ?? -1;
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(1023, 1023)).toBe(0);
    expect(alphaAt(512, 512)).toBe(255);
    expect(alphaAt(150, 512)).toBe(255);
  });
});
