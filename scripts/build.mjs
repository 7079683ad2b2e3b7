// Bundles the CLI into dist/ and pre-parses the bundled roadmap with the same parser code.
//
// Layout (each choice measured in docs/performance.md):
// - dist/main.cjs: the whole hot path (commander, chalk, every command) as ONE CommonJS file. CommonJS
//   skips the ESM loader's per-module resolve/link cost, and one file means one read and one compile.
//   Our own modules imported with `import()` are inlined and only evaluated when first imported.
// - dist/lazy/<name>.cjs: heavy code the hot path must not even read: every `import()` of a package
//   (conf, @inquirer/prompts, ...) and the modules listed in LAZY_MODULES (the remark
//   parser). They are separate bundles, `require`d on first use.
// - dist/hot.cjs: `status`, `list`, `next` without commander or the other commands (src/hot.ts), for the
//   command lines src/hot-argv.ts reads exactly as commander does.
// - dist/main-help.cjs: `roadmap --help`, from help pages read off the program at build time.
// - dist/boot.cjs: answers `--version`, picks hot.cjs, main-help.cjs or main.cjs and runs it through a V8 code cache
//   (see src/boot.ts); bin/roadmap.cjs requires it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Our own modules that get a bundle of their own instead of being inlined in main.cjs. */
const LAZY_MODULES = { 'src/roadmap/parse.ts': 'parse', 'src/store/write-deps.ts': 'store-write' };

/** Packages that must never be in main.cjs: the build fails if one is reached from the hot path. */
const HEAVY =
  /node_modules\/(@bomb\.sh|@sindresorhus\/(slugify|transliterate)|remark-|micromark|mdast-|unified|conf\/|ajv|@inquirer|proper-lockfile|atomically)/;

/** Hash of the parser's sources: cached models made by another parser are never used. */
export function parserVersion() {
  const dir = join(root, 'src', 'roadmap');
  const hash = createHash('sha256').update(pkg.version);
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

const define = {
  __VERSION__: JSON.stringify(pkg.version),
  __PARSER_VERSION__: JSON.stringify(parserVersion()),
  // Our sources are ESM (Node 20.11+ has import.meta.dirname and filename); in a CommonJS bundle they
  // are the bundle's own (no URL to make: node:url's pathToFileURL costs ~0.3 ms the first time).
  'import.meta.dirname': '__dirname',
  'import.meta.filename': '__filename',
};

/**
 * The wrapper Node gives a CommonJS module, written around every bundle boot.ts runs (all but boot.cjs):
 * boot compiles a bundle as read, without concatenating a copy of it (see src/boot.ts).
 */
const wrapped = { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '\n})' } };

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  define,
  minify: process.env.ROADMAP_MINIFY !== '0',
  legalComments: 'none',
  logLevel: 'warning',
  // `import()` becomes `require()`: the lazy bundles are CommonJS, and code run through vm.Script has no
  // ESM loader to import with.
  supported: { 'dynamic-import': false },
  metafile: true,
};

const lazyEntries = new Map(); // output name -> absolute entry file

/** Sends `import()` of a package or of a LAZY_MODULES file to its own bundle in dist/lazy/. */
const lazyPlugin = {
  name: 'lazy-bundles',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.lazy) return undefined;
      const bare = !/^[./]/.test(args.path) && !args.path.startsWith('node:') && !builtinModules.includes(args.path);
      let entry;
      let name;
      if (bare) {
        entry = fileURLToPath(import.meta.resolve(args.path, pathToFileURL(join(root, 'package.json')).href));
        name = args.path.replace(/^@/, '').replace(/\//g, '-');
      } else {
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { lazy: true },
        });
        const rel = relative(root, resolved.path).split('\\').join('/');
        name = LAZY_MODULES[rel];
        if (!name) return undefined;
        entry = resolved.path;
      }
      lazyEntries.set(name, entry);
      return { path: `./lazy/${name}.cjs`, external: true };
    });
  },
};

/**
 * Node built-ins that a bundled package requires at load time but uses only on paths roadmap never
 * takes get a stand-in that loads the real module on first use: commander's node:child_process (for
 * executable subcommands, ~1.5 ms of every start) and conf's node:crypto (for encrypted stores, ~1.5 ms
 * of every write).
 */
