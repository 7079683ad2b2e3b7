import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { COMMAND_NAMES, commandsToDeclare } from './cli-argv.js';
import { type HotLine, hotLine, isHelpLine, isVersionLine } from './hot-argv.js';
import { statePaths } from './store/paths.js';

/** Content hash of every bundle in dist/, set by the build: a code cache never outlives its bundle. */
declare const __BUILD_ID__: string;
declare const __VERSION__: string;

/**
 * The same wrapper Node gives a CommonJS module, kept on the first line so line numbers stay right.
 * The build writes it around main.cjs, hot.cjs and main-help.cjs (esbuild's banner and footer): their
 * source is compiled as read, without a concatenated copy of it (120-220 KB) in the young generation.
 */
declare const __WRAPPER__: { head: string; tail: string };

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;

/**
 * Runs the CLI bundle (`dist/main.cjs`) as Node would run a CommonJS module, but compiled through a V8
 * code cache kept in the model cache folder (Node 20 has no `module.enableCompileCache()`). The lazy
 * bundles it requires (`./lazy/*.cjs`: conf, the lock, the parser, prompts) go through their own code
 * cache too. A cache is written at exit when missing or rejected (another Node, other V8 flags);
 * `ROADMAP_CODE_CACHE=0` turns it off. Any problem with a cache only costs a normal compile.
 *
 * The daily lines src/hot-argv.ts reads (`roadmap`, `status`, `list`, `next`, `check`, `uncheck`,
 * `start`, `skip`) run the lean bundle `hot.cjs` instead, and `--version` is answered here;
 * `ROADMAP_HOT=0` sends every line to main.cjs.
 *
 * Each bundle has one cache per command (`hot.status`, `main.check`, `main.none`, `main.all` for help and
 * the rest): a cache holds the functions of the run that wrote it, so one shared cache would serve
 * every command the functions of whichever command ran first after an install.
 */
export function boot(mainFile: string): void {
  const argv = process.argv.slice(2);
  const env = process.env;
  const hot = env.ROADMAP_HOT === '0' ? undefined : argv;
  if (hot && isVersionLine(hot)) {
    // What commander prints for `--version`, without loading it.
    try {
      writeSync(1, `${__VERSION__}\n`);
    } catch {
      // stdout closed or its reader gone: nothing to say it on.
    }
    return;
  }
  const cacheDir = env.ROADMAP_CODE_CACHE === '0' ? undefined : statePaths(env).cacheDir;
  const cacheFileOf = (file: string, variant = '') =>
    cacheDir && join(cacheDir, `code-${__BUILD_ID__}-${basename(file, '.cjs')}${variant}-${process.version}-${process.arch}.v8`);
  /** Runs a bundle of dist/ through its code cache and returns its exports. */
  const run = <T>(file: string, variant = '') => {
    const module = { exports: {} as T };
    compile(readFileSync(file, 'utf8'), file, cacheFileOf(file, variant))(
      module.exports,
      lazyAwareRequire(file, cacheFileOf),
      module,
      file,
      dirname(file),
    );
    return module.exports;
  };
  const line = hot && hotLine(hot);
  if (line) {
    // The daily commands: the lean bundle, without commander (see src/hot-argv.ts).
    run<{ startHot(line: HotLine): void }>(join(dirname(mainFile), 'hot.cjs'), `.${line.command}`).startHot(line);
  } else if (hot && isHelpLine(hot)) {
    // The main help, from the pages read off the program at build time.
    run<{ showMainHelp(argv: readonly string[]): void }>(join(dirname(mainFile), 'main-help.cjs')).showMainHelp(hot);
  } else {
    const plan = commandsToDeclare(argv, COMMAND_NAMES);
    run(mainFile, `.${plan.kind === 'one' ? plan.name : plan.kind}`);
  }
}

/** Compiles a CommonJS module's source, wrapped as a function expression, through the V8 code cache in `cacheFile` (none: a plain compile). */
function compile(source: string, filename: string, cacheFile: string | undefined): ModuleFunction {
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // First run with this bundle and this Node: made at exit.
    }
  }
  const script = new Script(source, { filename, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the functions this run compiled are in the cache too, not only the top level.
    process.once('exit', () => saveCodeCache(script, cacheFile));
  }
  return script.runInThisContext() as ModuleFunction;
}

/**
 * main.cjs's `require`: Node's, except that a lazy bundle (`./lazy/<name>.cjs`) is compiled through its
 * own code cache. It still goes through Node's loader (resolution, module cache, `Module._load` hooks):
 * only the compile step of that one file is replaced.
 */
function lazyAwareRequire(mainFile: string, cacheFileOf: (file: string) => string | undefined): NodeJS.Require {
  const nodeRequire = createRequire(mainFile);
  const lazy = (id: string): unknown => {
    if (!id.startsWith('./lazy/')) return nodeRequire(id);
    const file = nodeRequire.resolve(id);
    const proto = (Module as unknown as { prototype: { _compile(content: string, filename: string): unknown } }).prototype;
    const original = proto._compile;
    proto._compile = function (this: { exports: unknown }, content: string, filename: string) {
      proto._compile = original;
      if (filename !== file) return original.call(this, content, filename);
      compile(__WRAPPER__.head + content + __WRAPPER__.tail, filename, cacheFileOf(filename))(
        this.exports,
        createRequire(filename),
        this,
        filename,
        dirname(filename),
      );
      return undefined;
    };
    try {
      return nodeRequire(id);
    } finally {
      proto._compile = original;
    }
  };
  return Object.assign(lazy, nodeRequire) as NodeJS.Require;
}

function saveCodeCache(script: Script, file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, file);
    removeOtherBuilds(dirname(file));
  } catch {
    // A read-only cache folder: compile normally next time.
  }
}

/**
 * Code caches of older builds are not used again (each build has its own id): when this build writes
 * its own, only the two most recent other builds keep theirs (another install sharing the folder, a
 * version just left), so upgrades do not pile them up.
 */
function removeOtherBuilds(dir: string): void {
  const builds = new Map<string, { newest: number; files: string[] }>();
  for (const name of readdirSync(dir)) {
    const id = /^code-([0-9a-f]+)-.*\.v8$/.exec(name)?.[1];
    if (!id || id === __BUILD_ID__) continue;
    const build = builds.get(id) ?? { newest: 0, files: [] };
    build.newest = Math.max(build.newest, statSync(join(dir, name)).mtimeMs);
    build.files.push(name);
    builds.set(id, build);
  }
  const older = [...builds.values()].sort((a, b) => b.newest - a.newest).slice(2);
  for (const build of older) for (const name of build.files) rmSync(join(dir, name), { force: true });
}
