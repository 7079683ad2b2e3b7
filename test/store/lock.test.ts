import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  judgeLock,
  LockTimeoutError,
  legacyOwnerPathOf,
  lockPathOf,
  lockState,
  lockStatus,
  processStartTime,
  readLock,
  selfIdentity,
} from '../../src/store/lock.js';
import { mountTmpfs } from '../helpers/tmpfs.js';

const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-lock-'));
  return { dir, stateFile: join(dir, 'state.json'), lock: join(dir, 'state.json.lock') };
};

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid as number;
}

const writeOwner = (lock: string, owner: Record<string, unknown>) =>
  writeFileSync(
    lock,
    JSON.stringify({ host: hostname(), boot: selfIdentity().boot, pidns: selfIdentity().pidns, start: null, at: 0, ...owner }),
  );

const past = (ms: number) => new Date(Date.now() - ms);

describe('the state lock', () => {
  it('is a file created with the owner record in it (pid, host, boot id, start time), removed on release', async () => {
    const { stateFile, lock } = scratch();
    const held = await lockState(stateFile);
    const owner = JSON.parse(readFileSync(lock, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    if (process.platform === 'linux') {
      expect(owner.boot).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
      expect(owner.start).toBe(processStartTime('self'));
    }
    expect(held.recovered).toEqual([]);
    expect(held.stillHeld()).toBe(true);
    expect(lockStatus(stateFile)).toMatchObject({ kind: 'held' });
    held.release();
    expect(existsSync(lock)).toBe(false);
    expect(lockStatus(stateFile)).toEqual({ kind: 'none' });
  });

  it('is never taken from a live holder, however old its mtime: a waiter waits for the release', async () => {
    const { stateFile, lock } = scratch();
    const first = await lockState(stateFile);
    // A holder stalled for an hour (its lock file untouched since).
    utimesSync(lock, past(3_600_000), past(3_600_000));
    let secondAt = 0;
    const second = lockState(stateFile).then((held) => {
      secondAt = Date.now();
      return held;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(secondAt).toBe(0);
    const releasedAt = Date.now();
    first.release();
    const held = await second;
    expect(secondAt).toBeGreaterThanOrEqual(releasedAt);
    expect(held.recovered).toEqual([]);
    held.release();
  });

  it('gives up after its timeout, naming the holder', async () => {
    const { stateFile } = scratch();
    const first = await lockState(stateFile);
    await expect(lockState(stateFile, { timeoutMs: 300 })).rejects.toEqual(expect.objectContaining({ ownerPid: process.pid }));
    await expect(lockState(stateFile, { timeoutMs: 100 })).rejects.toBeInstanceOf(LockTimeoutError);
    first.release();
  });

  it('takes over at once a lock whose owner is dead on this machine, and reports it', async () => {
    const { stateFile, lock } = scratch();
    const pid = await deadPid();
    writeOwner(lock, { pid });
    const started = Date.now();
    const held = await lockState(stateFile);
    expect(Date.now() - started).toBeLessThan(500);
    expect(held.recovered).toEqual([{ reason: 'dead', pid, host: hostname() }]);
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    held.release();
  });

  it.runIf(process.platform === 'linux')('a live pid with another start time (a reused pid) or another boot id is dead', () => {
    const { stateFile, lock } = scratch();
    // pid 1 is alive, but it did not start at this tick.
    writeOwner(lock, { pid: 1, start: '1' });
    expect(lockStatus(stateFile)).toMatchObject({ kind: 'stale', reason: 'dead', pid: 1 });
    writeOwner(lock, { pid: process.pid, start: processStartTime('self'), boot: 'another-boot' });
    expect(lockStatus(stateFile)).toMatchObject({ kind: 'stale', reason: 'dead' });
    writeOwner(lock, { pid: process.pid, start: processStartTime('self') });
    expect(lockStatus(stateFile)).toMatchObject({ kind: 'held' });
  });

  it('a lock without an owner record is held during the grace, then removed and reported', async () => {
    const { stateFile, lock } = scratch();
    writeFileSync(lock, '');
    const started = Date.now();
    const held = await lockState(stateFile, { ownerlessGraceMs: 400 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(held.recovered).toEqual([{ reason: 'ownerless', pid: null, host: null }]);
    held.release();
  });

  it('a lock without an owner record and a modification time in the future (a clock stepped back) is removed after the grace', async () => {
    const { stateFile, lock } = scratch();
    writeFileSync(lock, '');
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(lock, future, future);
    const started = Date.now();
    const held = await lockState(stateFile, { ownerlessGraceMs: 400 });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(3000);
    expect(held.recovered).toEqual([{ reason: 'ownerless', pid: null, host: null }]);
    held.release();
  });

  it("another machine's lock is judged by its mtime only, with a generous bound", () => {
    const { stateFile, lock } = scratch();
    writeOwner(lock, { pid: 4242, host: 'laptop.elsewhere', boot: 'x' });
    const lockState = readLock(stateFile);
    if (!lockState) throw new Error('no lock read');
    const bounds = { ownerlessGraceMs: 2000, foreignStaleMs: 120_000 };
    const at = lockState.stat.mtimeMs;
    expect(judgeLock(lockState, at + 60_000, 60_000, bounds)).toMatchObject({ kind: 'held' });
    expect(judgeLock(lockState, at + 121_000, 0, bounds)).toMatchObject({ kind: 'stale', reason: 'expired', host: 'laptop.elsewhere' });
  });

  it("an older roadmap's lock folder is understood: its owner record read, removed when that owner is dead", async () => {
    const { stateFile, lock } = scratch();
    mkdirSync(lock);
    const stat = statSync(lock, { bigint: true });
    const pid = await deadPid();
    writeFileSync(
      legacyOwnerPathOf(stateFile),
      JSON.stringify({ pid, host: hostname(), ino: String(stat.ino), ctime: String(stat.ctimeNs) }),
    );
    const held = await lockState(stateFile);
    expect(held.recovered).toEqual([{ reason: 'dead', pid, host: hostname() }]);
    expect(existsSync(legacyOwnerPathOf(stateFile))).toBe(false);
    expect(statSync(lock).isFile()).toBe(true);
    held.release();
  });

  it('a stale lock in a read-only folder: the error at once (EROFS), no busy loop, no wait', async (ctx) => {
    const fs = mountTmpfs(64);
    if (!fs) return ctx.skip();
    try {
      const stateFile = join(fs.dir, 'state.json');
      writeOwner(lockPathOf(stateFile), { pid: await deadPid() });
      execFileSync('mount', ['-o', 'remount,ro', fs.dir]);
      const started = Date.now();
      await expect(lockState(stateFile, { timeoutMs: 5000 })).rejects.toEqual(expect.objectContaining({ code: 'EROFS' }));
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      fs.unmount();
    }
  });

  it('knows when it was taken over, and then removes nothing on release', async () => {
    const { stateFile, lock } = scratch();
    const held = await lockState(stateFile);
    renameSync(lock, `${lock}.gone`);
    writeOwner(lock, { pid: 1 });
    expect(held.stillHeld()).toBe(false);
    held.release();
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(1);
    expect(lockPathOf(stateFile)).toBe(lock);
  });
});
