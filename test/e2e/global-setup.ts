import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    roadmapBin: string;
    /** What `npm install -g <tarball>` printed on stderr (a well-made package installs silently). */
    installStderr: string;
  }
}

function npm(args: string[], cwd: string): { stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/**
 * Installs the package the way a user does (`npm pack` → `npm install -g`) into a scratch prefix, so
 * end-to-end tests spawn the installed binary. It packs dist/ as it is: `npm test` and `npm run test:e2e`
 * build before vitest starts (after changing src/, `npm run build` before `npx vitest run test/e2e/…`).
 */
export default function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-e2e-'));
  // With its scripts, as `npm publish` would: prepack/postpack leave `prepare` out of the packed manifest.
  npm(['pack', '--silent', '--pack-destination', dir], root);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  const prefix = join(dir, 'prefix');
  const install = npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--offline', join(dir, tarball)], root);
  project.provide('roadmapBin', join(prefix, 'bin', 'roadmap'));
  project.provide('installStderr', install.stderr);
  return () => rmSync(dir, { recursive: true, force: true });
}
