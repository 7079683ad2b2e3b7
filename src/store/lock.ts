import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { removeFile } from '../io/remove-file.js';

// The cross-process lock of the state file: `state.json.lock`, a file created with O_EXCL that holds its
// owner's identity from the moment it exists. A live holder never loses it: on this machine a lock is
// stale only when its owner is provably gone (its pid names no process, or a process started at another
// time, or the machine rebooted since); mtime only judges a lock from another machine (a synced folder),
// with a generous bound. A stall (SIGSTOP, a slow disk, a long synchronous write) cannot fake death.

/** The owner record written into the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Linux: /proc/sys/kernel/random/boot_id (null elsewhere). A different one: the machine rebooted. */
  boot: string | null;
  /** Linux: the pid namespace (`readlink /proc/self/ns/pid`): a pid means something only inside its own. */
  pidns: string | null;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat): tells a reused pid. */
  start: string | null;
  /** When the lock was taken (ms since the epoch, for the humans reading the file). */
  at: number;
  /** Random: this very lock, even when the file system gives a new file a freed inode number. */
  token: string;
}

/** A stale lock that was removed so this process could take the lock. */
export interface RecoveredLock {
  /** dead: its owner no longer runs; ownerless: no owner record (a killed writer, an older roadmap); expired: another machine's, too old. */
  reason: 'dead' | 'ownerless' | 'expired';
  pid: number | null;
  host: string | null;
}

/** A held lock. */
export interface HeldLock {
  /** Stale locks removed on the way (to be reported). */
  readonly recovered: readonly RecoveredLock[];
  /** The lock file is still the one this process created (nobody took it over). */
  stillHeld(): boolean;
  /** Removes the lock if it is still ours; never throws. */
  release(): void;
}

export interface LockOptions {
  /** Give up after this long (ms) while a live process holds the lock. */
  timeoutMs?: number;
  /** A lock without an owner record, or with a modification time in the future, is removed after this long (ms). */
  ownerlessGraceMs?: number;
  /** Another machine's lock is removed once its modification time is this old (ms). */
  foreignStaleMs?: number;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 20_000;
export const OWNERLESS_GRACE_MS = 2000;
export const FOREIGN_STALE_MS = 120_000;

export const lockPathOf = (stateFile: string) => `${stateFile}.lock`;
/** Where roadmap 0.1's lock folder kept its owner record: still read, so an older roadmap's lock is understood. */
export const legacyOwnerPathOf = (stateFile: string) => `${stateFile}.lock.owner`;

/** Thrown when another live process kept the lock for longer than the timeout. */
export class LockTimeoutError extends Error {
  constructor(
    readonly ownerPid: number | null,
    readonly ownerHost: string | null,
  ) {
    super(`the state file is locked by another process${ownerPid ? ` (pid ${ownerPid})` : ''}`);
    this.name = 'LockTimeoutError';
  }
}

const readText = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
};

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function processStartTime(pid: number | 'self'): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

let self: Omit<LockOwner, 'at' | 'token'> | undefined;

