// The order of a write's disk flushes, seen by strace on the installed binary: every file a change
// writes is flushed before its rename, and every folder holding a rename is flushed before the command
// exits 0 — the backup included (issue 17: "loop on short writes, fsync, rename, fsync the folder").
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';
import { requires } from '../helpers/requires.js';

/** One traced call: its name, its arguments as strace printed them (paths shown with -y), its result. */
interface Call {
  name: string;
  args: string;
  result: string;
}

function traced(args: string[], env: Record<string, string>, dir: string): { code: number | null; calls: Call[] } {
  const log = join(dir, 'strace.log');
  const run = spawnSync(
    'strace',
    ['-f', '-y', '-qq', '-s', '300', '-e', 'trace=fsync,fdatasync,rename,renameat,renameat2', '-o', log, inject('roadmapBin'), ...args],
    { env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env }, encoding: 'utf8', timeout: 30_000 },
  );
  const calls: Call[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const m = /^(?:\d+\s+)?(\w+)\((.*)\)\s+=\s+(-?\d+.*)$/.exec(line);
    if (m) calls.push({ name: m[1] as string, args: m[2] as string, result: m[3] as string });
  }
  return { code: run.status, calls };
}

const at = (calls: Call[], test: (c: Call) => boolean, what: string): number => {
  const index = calls.findIndex(test);
  if (index < 0) throw new Error(`no ${what} in:\n${calls.map((c) => `${c.name}(${c.args}) = ${c.result}`).join('\n')}`);
  return index;
};

describe.runIf(requires('strace'))('the disk flushes of a change (strace)', () => {
  it('check: the backup and the state are each flushed before their rename, both folders before exit 0', () => {
    const { dir, env } = scratchHome();
    const full = { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z' };
    expect(runRoadmap(['check', '1'], full).code).toBe(0);
    const home = join(stateFileOf(full), '..');
    const backups = join(home, 'backups');

    const { code, calls } = traced(['check', '2'], full, dir);
    expect(code).toBe(0);
    const ok = (c: Call) => c.result.startsWith('0');
    const isFsync = (c: Call) => (c.name === 'fsync' || c.name === 'fdatasync') && ok(c);
    const renameTo = (c: Call, re: RegExp) => c.name.startsWith('rename') && ok(c) && re.test(c.args);

    // The backup: its temporary file flushed, then renamed into backups/.
    const backupTemp = /backups\/\.state-[^"]*\.tmp/;
    const backupFlushed = at(calls, (c) => isFsync(c) && backupTemp.test(c.args), 'fsync of the backup copy');
    const backupRenamed = at(calls, (c) => renameTo(c, /backups\/state-\d{8}T\d{6}Z-\d+\.json"/), 'rename of the backup');
    expect(backupFlushed).toBeLessThan(backupRenamed);

    // The state: conf's temporary file flushed, renamed over state.json, then its folder flushed.
    const stateRenamed = at(
      calls,
      (c) => c.name.startsWith('rename') && ok(c) && c.args.endsWith(`, "${home}/state.json"`),
      'rename to state.json',
    );
    const stateFlushed = at(calls, (c) => isFsync(c) && c.args.includes(`<${home}/state.json.tmp-`), "fsync of conf's temporary file");
    expect(stateFlushed).toBeLessThan(stateRenamed);
    const homeFlushed = calls.findIndex((c, i) => i > stateRenamed && isFsync(c) && c.args.includes(`<${home}>`));
    expect(homeFlushed, 'fsync of the state folder after the rename').toBeGreaterThan(stateRenamed);

    // The backup folder's entry made durable too, after the backup's rename (before exit: the trace ends there).
    const backupsFlushed = calls.findIndex((c, i) => i > backupRenamed && isFsync(c) && c.args.includes(`<${backups}>`));
    expect(backupsFlushed, 'fsync of the backup folder').toBeGreaterThan(backupRenamed);
  });
});
