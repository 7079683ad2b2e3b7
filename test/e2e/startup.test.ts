import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/context.js';

// A preload that records every module the CLI requires: what goes through Node's loader, the built-ins
// the bundles take from process.getBuiltinModule (boot.ts gives them no other way), both as `node:<name>`,
// and the lazy bundles, which boot.ts loads itself into Node's module cache.
const TRACER = `
const Module = require('node:module');
const fs = require('node:fs');
const loaded = [];
const record = (id) => { if (!loaded.includes(id)) loaded.push(id); };
const emit = process.emit;
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (Module.isBuiltin(request)) record('node:' + request.replace(/^node:/, ''));
  else try { record(Module._resolveFilename(request, parent, isMain)); } catch { record(request); }
  return load.apply(this, arguments);
};
const getBuiltinModule = process.getBuiltinModule;
process.getBuiltinModule = function (id) {
  const builtin = getBuiltinModule.call(this, id);
  if (builtin) record('node:' + id.replace(/^node:/, ''));
  return builtin;
};
process.on('exit', () => {
  for (const file of Object.keys(Module._cache)) record(file);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((name) => name + '=' + process.listenerCount(name));
  const hooks = '#signals ' + signals.join(' ') + ' emit=' + (process.emit === emit ? 'node' : 'patched');
  fs.writeFileSync(process.env.ROADMAP_TEST_TRACE, [hooks, ...loaded].join('\\n'));
});
`;

const HEAVY = /lazy[/\\]|remark|micromark|conf|ajv|inquirer|proper-lockfile/;

/** Runs the installed binary and returns what it printed and the modules it required. */
function traced(args: string[], env: Record<string, string>) {
  const dir = env.HOME as string;
  const tracer = join(dir, 'tracer.cjs');
  const trace = join(dir, 'trace.txt');
  writeFileSync(tracer, TRACER);
  writeFileSync(trace, '');
  const result = runRoadmap(args, { ...env, NODE_OPTIONS: `--require ${tracer}`, ROADMAP_TEST_TRACE: trace });
  const [hooks, ...modules] = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  return { ...result, hooks, modules, lazy: modules.filter((m) => HEAVY.test(m)) };
}

const cacheDirOf = (env: Record<string, string>) => join(env.XDG_CACHE_HOME as string, 'roadmap');
/** Model entries (`<hash>.json`), not the outlines, sources and seen records beside them. */
const modelEntries = (env: Record<string, string>) => readdirSync(cacheDirOf(env)).filter((name) => /^[0-9a-f]+(-\d+)?\.json$/.test(name));
const outlineOf = (env: Record<string, string>, entry: string) => join(cacheDirOf(env), entry.replace(/\.json$/, '.outline.json'));

