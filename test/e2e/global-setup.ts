import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    roadmapBin: string;
  }
}

/**
 * Installs the package the way a user does (`npm pack` → `npm install -g`) into a scratch prefix, so
 * end-to-end tests spawn the installed binary. `npm test` builds before vitest starts.
 */
export default function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-e2e-'));
  const quiet = { cwd: root, stdio: 'pipe' as const };
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], quiet);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const prefix = join(dir, 'prefix');
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--offline', join(dir, tarball)],
    quiet,
  );
  project.provide('roadmapBin', join(prefix, 'bin', 'roadmap'));
  return () => rmSync(dir, { recursive: true, force: true });
}
