// `npm pack` / `npm publish` hooks: the published package.json carries no `prepare` script.
//
// In a clone, `npm install` runs `prepare` to build dist/. The tarball already holds dist/ and not the
// scripts/ that `prepare` runs, and npm lists a `prepare` script of a package installed from a tarball
// among the install scripts to review (a warning on every `npm install -g ./roadmap-<v>.tgz`). So
// `prepack` writes package.json without it, keeping the original beside it, and `postpack` puts the
// original back (the way pinst handles husky's postinstall). A pack that died half-way is repaired by
// the next `strip`.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = join(root, 'package.json');
const kept = join(root, '.package.json.prepack');

const command = process.argv[2];
if (command === 'strip') {
  if (existsSync(kept)) renameSync(kept, manifest);
  const text = readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  if (pkg.scripts?.prepare !== undefined) {
    writeFileSync(kept, text);
    delete pkg.scripts.prepare;
    writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
  }
} else if (command === 'restore') {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore\n');
  process.exitCode = 2;
}
