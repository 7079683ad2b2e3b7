import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { statePaths } from './store/paths.js';

/** Content hash of dist/main.cjs, set by the build: a code cache never outlives its bundle. */
declare const __BUILD_ID__: string;

// The same wrapper Node gives a CommonJS module, kept on the first line so line numbers stay right.
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

/**
 * Runs the CLI bundle (`dist/main.cjs`) as Node would run a CommonJS module, but compiled through a V8
 * code cache kept in the model cache folder (Node 20 has no `module.enableCompileCache()`). The cache is
 * written at exit when missing or rejected (another Node, other V8 flags); `ROADMAP_CODE_CACHE=0` turns
 * it off. Any problem with the cache only costs a normal compile.
 */
export function boot(mainFile: string): void {
  const env = process.env;
  const source = readFileSync(mainFile, 'utf8');
  const cacheFile =
    env.ROADMAP_CODE_CACHE === '0'
      ? undefined
      : join(statePaths(env).cacheDir, `code-${__BUILD_ID__}-${process.version}-${process.arch}.v8`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // First run with this bundle and this Node: made at exit.
    }
  }
  const script = new Script(HEAD + source + TAIL, { filename: mainFile, cachedData });
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the functions this run compiled are in the cache too, not only the top level.
    process.once('exit', () => saveCodeCache(script, cacheFile));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(mainFile), module, mainFile, dirname(mainFile));
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