/** This process's identity; node:os loaded on first use, by writes only. */
export function selfIdentity(): Omit<LockOwner, 'at' | 'token'> {
  if (!self) {
    let pidns: string | null = null;
    try {
      pidns = readlinkSync('/proc/self/ns/pid');
    } catch {
      // Not Linux: the pid alone.
    }
    self = {
      pid: process.pid,
      host: process.getBuiltinModule('node:os').hostname(),
      boot: readText('/proc/sys/kernel/random/boot_id'),
      pidns,
      start: processStartTime('self'),
    };
  }
  return self;
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

const isOwner = (v: unknown): v is LockOwner => {
  const o = v as Partial<LockOwner> | null;
  return typeof o === 'object' && o !== null && Number.isInteger(o.pid) && (o.pid as number) > 0 && typeof o.host === 'string';
};

/** What is at the lock path: nothing, or a lock (file, or an older roadmap's folder) with its owner if recorded. */
export interface LockState {
  stat: Stats;
  owner: LockOwner | null;
  /** The lock file's text as read (null: a folder, or unreadable). */
  text: string | null;
}

/** The lock as it is now, or null when there is none. Never throws. */
export function readLock(stateFile: string): LockState | null {
  const lockPath = lockPathOf(stateFile);
  let stat: Stats;
  try {
    stat = statSync(lockPath);
  } catch {
    return null;
  }
  let owner: unknown = null;
  let text: string | null = null;
  try {
    // A FIFO or a device at the lock path is never read (it could block): a lock without a record.
    const record = stat.isDirectory() ? legacyOwnerPathOf(stateFile) : stat.isFile() ? lockPath : null;
    if (record && statSync(record).isFile()) {
      const read = readFileSync(record, 'utf8');
      if (record === lockPath) text = read;
      owner = JSON.parse(read);
    }
  } catch {
    // No record (yet): judged by its age.
  }
  const defaults = { boot: null, pidns: null, start: null, at: 0, token: '' };
  return { stat, text, owner: isOwner(owner) ? Object.assign(defaults, owner) : null };
}

/** `held`: a live owner, or one that may still be alive; otherwise why it is stale. */
export type LockVerdict = { kind: 'held'; owner: LockOwner | null } | ({ kind: 'stale' } & RecoveredLock);

/** Whether a lock holds. `firstSeenMs`: since when this process has watched this very lock (grace for locks it cannot date). */
export function judgeLock(
  lock: LockState,
  nowMs: number,
  watchedMs: number,
  options: Required<Omit<LockOptions, 'timeoutMs'>>,
): LockVerdict {
  const { owner, stat } = lock;
  const age = nowMs - stat.mtimeMs;
  // A modification time in the future (a clock stepped back) dates nothing: only watching it does.
  const aged = (bound: number) => (age >= 0 ? age >= bound : watchedMs >= options.ownerlessGraceMs);
  if (!owner) {
    return aged(options.ownerlessGraceMs) ? { kind: 'stale', reason: 'ownerless', pid: null, host: null } : { kind: 'held', owner: null };
  }
  const me = selfIdentity();
  const sameMachine = owner.host === me.host && (owner.pidns ?? me.pidns) === me.pidns;
  if (!sameMachine) {
    return aged(options.foreignStaleMs) ? { kind: 'stale', reason: 'expired', pid: owner.pid, host: owner.host } : { kind: 'held', owner };
  }
  const dead = { kind: 'stale', reason: 'dead', pid: owner.pid, host: owner.host } as const;
  if (owner.boot && me.boot && owner.boot !== me.boot) return dead;
  if (!processAlive(owner.pid)) return dead;
  if (owner.start && owner.pid !== me.pid) {
    const start = processStartTime(owner.pid);
    if (start && start !== owner.start) return dead;
  }
  return { kind: 'held', owner };
}

const DEFAULTS = { ownerlessGraceMs: OWNERLESS_GRACE_MS, foreignStaleMs: FOREIGN_STALE_MS };

/** `none`, `held` by a process that may be running, or `dead` (stale: the next write removes it). For `doctor`. Never throws. */
export function lockStatus(stateFile: string): { kind: 'none' } | LockVerdict {
  const lock = readLock(stateFile);
  if (!lock) return { kind: 'none' };
  try {
    return judgeLock(lock, Date.now(), 0, DEFAULTS);
  } catch {
    return { kind: 'held', owner: lock.owner };
  }
}

/**
 * Removes a stale lock. It is first renamed to a unique name (atomic, so two waiters never both remove
 * it) and only removed when the file moved is the very one judged stale; a newer lock moved by mistake is
 * linked back (a link never replaces a lock taken in between).
 */
function removeStaleLock(stateFile: string, judged: LockState): boolean {
  const lockPath = lockPathOf(stateFile);
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    // A folder where nothing can be changed: the write cannot happen either, say why at once.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw error;
    return false;
  }
  let moved: Stats | undefined;
  try {
    moved = statSync(aside);
  } catch {
    // Gone already.
  }
  // The same file: same inode, same modification time, same record (an inode number can be reused).
  const same =
    moved !== undefined &&
    moved.ino === judged.stat.ino &&
    moved.dev === judged.stat.dev &&
    moved.mtimeMs === judged.stat.mtimeMs &&
    (moved.isDirectory() || readOr(aside) === judged.text);
  try {
    if (!same && moved && !moved.isDirectory()) linkSync(aside, lockPath);
  } catch {
    // A new lock was taken meanwhile: that one stands.
  }
  try {
    if (moved?.isDirectory()) {
      if (same) removeFile(legacyOwnerPathOf(stateFile));
      rmdirSync(aside);
    } else unlinkSync(aside);
  } catch {
    // A leftover with a unique name: harmless.
  }
  return same;
}

