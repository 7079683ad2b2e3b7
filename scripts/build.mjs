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
//
// Every change to third-party code (stand-ins for modules a package imports, built-ins loaded on first use)
// is declared in scripts/build-interventions.mjs: the build fails when one matched nothing or its package
// is not at the version it was checked against, and when a bundle reaches a heavy package it is not
// allowed (HEAVY, HEAVY_ALLOWED).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { interventions } from './build-interventions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const { plugins, assertInterventionsHeld } = interventions(root);
const { lazyBuiltinsPlugin, defaultBuiltinsPlugin, standInPlugin, deferredPlugin, commanderHelpPlugin } = plugins;

/** Our own modules that get a bundle of their own instead of being inlined in main.cjs. */
const LAZY_MODULES = { 'src/roadmap/parse.ts': 'parse', 'src/store/write-deps.ts': 'store-write' };

/**
 * Heavy packages, by name: the build fails when a bundle reaches one it is not allowed (`HEAVY_ALLOWED`).
 * The start-up bundles (main, hot, main-help, boot) are allowed none: import them with `import()`.
 */
const HEAVY = {
  tab: /node_modules\/@bomb\.sh\//,
  slugify: /node_modules\/@sindresorhus\/(slugify|transliterate)\//,
  remark: /node_modules\/(remark-|micromark|mdast-|unified\/)/,
  conf: /node_modules\/conf\//,
  ajv: /node_modules\/ajv/,
  inquirer: /node_modules\/@inquirer\//,
  lock: /node_modules\/atomically\//,
  // What the stand-ins keep out (scripts/build-interventions.mjs).
  supportsColor: /node_modules\/(supports-color\/|chalk\/source\/vendor\/supports-color)/,
  semver: /node_modules\/semver\//,
  exitHooks: /node_modules\/(.*\/)?(signal-exit|when-exit)\//,
};

/** The heavy packages each lazy bundle exists to load (the others are allowed none). */
const HEAVY_ALLOWED = {
  'lazy/bomb.sh-tab.cjs': ['tab'],
  // @inquirer/core restores the terminal on a signal: it needs signal-exit.
  'lazy/inquirer-prompts.cjs': ['inquirer', 'exitHooks'],
  'lazy/parse.cjs': ['remark', 'slugify'],
  'lazy/store-write.cjs': ['conf', 'lock'],
};

/** Fails when a bundle's inputs reach a heavy package it is not allowed. */
function assertNotHeavy(out, metafile) {
  const allowed = new Set(HEAVY_ALLOWED[out] ?? []);
  for (const [name, pattern] of Object.entries(HEAVY)) {
    if (allowed.has(name)) continue;
    const reached = Object.keys(metafile.inputs).filter((input) => pattern.test(input));
    if (reached.length > 0) {
      throw new Error(`heavy modules (${name}) reached from dist/${out} (import them with import()): ${reached.slice(0, 5).join(', ')}`);
    }
  }
}

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
  // are the bundle's own (no URL to make: node:url's pathToFileURL is costly the first time).
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

rmSync(dist, { recursive: true, force: true });
/** Each bundle's metafile, by its path in dist/: checked once all are built. */
const metafiles = new Map();
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
  metafiles.set(out, result.metafile);
}
for (const [name, entry] of lazyEntries) {
  const result = await build({
    ...common,
    entryPoints: [entry],
    ...wrapped,
    outfile: join(dist, 'lazy', `${name}.cjs`),
    plugins: [lazyBuiltinsPlugin, standInPlugin, defaultBuiltinsPlugin],
  });
  metafiles.set(`lazy/${name}.cjs`, result.metafile);
}

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
const mainHelp = await build({
  ...common,
  define: { ...define, __HELP_PAGES__: JSON.stringify(helpPages(pkg.version)) },
  ...wrapped,
  entryPoints: [join(root, 'src', 'main-help.ts')],
  outfile: join(dist, 'main-help.cjs'),
  plugins: [commanderHelpPlugin],
});
metafiles.set('main-help.cjs', mainHelp.metafile);

// Every stand-in matched, on the version it was written for; no bundle holds what it must not.
assertInterventionsHeld();
for (const [out, metafile] of metafiles) assertNotHeavy(out, metafile);

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
// boot.ts gives the bundles a `require` that is only a function (see bundleRequire). (Unminified
// bundles keep comments that name them.)
for (const file of common.minify ? bundles : []) {
  const used = /\brequire\.(resolve|cache|main|extensions)\b/.exec(readFileSync(file, 'utf8'));
  if (used) throw new Error(`${relative(root, file)} reads ${used[0]}: boot.ts's require has no such property`);
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
const boot = await build({
  ...common,
  define: { ...define, __BUILD_ID__: JSON.stringify(buildId) },
  entryPoints: [join(root, 'src', 'boot.ts')],
  outfile: join(dist, 'boot.cjs'),
});
assertNotHeavy('boot.cjs', boot.metafile);

// Pre-parse data/roadmap.md into dist/roadmap.model.json, the same entry the model cache writes, and its
// outline (dist/roadmap.outline.json, what `status` reads), each holding the document.
const prebuild = join(dist, 'prebuild.cjs');
await build({ ...common, metafile: false, minify: false, entryPoints: [join(root, 'scripts', 'prebuild-model.ts')], outfile: prebuild });
const { prebuildModel } = await import(pathToFileURL(prebuild).href);
prebuildModel(join(root, 'data', 'roadmap.md'), join(dist, 'roadmap.model.json'), join(dist, 'roadmap.outline.json'));
rmSync(prebuild);
