import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch home: config, cache and HOME all inside a new temporary folder. */
export function scratchHome(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-home-'));
  return {
    dir,
    env: {
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_CACHE_HOME: join(dir, 'cache'),
    },
  };
}

/** Spawns the installed `roadmap` binary with a clean environment (no colour, English unless told). */
export function runRoadmap(args: string[], env: Record<string, string> = {}, options: { cwd?: string; input?: string } = {}): RunResult {
  const result = spawnSync(inject('roadmapBin'), args, {
    env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env },
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The state file of a scratch home. */
export function stateFileOf(env: Record<string, string>): string {
  return join(env.ROADMAP_HOME ?? join(env.XDG_CONFIG_HOME as string, 'roadmap'), 'state.json');
}
