// The lock on the installed binary: a live holder never loses it (stalled inside the lock by the test hook
// ROADMAP_TEST_STALL_MS, or stopped with SIGSTOP), a write under a lock taken over is refused, and locks
// left by killed writers are removed and reported.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { State } from '../../src/progress/state.js';
import { parseStateText } from '../../src/store/inspect.js';
import { scratchHome, stateFileOf } from '../helpers/cli.js';
import { sleep, spawnRoadmap, startRoadmap, waitFor } from '../helpers/spawn.js';

function home() {
  const { env } = scratchHome();
  const stateFile = stateFileOf(env);
  return { env: { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z' }, stateFile, lock: `${stateFile}.lock` };
}

function doneKeys(file: string): string[] {
  const parsed = parseStateText(readFileSync(file, 'utf8'));
  if ('issue' in parsed) throw new Error(`unreadable state: ${JSON.stringify(parsed.issue)}`);
  const items = (parsed.state as State).documents.bundled?.items ?? {};
  return Object.keys(items).filter((key) => items[key]?.status === 'done');
}

const lockPid = (lock: string): number | null => {
  try {
    return JSON.parse(readFileSync(lock, 'utf8')).pid;
  } catch {
    return null;
  }
};

const keyOf = (run: { stdout: string }) => JSON.parse(run.stdout).changes[0].key as string;

describe('a live lock holder never loses its lock (installed binary)', () => {
  it('a holder stalled 6 s inside the lock: a second writer waits, never steals; both changes are on disk', async () => {
    const h = home();
    const a = startRoadmap(['check', '1', '--json'], { ...h.env, ROADMAP_TEST_STALL_MS: '6000' });
    await waitFor(() => lockPid(h.lock) === a.child.pid, 10_000, 'the stalled writer to hold the lock');
    const b = await spawnRoadmap(['check', '2', '--json'], h.env);
    const first = await a.done;
    expect(first.code, first.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toBe('');
    // It waited for the holder (past the 4 s after which the old lock was taken over).
    expect(b.ms).toBeGreaterThan(4000);
    expect(doneKeys(h.stateFile).sort()).toEqual([keyOf(first), keyOf(b)].sort());
    expect(existsSync(h.lock)).toBe(false);
  }, 30_000);

  it('a holder stopped with SIGSTOP for 5 s, then continued: no change lost', async () => {
    const h = home();
    const a = startRoadmap(['check', '1', '--json'], { ...h.env, ROADMAP_TEST_STALL_MS: '300' });
    await waitFor(() => lockPid(h.lock) === a.child.pid, 10_000, 'the writer to hold the lock');
    a.child.kill('SIGSTOP');
    const b = startRoadmap(['check', '2', '--json'], h.env);
    let bDone = false;
    void b.done.then(() => {
      bDone = true;
    });
    await sleep(5000);
    expect(bDone).toBe(false);
    expect(lockPid(h.lock)).toBe(a.child.pid);
    a.child.kill('SIGCONT');
    const [first, second] = await Promise.all([a.done, b.done]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(doneKeys(h.stateFile).sort()).toEqual([keyOf(first), keyOf(second)].sort());
  }, 30_000);

  it('compare-before-rename: a lock taken over while its holder stalled → the holder writes nothing (exit 1, one line), nothing acknowledged is lost', async () => {
    const h = home();
    expect((await spawnRoadmap(['check', '5'], h.env)).code).toBe(0);
    const a = startRoadmap(['check', '1', '--json'], { ...h.env, ROADMAP_TEST_STALL_MS: '2500' });
    await waitFor(() => lockPid(h.lock) === a.child.pid, 10_000, 'the stalled writer to hold the lock');
    // A thief removes the lock and writes.
    rmSync(h.lock);
    const b = await spawnRoadmap(['check', '2', '--json'], h.env);
    expect(b.code, b.stderr).toBe(0);
    const first = await a.done;
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe(
      `roadmap: the progress file ${h.stateFile} was changed by another process while this command held its lock; this change was not written: run the command again.\n`,
    );
    const done = doneKeys(h.stateFile);
    expect(done).toContain(keyOf(b));
    expect(done).toHaveLength(2);
  }, 30_000);
});

describe('locks left by killed writers (installed binary)', () => {
  it('a leftover lock with no owner record and a modification time in the future is removed after a short grace, and reported', async () => {
    const h = home();
    mkdirSync(dirname(h.stateFile), { recursive: true });
    writeFileSync(h.lock, '');
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(h.lock, future, future);
    const run = await spawnRoadmap(['check', '1'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`roadmap: removed a stale lock on ${h.stateFile} that named no process (left by a killed or older roadmap)\n`);
    expect(run.ms).toBeGreaterThan(1500);
    expect(run.ms).toBeLessThan(8000);
    expect(doneKeys(h.stateFile)).toHaveLength(1);
    expect(existsSync(h.lock)).toBe(false);
  });

  it('a lock whose owner is dead is removed at once, and reported (in French too)', async () => {
    const h = home();
    mkdirSync(dirname(h.stateFile), { recursive: true });
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('close', resolve));
    writeFileSync(h.lock, JSON.stringify({ pid: dead.pid, host: hostname(), boot: null, start: null, at: 0, token: 'x' }));
    const run = await spawnRoadmap(['--lang', 'fr', 'check', '1'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(`roadmap : verrou périmé retiré sur ${h.stateFile} : son processus ${dead.pid} ne tourne plus\n`);
    expect(run.ms).toBeLessThan(2000);
  });

  it('a writer SIGKILLed inside the lock leaves a lock the next command removes at once', async () => {
    const h = home();
    const killed = await spawnRoadmap(['check', '1'], { ...h.env, ROADMAP_TEST_KILL_AT: 'write:locked' });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(h.lock)).toBe(true);
    const run = await spawnRoadmap(['check', '2'], h.env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^roadmap: removed a stale lock on .*: its process \d+ is no longer running\n$/);
    expect(run.ms).toBeLessThan(2000);
  });
});