const LAZY_BUILTINS = [
  { name: 'child_process', importer: /[/\\]commander[/\\]/ },
  { name: 'crypto', importer: /[/\\]conf[/\\]/ },
];

const lazyBuiltinsPlugin = {
  name: 'lazy-builtins',
  setup(pluginBuild) {
    for (const { name, importer } of LAZY_BUILTINS) {
      pluginBuild.onResolve({ filter: new RegExp(`^(node:)?${name}$`) }, (args) =>
        importer.test(args.importer) ? { path: name, namespace: 'lazy-builtin' } : undefined,
      );
    }
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      // `default` too: an ESM importer's default import of the stand-in is the module itself.
      contents: `const load = () => require('node:${args.path}');
module.exports = new Proxy({}, { get: (_, key) => (key === 'default' || key === '__esModule' ? (key === 'default' ? load() : false) : load()[key]) });`,
      loader: 'js',
    }));
  },
};

/**
 * conf and the packages it writes with import Node built-ins as `import fs from 'node:fs'`. esbuild
 * turns each such import of a CommonJS module into a copy of all its properties (`__toESM`: 13 copies
 * of node:process, node:fs, node:path and node:os, ~1 ms of every write), though they only use
 * `default`. Their import gets the built-in itself as `default` instead, and a named import of one of
 * its functions a function that calls it; a named import of anything else (a class, `promises`) has no
 * match and fails the build.
 */
const DEFAULT_BUILTINS = {
  filter: /^(node:)?(fs|path|process|os)$/,
  importer: /[/\\]node_modules[/\\](conf|atomically|stubborn-fs|when-exit|env-paths)[/\\]/,
};

const defaultBuiltinsPlugin = {
  name: 'default-builtins',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: DEFAULT_BUILTINS.filter }, (args) =>
      DEFAULT_BUILTINS.importer.test(args.importer) ? { path: args.path.replace(/^node:/, ''), namespace: 'default-builtin' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'default-builtin' }, async (args) => {
      // Its functions as named imports too, each a function that calls it (unused ones are dropped).
      const builtin = await import(`node:${args.path}`);
      const functions = Object.entries(Object.getOwnPropertyDescriptors(builtin.default))
        .filter(([key, descriptor]) => typeof descriptor.value === 'function' && /^[a-z_$][\w$]*$/.test(key))
        .map(([key]) => `export function ${key}(...args) { return builtin.${key}(...args); }`);
      return { contents: `const builtin = require('node:${args.path}');\nexport default builtin;\n${functions.join('\n')}`, loader: 'js' };
    });
  },
};

/**
 * Stand-ins for modules that a bundled package imports at load time but roadmap never uses, each
 * measured in docs/performance.md. A stand-in that is called anyway throws, so a future use cannot
 * silently misbehave.
 * - chalk's supports-color (node:os, node:tty and so node:net at load): we always give chalk a level.
 * - ajv and ajv-formats in conf (most of conf's bundle): roadmap passes conf no schema.
 * - when-exit in atomically (conf's writer): at load, it listens to some fifteen signals, to remove its
 *   temporary file on a signal (most of ~2.5 ms of every write, at exit). Its stand-in runs the same
 *   clean-up at exit only. The write is synchronous from conf's temporary file to its rename, so a signal
 *   handler could only run after it anyway; a process killed in the middle leaves a temporary file that
 *   the next write removes under the lock, and a lock that the next write removes at once (its owner is
 *   dead: src/store/lock.ts).
 * - node:util's `promisify` in stubborn-fs (atomically's fs): it wraps sixteen fs calls at load, and
 *   roadmap writes with the synchronous ones. Each wrapper is made on its first call instead.
 */
