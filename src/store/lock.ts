import { mkdirSync, readFileSync, realpathSync, renameSync, rmdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { removeFile } from '../io/remove-file.js';

/** A held lock; `release` never throws. */
export interface HeldLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** Give up after this long (ms) while a live process holds the lock. */
  timeoutMs?: number;
  /** A lock not refreshed for this long (ms) is stale (its owner died or hung): taken over. */
  staleMs?: number;
}

/** The lock's owner, written next to it once it is held, so a waiter can tell a dead owner at once. */
interface Owner {
  pid: number;
  host: string;
  /** Identity of the lock folder the owner created (inode and change time): a record never applies to a newer lock. */
  ino: string;
  ctime: string;
}

/** This machine's name; node:os loaded on first use, by writes only. */
const hostname = () => process.getBuiltinModule('node:os').hostname();

export const lockPathOf = (stateFile: string) => `${stateFile}.lock`;
export const ownerPathOf = (stateFile: string) => `${stateFile}.lock.owner`;

/** Thrown when another live process kept the lock for longer than the timeout. */
export class LockTimeoutError extends Error {
  constructor(readonly ownerPid: number | null) {
    super('the state file is locked by another process');
    this.name = 'LockTimeoutError';
  }
}

/**
 * The calls proper-lockfile makes, for its synchronous API (which copies the `fs` it is given: a copy
 * of the whole of node:fs reads `fs.promises`, and loading that brings the stream modules).
 */
const SYNC_FS = { mkdirSync, realpathSync, rmdirSync, statSync, utimesSync };

/**
 * Takes the cross-process lock of the state file (proper-lockfile: an atomic `mkdir`, refreshed while
 * held). A lock left by a killed process on this machine is taken over at once (its owner's pid is
 * gone); any other stale lock after `staleMs`.
 *
 * The first attempt is synchronous (proper-lockfile's `lockSync`, whose refresh also runs with
 * synchronous calls): a free lock, the usual case, is taken without starting libuv's thread pool
 * (a noticeable part of a `check`). Only a lock held by another process is waited for, with retries.
 */
export async function lockState(stateFile: string, options: LockOptions = {}): Promise<HeldLock> {
  const { timeoutMs = 20_000, staleMs = 4000 } = options;
  const { lockfile } = await import('./write-deps.js');
  const lockPath = lockPathOf(stateFile);
  const settings = {
    realpath: false,
    lockfilePath: lockPath,
    stale: staleMs,
    // A compromised lock (refresh failed) is not fatal: the write that follows is atomic anyway.
    onCompromised: () => {},
  };
  const held = (release: () => Promise<void> | void): HeldLock => {
    recordOwner(stateFile, lockPath);
    return {
      release: async () => {
        removeFile(ownerPathOf(stateFile));
        try {
          await release();
        } catch {
          // Already released or taken over: nothing left to undo.
        }
      },
    };
  };
  const started = process.hrtime.bigint();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return held(lockfile.lockSync(stateFile, { ...settings, fs: SYNC_FS }));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (!takeOverDeadLock(stateFile)) break;
    }
  }
  for (;;) {
    try {
      return held(
        await lockfile.lock(stateFile, {
          ...settings,
          retries: { retries: 25, factor: 1, minTimeout: 5, maxTimeout: 25, randomize: true },
        }),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (takeOverDeadLock(stateFile)) continue;
      const elapsedMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
      if (elapsedMs > timeoutMs) throw new LockTimeoutError(readOwner(stateFile)?.pid ?? null);
    }
  }
}

function recordOwner(stateFile: string, lockPath: string): void {
  try {
    const stat = statSync(lockPath, { bigint: true });
    const owner: Owner = { pid: process.pid, host: hostname(), ino: String(stat.ino), ctime: String(stat.ctimeNs) };
    writeFileSync(ownerPathOf(stateFile), JSON.stringify(owner));
  } catch {
    // Without a record the lock is still a lock: a waiter only falls back to the stale delay.
  }
}

function readOwner(stateFile: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerPathOf(stateFile), 'utf8')) as Partial<Owner>;
    if (
      typeof owner.pid !== 'number' ||
      typeof owner.host !== 'string' ||
      typeof owner.ino !== 'string' ||
      typeof owner.ctime !== 'string'
    ) {
      return null;
    }
    return owner as Owner;
  } catch {
    return null;
  }
}

/** True when a process with this pid exists (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock is held by a process of this machine that no longer exists (and the record is about this very lock). */
export function lockOwnerIsDead(stateFile: string): boolean {
  const owner = readOwner(stateFile);
  if (!owner || owner.host !== hostname() || owner.pid === process.pid || processAlive(owner.pid)) return false;
  try {
    const stat = statSync(lockPathOf(stateFile), { bigint: true });
    return String(stat.ino) === owner.ino && String(stat.ctimeNs) === owner.ctime;
  } catch {
    return false;
  }
}

/**
 * Removes a lock whose owner died. The folder is first renamed to a unique name (atomic), so two
 * waiters never both remove it, and only removed when it is still the dead owner's folder.
 */
function takeOverDeadLock(stateFile: string): boolean {
  if (!lockOwnerIsDead(stateFile)) return false;
  const owner = readOwner(stateFile) as Owner;
  const lockPath = lockPathOf(stateFile);
  const aside = `${lockPath}.dead-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(lockPath, aside);
  } catch {
    return false;
  }
  const stat = statSync(aside, { bigint: true });
  if (String(stat.ino) === owner.ino) {
    rmdirSync(aside);
    return true;
  }
  // Lost a race: the folder moved was a live owner's new lock. Put it back.
  try {
    renameSync(aside, lockPath);
  } catch {
    rmdirSync(aside);
  }
  return false;
}