describe('start-up: only what a command needs is loaded', () => {
  it.each([['--help'], ['--version'], ['help', 'status'], ['status', '--help']])(
    '`roadmap %s` loads none of the heavy modules',
    (...args) => {
      const { env } = scratchHome();
      const run = traced(args, env);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toBe('');
      expect(run.modules.some((m) => m.endsWith('boot.cjs'))).toBe(true); // the tracer was active
      expect(run.lazy).toEqual([]);
    },
  );

  it('`roadmap status` on the bundled roadmap uses the pre-parsed model: no parser, no cache entry', () => {
    const { env } = scratchHome();
    const run = traced(['status'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0/52');
    expect(run.lazy).toEqual([]);
    expect(modelEntries(env)).toEqual([]);
  });
});

describe('start-up: built-ins, wherever they are loaded from', () => {
  /** Built-ins the daily commands never need when their output is not a terminal (see the stand-ins in scripts/build-interventions.mjs). */
  const UNNEEDED = ['node:tty', 'node:net', 'node:child_process', 'node:assert', 'node:crypto', 'node:stream', 'node:os', 'node:util'];

  it('the tracer sees a built-in taken through process.getBuiltinModule, as the bundles take them', () => {
    const { dir } = scratchHome();
    const tracer = join(dir, 'tracer.cjs');
    const trace = join(dir, 'trace.txt');
    writeFileSync(tracer, TRACER);
    const run = spawnSync(process.execPath, ['--require', tracer, '-e', "process.getBuiltinModule('node:tty')"], {
      env: { ...process.env, ROADMAP_TEST_TRACE: trace },
    });
    expect(run.status).toBe(0);
    expect(readFileSync(trace, 'utf8').split('\n')).toContain('node:tty');
  });

  it.each([['status'], ['list'], ['next'], ['--json']])('`roadmap %s` takes only the built-ins it uses', (...args) => {
    const { env } = scratchHome();
    const run = traced(args, env);
    expect(run.code).toBe(0);
    const builtins = run.modules.filter((m) => m.startsWith('node:'));
    // The bundles take node:fs through process.getBuiltinModule (boot.ts): the tracer sees that way too.
    expect(builtins).toContain('node:fs');
    expect(builtins.filter((m) => UNNEEDED.includes(m))).toEqual([]);
  });

  it('`roadmap check` loads no node:assert, node:child_process or terminal module for a write', () => {
    const { env } = scratchHome();
    expect(runRoadmap(['check', '1'], env).code).toBe(0);
    const run = traced(['check', '2'], env);
    expect(run.code).toBe(0);
    const builtins = run.modules.filter((m) => m.startsWith('node:'));
    expect(builtins).toContain('node:fs');
    // conf's node:crypto is loaded on first use only (encryption), and the document is known by now.
    expect(builtins.filter((m) => ['node:assert', 'node:child_process', 'node:crypto', 'node:tty', 'node:net'].includes(m))).toEqual([]);
  });
});

describe('start-up: a write leaves Node’s signal handling alone', () => {
  it('`roadmap check` takes the lock and writes without a signal listener or a patched process.emit', () => {
    const { env } = scratchHome();
    const run = traced(['check', '1'], env);
    expect(run.code).toBe(0);
    expect(run.lazy.some((m) => /lazy[/\\]store-write\.cjs$/.test(m))).toBe(true);
    // signal-exit (proper-lockfile) and when-exit (atomically) have stand-ins that clean up at exit only.
    expect(run.hooks).toBe('#signals SIGINT=0 SIGTERM=0 SIGHUP=0 emit=node');
  });
});

describe('start-up: model cache', () => {
  it('parses a new document on the first run only; a corrupt entry is rebuilt', () => {
    const { dir, env } = scratchHome();
    const doc = join(dir, 'ciu.md');
    copyFileSync(join(FIXTURES, 'coding-interview-university.md'), doc);

    const first = traced(['--file', doc, 'status'], env);
    expect(first.code).toBe(0);
    expect(first.lazy.some((m) => /lazy[/\\]parse\.cjs$/.test(m))).toBe(true);
    const entries = modelEntries(env);
    expect(entries).toHaveLength(1);

    const second = traced(['--file', doc, 'status'], env);
    expect(second.stdout).toBe(first.stdout);
    expect(second.lazy).toEqual([]);

    // status reads the outline: a damaged one is made again from the model entry, without parsing.
    const outline = outlineOf(env, entries[0] as string);
    writeFileSync(outline, '{"format":1,"parser":');
    const rebuilt = traced(['--file', doc, 'status'], env);
    expect(rebuilt.stdout).toBe(first.stdout);
    expect(rebuilt.lazy).toEqual([]);
    expect(JSON.parse(readFileSync(outline, 'utf8')).format).toBe(1);

    const entry = join(cacheDirOf(env), entries[0] as string);
    writeFileSync(entry, '{"format":2,"parser":');
    const third = traced(['--file', doc, 'list'], env);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('463');
    expect(third.lazy.some((m) => /lazy[/\\]parse\.cjs$/.test(m))).toBe(true);
    expect(JSON.parse(readFileSync(entry, 'utf8')).format).toBe(2);
    expect(traced(['--file', doc, 'status'], env).stdout).toBe(first.stdout);

    writeFileSync(doc, `${readFileSync(doc, 'utf8')}\n- [ ] One more item\n`);
    const changed = traced(['--file', doc, 'status'], env);
    expect(changed.stdout).toContain('/464');
    expect(changed.lazy.some((m) => /lazy[/\\]parse\.cjs$/.test(m))).toBe(true);
    expect(modelEntries(env)).toHaveLength(2);
  });

  it('concurrent first runs all succeed and leave one whole entry', async () => {
    const { dir, env } = scratchHome();
    const doc = join(dir, 'ciu.md');
    copyFileSync(join(FIXTURES, 'coding-interview-university.md'), doc);
    const once = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(inject('roadmapBin'), ['--file', doc, 'list', '--json'], {
          env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const runs = await Promise.all(Array.from({ length: 6 }, once));
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).items).toHaveLength(463);
      expect(run.stdout).toBe(runs[0]?.stdout);
    }
    expect(readdirSync(cacheDirOf(env)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(modelEntries(env)).toHaveLength(1);
    const after = traced(['--file', doc, 'list', '--json'], env);
    expect(after.stdout).toBe(runs[0]?.stdout);
    expect(after.lazy).toEqual([]);
  });
});

describe('start-up: V8 code cache', () => {
  it('is written on the first run, used after, and a corrupt one is replaced', () => {
    const { env } = scratchHome();
    const first = runRoadmap(['status'], env);
    const codeCache = readdirSync(cacheDirOf(env)).filter((name) => name.endsWith('.v8'));
    expect(codeCache).toEqual([expect.stringMatching(/^code-[0-9a-f]{16}-hot\.status-/)]);
    const file = join(cacheDirOf(env), codeCache[0] as string);
    const made = readFileSync(file);
    expect(made.length).toBeGreaterThan(10_000);

    expect(runRoadmap(['status'], env).stdout).toBe(first.stdout);
    expect(readFileSync(file)).toEqual(made); // accepted: not rewritten

    writeFileSync(file, 'not a code cache');
    const again = runRoadmap(['status'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(file).length).toBeGreaterThan(10_000);
  });

  it('lazy bundles get a code cache of their own, used on the next run, and are kept in Node’s module cache', () => {
    const { env } = scratchHome();
    const first = traced(['check', '1'], env);
    expect(first.code).toBe(0);
    expect(first.lazy.some((m) => /lazy[/\\]store-write\.cjs$/.test(m))).toBe(true);
    const caches = () =>
      readdirSync(cacheDirOf(env))
        .filter((name) => name.endsWith('.v8'))
        .sort();
    const made = caches();
    // The lock and conf come in one bundle (src/store/write-deps.ts).
    expect(made.filter((name) => /^code-[0-9a-f]{16}-(store-write|conf|proper-lockfile)-/.test(name)).length).toBe(1);
    const conf = join(cacheDirOf(env), made.find((name) => name.includes('-store-write-')) as string);
    const bytes = readFileSync(conf);

    const second = traced(['check', '2'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^✔ 2 /);
    expect(readFileSync(conf)).toEqual(bytes); // accepted: not rewritten
    expect(caches()).toEqual(made);
  });

  it('one cache per command, so each holds the functions its command runs', () => {
    const { env } = scratchHome();
    for (const argv of [
      ['--version'],
      ['status'],
      ['list'],
      ['--json'],
      ['show'],
      ['--help'],
      ['help', 'list'],
      ['log'],
      ['status', '--bogus'],
    ]) {
      runRoadmap(argv, env);
    }
    const variants = readdirSync(cacheDirOf(env))
      .map((name) => /^code-[0-9a-f]{16}-((?:main|hot)\.[a-z]+|main-help)-/.exec(name)?.[1])
      .filter(Boolean)
      .sort();
    // `--version` compiles nothing; `show` is `list` and `--json` is `status` in the lean bundle; `--help`
    // has a bundle of its own and `help list` needs the whole program.
    expect(variants).toEqual(['hot.list', 'hot.status', 'main-help', 'main.all', 'main.log', 'main.status']);
  });

  it('keeps the caches of the two most recent other builds only, when it writes its own', () => {
    const { env } = scratchHome();
    mkdirSync(cacheDirOf(env), { recursive: true });
    const old = (id: string, minutesAgo: number) => {
      const file = join(cacheDirOf(env), `code-${id}-main.status-v20.20.2-x64.v8`);
      writeFileSync(file, 'an old build');
      const when = new Date(Date.now() - minutesAgo * 60_000);
      utimesSync(file, when, when);
      return file;
    };
    const files = [old('aaaaaaaaaaaaaaaa', 1), old('bbbbbbbbbbbbbbbb', 2), old('cccccccccccccccc', 3), old('dddddddddddddddd', 4)];
    expect(runRoadmap(['status'], env).code).toBe(0);
    expect(files.map((file) => existsSync(file))).toEqual([true, true, false, false]);
    expect(readdirSync(cacheDirOf(env)).some((name) => /^code-[0-9a-f]{16}-hot\.status-/.test(name) && !/^code-(a|b)+-/.test(name))).toBe(
      true,
    );
  });

  it('ROADMAP_CODE_CACHE=0 turns it off', () => {
    const { env } = scratchHome();
    expect(runRoadmap(['--version'], { ...env, ROADMAP_CODE_CACHE: '0' }).code).toBe(0);
    expect(() => readdirSync(cacheDirOf(env))).toThrow();
  });
});