const STAND_INS = [
  { filter: /^#supports-color$/, importer: /[/\\]chalk[/\\]/, contents: 'export default { stdout: false, stderr: false };' },
  {
    filter: /^ajv\/dist\/2020\.js$/,
    importer: /[/\\]conf[/\\]/,
    contents: "export class Ajv2020 { constructor() { throw new Error('ajv is not bundled: roadmap gives conf no schema'); } }",
  },
  {
    filter: /^ajv-formats$/,
    importer: /[/\\]conf[/\\]/,
    contents: "export default { default() { throw new Error('ajv-formats is not bundled: roadmap gives conf no schema'); } };",
  },
  {
    filter: /^semver$/,
    importer: /[/\\]conf[/\\]/,
    contents:
      "module.exports = new Proxy({}, { get(_, key) { if (key === '__esModule') return false; throw new Error('semver is not bundled: roadmap gives conf no migrations'); } });",
  },
  {
    filter: /^when-exit$/,
    importer: /[/\\]atomically[/\\]/,
    contents: `export default (callback) => {
  const listener = () => callback();
  process.once('exit', listener);
  return () => process.removeListener('exit', listener);
};`,
  },
  {
    filter: /^(node:)?util$/,
    importer: /[/\\]stubborn-fs[/\\]/,
    contents: `export const promisify = (fn) => {
  let promised;
  return (...args) => (promised ??= require('node:util').promisify(fn))(...args);
};`,
  },
  // node:assert (~1.7 ms to load, with the stream modules its error colours need) for one call:
  // conf's `deepEqual` of the store read with the store plus defaults (roadmap gives no defaults, so
  // the same entries: strict equality of plain copies answers as the loose check does).
  {
    filter: /^(node:)?assert$/,
    importer: /[/\\]conf[/\\]/,
    contents: `const isDeepStrictEqual = (a, b) => require('node:util').isDeepStrictEqual(a, b);
const fail = (message) => { throw Object.assign(new Error(message), { code: 'ERR_ASSERTION' }); };
module.exports = {
  deepEqual(actual, expected) {
    const a = { ...actual }, b = { ...expected };
    // Two empty objects (roadmap's case: conf reads {} and has no defaults) without loading node:util's comparisons.
    if (Object.keys(a).length === 0 && Object.keys(b).length === 0) return;
    if (!isDeepStrictEqual(a, b)) fail('Expected values to be loosely deep-equal');
  },
  equal(actual, expected, message) { if (actual != expected) fail(message ?? 'Expected values to be loosely equal'); },
};`,
  },
];

const standInPlugin = {
  name: 'stand-ins',
  setup(pluginBuild) {
    STAND_INS.forEach((standIn, index) => {
      pluginBuild.onResolve({ filter: standIn.filter }, (args) =>
        standIn.importer.test(args.importer) ? { path: String(index), namespace: 'stand-in' } : undefined,
      );
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({
      contents: STAND_INS[Number(args.path)].contents,
      loader: 'js',
    }));
  },
};

/**
 * Imports whose module is evaluated on first call instead of when the importer loads: the stand-in's
 * `require()` of the real module is bundled by esbuild as a lazy init. fast-string-width builds its
 * Unicode-property regexes at load (~0.7 ms), and text.ts needs it only for text outside its width table.
 */
const DEFERRED = [
  { filter: /^fast-string-width$/, importer: /[/\\]src[/\\]ui[/\\]text\.ts$/, name: 'default' },
  { filter: /^fast-wrap-ansi$/, importer: /[/\\]src[/\\]ui[/\\]text\.ts$/, name: 'wrapAnsi' },
];

const deferredPlugin = {
  name: 'deferred',
  setup(pluginBuild) {
    DEFERRED.forEach(({ filter, importer, name }, index) => {
      pluginBuild.onResolve({ filter }, (args) =>
        importer.test(args.importer)
          ? { path: String(index), namespace: 'deferred', pluginData: { spec: args.path, dir: args.resolveDir, name } }
          : undefined,
      );
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => ({
      contents:
        args.pluginData.name === 'default'
          ? `export default (...args) => require(${JSON.stringify(args.pluginData.spec)}).default(...args);`
          : `export const ${args.pluginData.name} = (...args) => require(${JSON.stringify(args.pluginData.spec)}).${args.pluginData.name}(...args);`,
      resolveDir: args.pluginData.dir,
      loader: 'js',
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
// main.cjs: every command line through commander. hot.cjs: the daily read-only commands without it
// (src/hot.ts, chosen by boot.ts from src/hot-argv.ts's grammar).
for (const [entry, out] of [
  ['main.ts', 'main.cjs'],
  ['hot.ts', 'hot.cjs'],
]) {
  const result = await build({
    ...common,
    ...wrapped,
    entryPoints: [join(root, 'src', entry)],
    outfile: join(dist, out),
    plugins: [lazyPlugin, lazyBuiltinsPlugin, standInPlugin, deferredPlugin],
  });
  const heavy = Object.keys(result.metafile.inputs).filter((input) => HEAVY.test(input));
  if (heavy.length > 0) {
    throw new Error(`heavy modules reached from ${out} (import them with import()): ${heavy.slice(0, 5).join(', ')}`);
  }
}
for (const [name, entry] of lazyEntries) {
  await build({
    ...common,
    entryPoints: [entry],
    ...wrapped,
    outfile: join(dist, 'lazy', `${name}.cjs`),
    plugins: [lazyBuiltinsPlugin, standInPlugin, defaultBuiltinsPlugin],
  });
}

/**
 * main-help.ts needs commander's `Help` only: its `import { Help } from 'commander'` gets commander's
 * lib/help.js (15 KB of bundle instead of 48 KB with the Command class it never uses).
 */
const commanderHelpPlugin = {
  name: 'commander-help',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^commander$/ }, (args) => ({
      path: join(dirname(fileURLToPath(import.meta.resolve('commander', pathToFileURL(args.importer).href))), 'lib', 'help.js'),
    }));
  },
};

// dist/main-help.cjs: `roadmap --help` laid out by commander's Help from the pages read off the program
// here (src/main-help.ts), without declaring the program at run time.
const pagesScript = join(dist, 'help-pages.cjs');
await build({
  ...common,
  metafile: false,
  minify: false,
  packages: 'external',
  entryPoints: [join(root, 'scripts', 'help-pages.ts')],
  outfile: pagesScript,
});
const { helpPages } = await import(pathToFileURL(pagesScript).href);
rmSync(pagesScript);
await build({
  ...common,
  define: { ...define, __HELP_PAGES__: JSON.stringify(helpPages(pkg.version)) },
  ...wrapped,
  entryPoints: [join(root, 'src', 'main-help.ts')],
  outfile: join(dist, 'main-help.cjs'),
  plugins: [commanderHelpPlugin],
});

// Bundles are ASCII (esbuild escapes strings, not regular expression literals: write \u2013, not –):
// Node reads ASCII into a one-byte string in half the time, and one other character makes the whole
// source two-byte. (Unminified bundles keep the sources' comments, which are not.)
const bundles = [
  join(dist, 'main.cjs'),
  join(dist, 'hot.cjs'),
  join(dist, 'main-help.cjs'),
  ...[...lazyEntries.keys()].map((name) => join(dist, 'lazy', `${name}.cjs`)),
];
for (const file of common.minify ? bundles : []) {
  const at = readFileSync(file).findIndex((byte) => byte > 0x7f);
  if (at >= 0) throw new Error(`${relative(root, file)} is not ASCII at byte ${at}: escape the character in the source`);
}

// The boot file names its code cache after the bundle's content, so a cache never outlives its bundle.
// Every bundle counts: V8 only checks a code cache against its source's length, so a lazy bundle changed
// to the same length must never meet the cache of its previous content.
const buildHash = createHash('sha256')
  .update(readFileSync(join(dist, 'main.cjs')))
  .update(readFileSync(join(dist, 'hot.cjs')))
  .update(readFileSync(join(dist, 'main-help.cjs')));
for (const name of [...lazyEntries.keys()].sort()) buildHash.update(name).update(readFileSync(join(dist, 'lazy', `${name}.cjs`)));
const buildId = buildHash.digest('hex').slice(0, 16);
await build({
  ...common,
  metafile: false,
  define: { ...define, __BUILD_ID__: JSON.stringify(buildId) },
  entryPoints: [join(root, 'src', 'boot.ts')],
  outfile: join(dist, 'boot.cjs'),
});

// Pre-parse data/roadmap.md into dist/roadmap.model.json, the same entry the model cache writes, and its
// outline (dist/roadmap.outline.json, what `status` reads), each holding the document.
const prebuild = join(dist, 'prebuild.cjs');
await build({ ...common, metafile: false, minify: false, entryPoints: [join(root, 'scripts', 'prebuild-model.ts')], outfile: prebuild });
const { prebuildModel } = await import(pathToFileURL(prebuild).href);
prebuildModel(join(root, 'data', 'roadmap.md'), join(dist, 'roadmap.model.json'), join(dist, 'roadmap.outline.json'));
rmSync(prebuild);
