import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { COMMAND_NAMES, commandsToDeclare } from './cli-argv.js';
import { statePaths } from './store/paths.js';

/** Content hash of every bundle in dist/, set by the build: a code cache never outlives its bundle. */
declare const __BUILD_ID__: string;

// The same wrapper Node gives a CommonJS module, kept on the first line so line numbers stay right.
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;

/**
 * Runs the CLI bundle (`dist/main.cjs`) as Node would run a CommonJS module, but compiled through a V8
 * code cache kept in the model cache folder (Node 20 has no `module.enableCompileCache()`). The lazy
 * bundles it requires (`./lazy/*.cjs`: conf, the lock, the parser, prompts) go through their own code
 * cache too. A cache is written at exit when missing or rejected (another Node, other V8 flags);
 * `ROADMAP_CODE_CACHE=0` turns it off. Any problem with a cache only costs a normal compile.
 *
 * main.cjs has one cache per command (`main.status`, `main.none` for `roadmap`/`--version`, `main.all`
 * for help and the rest): a cache holds the functions of the run that wrote it, so one shared cache
 * would serve every command the functions of whichever command ran first after an install.
 */
export function boot(mainFile: string): void {
  const env = process.env;
  const cacheDir = env.ROADMAP_CODE_CACHE === '0' ? undefined : statePaths(env).cacheDir;
  const cacheFileOf = (file: string, variant = '') =>
    cacheDir && join(cacheDir, `code-${__BUILD_ID__}-${basename(file, '.cjs')}${variant}-${process.version}-${process.arch}.v8`);
  const plan = commandsToDeclare(process.argv.slice(2), COMMAND_NAMES);
  const module = { exports: {} };
  const main = compile(readFileSync(mainFile, 'utf8'), mainFile, cacheFileOf(mainFile, `.${plan.kind === 'one' ? plan.name : plan.kind}`));
  main(module.exports, lazyAwareRequire(mainFile, cacheFileOf), module, mainFile, dirname(mainFile));
}

/** Compiles a CommonJS module's source through the V8 code cache in `cacheFile` (none: a plain compile). */
function compile(source: string, filename: string, cacheFile: string | undefined): ModuleFunction {
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // First run with this bundle and this Node: made at exit.
    }
  }
  const script = new Script(HEAD + source + TAIL, { filename, cachedData });
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
      compile(content, filename, cacheFileOf(filename))(this.exports, createRequire(filename), this, filename, dirname(filename));
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
  } catch {
    // A read-only cache folder: compile normally next time.
  }
}
