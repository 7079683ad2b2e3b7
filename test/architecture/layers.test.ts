import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/context.js';

// The layers of CONTRIBUTING.md ("Architecture") are held by Biome's noRestrictedImports, per folder
// (biome.json, `overrides`). These tests prove the rule bites: a probe file with one import is put in
// a folder of src/, linted by the project's own Biome, and removed.

const BIOME = join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');

function lintProbe(folder: string, specifier: string): { code: number | null; output: string } {
  const file = join(ROOT, 'src', folder, `layer-probe-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `import * as probe from '${specifier}';\n\nexport const used = probe;\n`);
  try {
    const run = spawnSync(process.execPath, [BIOME, 'lint', '--max-diagnostics=5', file], { cwd: ROOT, encoding: 'utf8' });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

const FORBIDDEN: [string, string][] = [
  ['roadmap', '../store/store.js'],
  ['roadmap', '../ui/messages.js'],
  ['roadmap', '../io/process-io.js'],
  ['progress', '../commands/check.js'],
  ['progress', '../completion/candidates.js'],
  ['report', '../ui/style.js'],
  ['store', '../ui/messages.js'],
  ['ui', '../store/store.js'],
  ['io', '../ui/sanitize.js'],
];

const ALLOWED: [string, string][] = [
  ['roadmap', './model.js'],
  ['progress', '../roadmap/model.js'],
  ['report', '../progress/stats.js'],
  ['store', '../progress/state.js'],
  ['ui', '../progress/state.js'],
  ['io', '../roadmap/parse.js'],
  ['commands', '../store/store.js'],
];

describe('the layers are held by the linter', () => {
  it.each(FORBIDDEN)('src/%s/ importing %s fails `biome lint`', (folder, specifier) => {
    const { code, output } = lintProbe(folder, specifier);
    expect(code).toBe(1);
    expect(output).toContain('lint/style/noRestrictedImports');
  });

  it.each(ALLOWED)('src/%s/ importing %s passes', (folder, specifier) => {
    const { code, output } = lintProbe(folder, specifier);
    expect(output).not.toContain('noRestrictedImports');
    expect(code).toBe(0);
  });

  it('the real tree has no import against the layers', () => {
    const run = spawnSync(process.execPath, [BIOME, 'lint', '--max-diagnostics=50', 'src'], { cwd: ROOT, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).not.toContain('noRestrictedImports');
    expect(run.status).toBe(0);
  });
});
