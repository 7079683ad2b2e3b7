// Every change the build makes to third-party code (a stand-in for a module a package imports, a built-in
// loaded on first use, ...), each declared once with the package it changes and the version it was
// checked against. Each counts its matches: `assertInterventionsHeld` fails the build, naming the
// intervention and the installed version, when one matched nothing (a release renamed what it keys on)
// or when the package is not at the version it was checked against. CONTRIBUTING.md lists them.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @typedef {{ name: string, package: string, version: string, why: string, hits: number }} Intervention */

/**
 * The interventions of a build, bound to the folder holding its `node_modules` (the repository, or a
 * copy of it in the test that proves a miss fails the build).
 */
export function interventions(root) {
  /** @type {Intervention[]} */
  const all = [];
  /** Declares one intervention; its `hits` grow as the build matches it. */
  const declare = (spec) => {
    const intervention = { ...spec, hits: 0 };
    all.push(intervention);
    return intervention;
  };
  /** A module path inside a package's folder (`node_modules/<package>/`, at any depth). */
  const inPackage = (name) => new RegExp(`[/\\\\]node_modules[/\\\\]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[/\\\\]`);

  // Node built-ins that a package requires at load time but uses only on paths roadmap never takes get a
  // stand-in that loads the real module on first use.
  const lazyBuiltins = [
    declare({
      name: 'lazy node:child_process in commander',
      package: 'commander',
      version: '14.0.3',
      why: 'commander requires it at load for executable subcommands, which roadmap has none of',
      builtin: 'child_process',
    }),
    declare({
      name: 'lazy node:crypto in conf',
      package: 'conf',
      version: '15.1.0',
      why: 'conf imports it at load for encrypted stores; roadmap gives no encryption key',
      builtin: 'crypto',
    }),
  ];
  const lazyBuiltinsPlugin = {
    name: 'lazy-builtins',
    setup(build) {
      for (const intervention of lazyBuiltins) {
        const importer = inPackage(intervention.package);
        build.onResolve({ filter: new RegExp(`^(node:)?${intervention.builtin}$`) }, (args) => {
          if (!importer.test(args.importer)) return undefined;
          intervention.hits++;
          return { path: intervention.builtin, namespace: 'lazy-builtin' };
        });
      }
      build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
        // `default` too: an ESM importer's default import of the stand-in is the module itself.
        contents: `const load = () => require('node:${args.path}');
module.exports = new Proxy({}, { get: (_, key) => (key === 'default' || key === '__esModule' ? (key === 'default' ? load() : false) : load()[key]) });`,
        loader: 'js',
      }));
    },
  };

  // conf and the packages it writes with import Node built-ins as `import fs from 'node:fs'`. esbuild
  // turns each such import of a CommonJS module into a copy of all its properties (`__toESM`), though
  // they only use `default`. Their import gets the built-in itself as `default` instead, and a named
  // import of one of its functions a function that calls it; a named import of anything else (a class,
  // `promises`) has no match and fails the build. One intervention per package, each must match.
  const defaultBuiltins = [
    ['conf', '15.1.0'],
    ['atomically', '2.1.1'],
    ['stubborn-fs', '2.0.0'],
    ['env-paths', '3.0.0'],
  ].map(([name, version]) =>
    declare({
      name: `default-import built-ins in ${name}`,
      package: name,
      version,
      why: 'a default import of node:fs, node:path, node:process or node:os without a copy of all its properties',
      importer: inPackage(name),
    }),
  );
  const defaultBuiltinsPlugin = {
    name: 'default-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?(fs|path|process|os)$/ }, (args) => {
        const intervention = defaultBuiltins.find((candidate) => candidate.importer.test(args.importer));
        if (!intervention) return undefined;
        intervention.hits++;
        return { path: args.path.replace(/^node:/, ''), namespace: 'default-builtin' };
      });
      build.onLoad({ filter: /.*/, namespace: 'default-builtin' }, async (args) => {
        // Its functions as named imports too, each a function that calls it (unused ones are dropped).
        const builtin = await import(`node:${args.path}`);
        const functions = Object.entries(Object.getOwnPropertyDescriptors(builtin.default))
          .filter(([key, descriptor]) => typeof descriptor.value === 'function' && /^[a-z_$][\w$]*$/.test(key))
          .map(([key]) => `export function ${key}(...args) { return builtin.${key}(...args); }`);
        return {
          contents: `const builtin = require('node:${args.path}');\nexport default builtin;\n${functions.join('\n')}`,
          loader: 'js',
        };
      });
    },
  };

  // Stand-ins for modules that a bundled package imports at load time but roadmap never uses. A stand-in
  // that is called anyway throws, so a future use cannot silently misbehave.
  const standIns = [
    declare({
      name: "chalk's #supports-color",
      package: 'chalk',
      version: '5.6.2',
      why: 'it loads node:os, node:tty and so node:net at load; roadmap always gives chalk a level',
      filter: /^#supports-color$/,
      contents: 'export default { stdout: false, stderr: false };',
    }),
    declare({
      name: "conf's ajv/dist/2020.js",
      package: 'conf',
      version: '15.1.0',
      why: 'ajv is most of the write bundle; roadmap passes conf no schema',
      filter: /^ajv\/dist\/2020\.js$/,
      contents: "export class Ajv2020 { constructor() { throw new Error('ajv is not bundled: roadmap gives conf no schema'); } }",
    }),
    declare({
      name: "conf's ajv-formats",
      package: 'conf',
      version: '15.1.0',
      why: 'ajv again; roadmap passes conf no schema',
      filter: /^ajv-formats$/,
      contents: "export default { default() { throw new Error('ajv-formats is not bundled: roadmap gives conf no schema'); } };",
    }),
    declare({
      name: "conf's semver",
      package: 'conf',
      version: '15.1.0',
      why: 'used by migrations only; roadmap gives conf none',
      filter: /^semver$/,
      contents:
        "module.exports = new Proxy({}, { get(_, key) { if (key === '__esModule') return false; throw new Error('semver is not bundled: roadmap gives conf no migrations'); } });",
    }),
    // node:assert (and the stream modules its error colours need) for one call: conf's `deepEqual` of the
    // store read with the store plus defaults (roadmap gives no defaults, so the same entries: strict
    // equality of plain copies answers as the loose check does).
    declare({
      name: "conf's node:assert",
      package: 'conf',
      version: '15.1.0',
      why: 'loaded for one deepEqual of the store with itself plus no defaults',
      filter: /^(node:)?assert$/,
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
    }),
    // when-exit in atomically (conf's writer): at load, it listens to some fifteen signals, to remove
    // its temporary file on a signal. Its stand-in runs the same clean-up at exit only. The write is
    // synchronous from conf's temporary file to its rename, so a signal handler could only run after it
    // anyway; a process killed in the middle leaves a temporary file that the next write removes under
    // the lock, and a lock that the next write removes at once (its owner is dead: src/store/lock.ts).
    declare({
      name: "atomically's when-exit",
      package: 'atomically',
      version: '2.1.1',
      why: 'it listens to fifteen signals at load; the temporary-file clean-up runs at exit instead',
      filter: /^when-exit$/,
      contents: `export default (callback) => {
  const listener = () => callback();
  process.once('exit', listener);
  return () => process.removeListener('exit', listener);
};`,
    }),
    declare({
      name: "stubborn-fs's node:util promisify",
      package: 'stubborn-fs',
      version: '2.0.0',
      why: 'it wraps sixteen fs calls at load and roadmap writes with the synchronous ones: each wrapper is made on its first call',
      filter: /^(node:)?util$/,
      contents: `export const promisify = (fn) => {
  let promised;
  return (...args) => (promised ??= require('node:util').promisify(fn))(...args);
};`,
    }),
  ];
  const standInPlugin = {
    name: 'stand-ins',
    setup(build) {
      standIns.forEach((standIn, index) => {
        const importer = inPackage(standIn.package);
        build.onResolve({ filter: standIn.filter }, (args) => {
          if (!importer.test(args.importer)) return undefined;
          standIn.hits++;
          return { path: String(index), namespace: 'stand-in' };
        });
      });
      build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: standIns[Number(args.path)].contents, loader: 'js' }));
    },
  };

  // Imports of our own code whose module is evaluated on first call instead of when the importer loads:
  // the stand-in's `require()` of the real module is bundled by esbuild as a lazy init. fast-string-width
  // builds its Unicode-property regexes at load, and text.ts needs it only for text outside its width table.
  const deferred = [
    declare({
      name: "fast-string-width's default export, deferred",
      package: 'fast-string-width',
      version: '3.0.2',
      why: 'its Unicode-property regexes are built at load; src/ui/text.ts needs it only for rare text',
      importer: /[/\\]src[/\\]ui[/\\]text\.ts$/,
      export: 'default',
    }),
    declare({
      name: "fast-wrap-ansi's wrapAnsi, deferred",
      package: 'fast-wrap-ansi',
      version: '0.2.2',
      why: 'it loads fast-string-width; src/ui/text.ts needs it only for rare text',
      importer: /[/\\]src[/\\]ui[/\\]text\.ts$/,
      export: 'wrapAnsi',
    }),
  ];
  const deferredPlugin = {
    name: 'deferred',
    setup(build) {
      deferred.forEach((intervention, index) => {
        build.onResolve({ filter: new RegExp(`^${intervention.package}$`) }, async (args) => {
          if (!intervention.importer.test(args.importer)) return undefined;
          // The stand-in calls the export by name: the package must still have it.
          const module = await import(pathToFileURL(createRequire(join(root, 'package.json')).resolve(intervention.package)).href);
          if (typeof module[intervention.export] !== 'function') return undefined;
          intervention.hits++;
          return { path: String(index), namespace: 'deferred', pluginData: { spec: args.path, dir: args.resolveDir } };
        });
      });
      build.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => {
        const name = deferred[Number(args.path)].export;
        const spec = JSON.stringify(args.pluginData.spec);
        return {
          contents:
            name === 'default'
              ? `export default (...args) => require(${spec}).default(...args);`
              : `export const ${name} = (...args) => require(${spec}).${name}(...args);`,
          resolveDir: args.pluginData.dir,
          loader: 'js',
        };
      });
    },
  };

  // main-help.ts needs commander's `Help` only: its `import { Help } from 'commander'` gets commander's
  // lib/help.js (15 KB of bundle instead of 48 KB with the Command class it never uses).
  const commanderHelp = declare({
    name: "commander's lib/help.js for Help",
    package: 'commander',
    version: '14.0.3',
    why: 'main-help.cjs bundles only the Help class, not the Command class it never uses',
  });
  const commanderHelpPlugin = {
    name: 'commander-help',
    setup(build) {
      build.onResolve({ filter: /^commander$/ }, () => {
        const file = join(packageFolder('commander'), 'lib', 'help.js');
        // The file must still be there and still export the class main-help.ts imports.
        if (!existsSync(file) || typeof createRequire(import.meta.url)(file).Help !== 'function') return undefined;
        commanderHelp.hits++;
        return { path: file };
      });
    },
  };

  function packageFolder(name) {
    return join(root, 'node_modules', name);
  }

  function installedVersion(name) {
    try {
      return JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  }

  /**
   * Fails when an intervention matched nothing or its package is not at the version it was checked
   * against, naming each one.
   */
  function assertInterventionsHeld() {
    const problems = [];
    for (const intervention of all) {
      const installed = installedVersion(intervention.package);
      if (intervention.hits === 0) {
        problems.push(
          `stand-in "${intervention.name}" matched nothing in ${intervention.package}@${installed}: the package no longer has what it replaces`,
        );
      } else if (installed !== intervention.version) {
        problems.push(
          `stand-in "${intervention.name}" was checked against ${intervention.package}@${intervention.version}, installed is ${installed}: check it still holds, then update its version (scripts/build-interventions.mjs, package.json, CONTRIBUTING.md)`,
        );
      }
    }
    if (problems.length > 0) throw new Error(`build interventions did not hold:\n- ${problems.join('\n- ')}`);
  }

  return {
    all,
    plugins: { lazyBuiltinsPlugin, defaultBuiltinsPlugin, standInPlugin, deferredPlugin, commanderHelpPlugin },
    assertInterventionsHeld,
  };
}
