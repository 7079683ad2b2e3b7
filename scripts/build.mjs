// Bundles the CLI into dist/ and pre-parses the bundled roadmap with the same parser code.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

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
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  define,
  legalComments: 'none',
  logLevel: 'warning',
  // commander is CommonJS: give the ESM bundle a require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { main: join(root, 'src', 'main.ts') },
  outdir: join(root, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
});

// Pre-parse data/roadmap.md into dist/roadmap.model.json, the same entry the model cache writes.
const prebuild = join(root, 'dist', 'prebuild.mjs');
await build({ ...common, entryPoints: [join(root, 'scripts', 'prebuild-model.ts')], outfile: prebuild });
const { prebuildModel } = await import(pathToFileURL(prebuild).href);
prebuildModel(join(root, 'data', 'roadmap.md'), join(root, 'dist', 'roadmap.model.json'));
rmSync(prebuild);
