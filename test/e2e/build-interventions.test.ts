import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const copies: string[] = [];

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs scripts/build.mjs on a copy of the repository whose node_modules links to the real packages,
 * except the ones `changed` names: those are real copies, changed by `edit` as a library release might.
 */
function buildWith(changed: Record<string, (dir: string) => void>, editCopy: (dir: string) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-build-'));
  copies.push(dir);
  for (const part of ['package.json', 'tsconfig.json', 'scripts', 'src', 'data'])
    cpSync(join(root, part), join(dir, part), { recursive: true });
  // Top-level packages are linked, not copied (scoped folders too), except the (unscoped) ones to change.
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (Object.hasOwn(changed, name)) cpSync(join(root, 'node_modules', name), join(modules, name), { recursive: true, dereference: true });
    else symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  for (const [name, edit] of Object.entries(changed)) edit(join(modules, name));
  editCopy(dir);
  const result = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs')], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr, dist: join(dir, 'dist') };
}

/** Replaces every occurrence of `from` with `to` in a file. */
function rename(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}: the test no longer renames anything`);
  writeFileSync(file, text.split(from).join(to));
}

const version = (name: string) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version as string;

describe('the build proves each stand-in matched', () => {
  it('fails, naming the stand-in and the version, when chalk renames #supports-color', () => {
    const run = buildWith({
      chalk: (dir) => {
        rename(join(dir, 'package.json'), '#supports-color', '#supports-colour');
        rename(join(dir, 'source', 'index.js'), '#supports-color', '#supports-colour');
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stand-in "chalk's #supports-color" matched nothing in chalk@${version('chalk')}`);
    expect(run.stderr).toContain('build interventions did not hold');
  });

  it('fails when conf imports ajv another way, and when commander moves its Help class', () => {
    const run = buildWith({
      conf: (dir) => rename(join(dir, 'dist', 'source', 'index.js'), "'ajv/dist/2020.js'", "'ajv/dist/2020'"),
      commander: (dir) => {
        renameSync(join(dir, 'lib', 'help.js'), join(dir, 'lib', 'help-class.js'));
        rename(join(dir, 'index.js'), "'./lib/help.js'", "'./lib/help-class.js'");
        rename(join(dir, 'lib', 'command.js'), "'./help.js'", "'./help-class.js'");
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`stand-in "conf's ajv/dist/2020.js" matched nothing in conf@${version('conf')}`);
    expect(run.stderr).toContain(`stand-in "commander's lib/help.js for Help" matched nothing in commander@${version('commander')}`);
  });

  it('fails when a patched package is not at the version its stand-in was checked against', () => {
    const run = buildWith({
      'fast-string-width': (dir) => rename(join(dir, 'package.json'), `"version": "${version('fast-string-width')}"`, '"version": "3.9.0"'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `stand-in "fast-string-width's default export, deferred" was checked against fast-string-width@${version('fast-string-width')}, installed is 3.9.0`,
    );
  });

  it('fails when a lazy bundle reaches a heavy package it does not exist to load', () => {
    const run = buildWith({}, (dir) => appendFileSync(join(dir, 'src', 'store', 'write-deps.ts'), "\nexport * as ajv from 'ajv';\n"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('heavy modules (ajv) reached from dist/lazy/store-write.cjs');
  });
});
