import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { ROOT } from '../helpers/context.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the npm package', () => {
  it('holds only what users need: the bundle, the roadmap, the docs users read', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]?.files.map((file) => file.path) ?? [];
    const fixed = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/roadmap.cjs',
      'data/roadmap.md',
      'dist/boot.cjs',
      'dist/hot.cjs',
      'dist/main-help.cjs',
      'dist/main.cjs',
      'dist/roadmap.model.json',
      'dist/roadmap.outline.json',
      'package.json',
    ];
    expect(files.filter((file) => !file.startsWith('dist/lazy/')).sort()).toEqual(fixed);
    // The lazy bundles: one per heavy package or module, loaded only by the commands that need them.
    const lazy = files.filter((file) => file.startsWith('dist/lazy/'));
    for (const file of lazy) expect(file).toMatch(/^dist\/lazy\/[\w.-]+\.cjs$/);
    for (const name of ['parse', 'store-write', 'bomb.sh-tab']) expect(lazy).toContain(`dist/lazy/${name}.cjs`);
  });

  it('describes itself, needs Node 20.17+ and installs with no dependency (everything is bundled)', () => {
    expect(pkg).toMatchObject({
      name: 'roadmap',
      license: 'MIT',
      engines: { node: '>=20.17' },
      bin: { roadmap: 'bin/roadmap.cjs' },
    });
    expect(String(pkg.description).length).toBeGreaterThan(20);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['roadmap', 'cli', 'markdown']));
    expect(pkg.dependencies).toBeUndefined();
  });

  it('installs from its tarball without a warning; the packed manifest has no `prepare` (it builds a clone)', () => {
    expect(inject('installStderr')).toBe('');
    expect((pkg.scripts as Record<string, string>).prepare).toBe('node scripts/build.mjs');
    const installed = join(dirname(dirname(inject('roadmapBin'))), 'lib', 'node_modules', 'roadmap', 'package.json');
    const packed = JSON.parse(readFileSync(installed, 'utf8')) as { scripts: Record<string, string> };
    expect(Object.keys(packed.scripts)).not.toContain('prepare');
    expect(packed.scripts.build).toBe(pkg.scripts && (pkg.scripts as Record<string, string>).build);
  });

  it('runs from any folder once installed', () => {
    const { env } = scratchHome();
    const r = runRoadmap(['status', '--json'], env, { cwd: mkdtempSync(join(tmpdir(), 'roadmap-elsewhere-')) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 52, done: 0 });
  });

  it('runs with `npx roadmap` from the repository', () => {
    const { env } = scratchHome();
    const r = spawnSync('npx', ['--offline', 'roadmap', '--version'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});
