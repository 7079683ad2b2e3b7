import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { COMMAND_NAMES, commandsToDeclare } from './cli-argv.js';
import { type HotLine, hotLine, isHelpLine, isVersionLine } from './hot-argv.js';
import { makeFolders } from './io/make-folders.js';
import { statePaths } from './store/paths.js';

/** Content hash of every bundle in dist/, set by the build: a code cache never outlives its bundle. */
declare const __BUILD_ID__: string;
declare const __VERSION__: string;

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;

/**
 * Runs the CLI bundle (`dist/main.cjs`) as Node would run a CommonJS module, but compiled through a V8
 * code cache kept in the model cache folder (Node 20 has no `module.enableCompileCache()`). The lazy
 * bundles it requires (`./lazy/*.cjs`: the lock and conf, the parser, prompts) go through their own
 * code cache too. A cache is written at exit when missing or rejected (another Node, other V8 flags);
 * `ROADMAP_CODE_CACHE=0` turns it off. Any problem with a cache only costs a normal compile.
 *
 * The daily lines src/hot-argv.ts reads (`roadmap`, `status`, `list`, `next`, `check`, `uncheck`,
 * `start`, `skip`) run the lean bundle `hot.cjs` instead, `roadmap --help` runs `main-help.cjs`, and
 * `--version` is answered here; `ROADMAP_HOT=0` sends every line to main.cjs.
 *
 * Each bundle has one cache per command (`hot.status`, `main.check`, `main.none`, `main.all` for the help
 * of commands and the rest): a cache holds the functions of the run that wrote it, so one shared cache would serve
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
  const run = <T>(file: string, variant = '') => execute(file, { exports: {} as T }, cacheFileOf(file, variant), cacheFileOf);
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

/** Runs a bundle of dist/ as Node runs a CommonJS module, compiled through its code cache; returns its exports. */
function execute<T>(
  file: string,
  module: { exports: T },
  cacheFile: string | undefined,
  cacheFileOf: (file: string) => string | undefined,
): T {
  compile(readFileSync(file, 'utf8'), file, cacheFile)(module.exports, bundleRequire(file, cacheFileOf), module, file, dirname(file));
  return module.exports;
}

/**
 * Compiles a bundle of dist/ through the V8 code cache in `cacheFile` (none: a plain compile). The build
 * writes around every bundle the wrapper Node gives a CommonJS module, on its first line so line numbers
 * stay right (esbuild's banner and footer): a bundle is compiled as read, without a concatenated copy
 * of it (up to 220 KB) in the young generation.
 */
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
 * A bundle's `require`. Built-ins come from `process.getBuiltinModule`: a `require` of Node's would have
 * to be made with `node:module`, whose loading brings Node's ESM loader and source maps on every
 * start. A lazy bundle (`./lazy/<name>.cjs`) is loaded here as Node would load it (one module object,
 * kept in Node's module cache), compiled through its own code cache, and without Node's resolution of a
 * path known in advance (a stat and a realpath of each folder up to the root, the package scope, for
 * each bundle). Anything else goes through a `require` of Node's, made on first use.
 */
function bundleRequire(bundle: string, cacheFileOf: (file: string) => string | undefined): NodeJS.Require {
  let nodeRequire: NodeJS.Require | undefined;
  const node = () => {
    nodeRequire ??= process.getBuiltinModule('node:module').createRequire(bundle);
    return nodeRequire;
  };
  const load = (id: string): unknown => {
    const builtin = process.getBuiltinModule(id);
    if (builtin) return builtin;
    if (!id.startsWith('./lazy/')) return node()(id);
    const file = join(dirname(bundle), id);
    // boot.cjs itself is loaded by Node's loader: its `require.cache` is Node's module cache, and its
    // `module` is one of Node's, whose class makes the lazy bundle's.
    const loaded = require.cache[file];
    if (loaded) return loaded.exports;
    const lazy = new (module.constructor as new (id: string) => NodeJS.Module)(file);
    lazy.filename = file;
    require.cache[file] = lazy;
    try {
      execute(file, lazy, cacheFileOf(file), cacheFileOf);
    } catch (error) {
      delete require.cache[file];
      throw error;
    }
    lazy.loaded = true;
    return lazy.exports;
  };
  // Only a call: no bundle reads require.resolve, .cache, .main or .extensions (scripts/build.mjs checks it).
  return load as NodeJS.Require;
}

// A minimal copy of src/io/atomic-write.ts (no fsync: a torn cache is rejected by V8 and rebuilt): boot
// must stay standalone, loaded before any bundle, so it imports nothing of the CLI's.
function saveCodeCache(script: Script, file: string): void {
  try {
    makeFolders(dirname(file));
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