/** A regular file's text (never a FIFO's: it could block), else null. */
const readOr = (file: string): string | null => {
  try {
    return statSync(file).isFile() ? readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
};

/** Creates the lock file with O_EXCL, the owner record in it; null when a lock exists. */
function tryCreate(lockPath: string): string | null {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    const owner: LockOwner = { ...selfIdentity(), at: Date.now(), token: Math.random().toString(36).slice(2, 12) };
    const text = JSON.stringify(owner);
    writeSync(fd, text);
    return text;
  } catch (error) {
    // A full disk: no lock without its record left behind.
    closeSync(fd);
    fd = -1;
    removeFile(lockPath);
    throw error;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the cross-process lock of the state file. A free lock is taken synchronously (no thread pool
 * started); a held one is polled until it is free, or until it proves stale (removed, and reported in
 * `recovered`), or until `timeoutMs` (LockTimeoutError naming the holder). Other errors (a read-only
 * folder) are thrown as they are. The lock reads the machine's real clock, never the Context's: it is
 * compared with file times and process start times, which `ROADMAP_NOW` does not move.
 */
export async function lockState(stateFile: string, options: LockOptions = {}): Promise<HeldLock> {
  const { timeoutMs = DEFAULT_LOCK_TIMEOUT_MS } = options;
  const judging = { ...DEFAULTS, ...options };
  const lockPath = lockPathOf(stateFile);
  const recovered: RecoveredLock[] = [];
  const started = Date.now();
  let watching: { ino: number; dev: number; since: number } | undefined;
  for (let attempt = 0; ; attempt++) {
    const mine = tryCreate(lockPath);
    if (mine) return heldLock(lockPath, mine, recovered);
    const lock = readLock(stateFile);
    if (!lock) continue;
    const now = Date.now();
    if (!watching || watching.ino !== lock.stat.ino || watching.dev !== lock.stat.dev) {
      watching = { ino: lock.stat.ino, dev: lock.stat.dev, since: now };
    }
    const verdict = judgeLock(lock, now, now - watching.since, judging);
    if (verdict.kind === 'stale' && removeStaleLock(stateFile, lock)) {
      recovered.push({ reason: verdict.reason, pid: verdict.pid, host: verdict.host });
      continue;
    }
    // A stale lock that could not be removed (a read-only folder) is waited for like a held one.
    if (now - started > timeoutMs) {
      const owner = verdict.kind === 'held' ? verdict.owner : null;
      throw new LockTimeoutError(owner?.pid ?? (verdict.kind === 'stale' ? verdict.pid : null), owner?.host ?? null);
    }
    await sleep(Math.min(50, 5 + attempt * 2) * (0.5 + Math.random()));
  }
}

function heldLock(lockPath: string, mine: string, recovered: RecoveredLock[]): HeldLock {
  // Our record, token included, is still the lock file's content.
  const stillHeld = () => readOr(lockPath) === mine;
  return {
    recovered,
    stillHeld,
    release() {
      try {
        if (stillHeld()) unlinkSync(lockPath);
      } catch {
        // Nothing left to undo: the next writer judges what is there.
      }
    },
  };
}
