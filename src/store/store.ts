import { readdirSync, readFileSync, renameSync, type Stats, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { fsyncDir, writeFileAtomic, writeTarget } from '../io/atomic-write.js';
import { removeFile } from '../io/remove-file.js';
import { markSaved } from '../io/saved.js';
import type { DocumentState, KnownItem, State } from '../progress/state.js';
import { makeFolders } from '../roadmap/make-folders.js';
import type { Messages } from '../ui/messages.js';
import { rotateBackups, syncBackupFolder, writeBackup } from './backups.js';
import { parseStateText, readStateFile, type StateIssue, type StateReading } from './inspect.js';
import { type HeldLock, LockTimeoutError, lockState } from './lock.js';
import { STATE_NAME, type StatePaths } from './paths.js';
import { detachSnapshots, readSnapshot, SNAPSHOTS_DIR, writeSnapshot } from './snapshots.js';
import { testPoint } from './test-hooks.js';
import { wrongEntry } from './wrong-entry.js';

/** Writes the state file's text (conf by default; a fault is injected here in tests). */
export type StateWriter = (home: string, text: string, state: State, mode: number) => Promise<void>;

export interface StoreIO {
  /** Where a one-line notice goes (a stale lock removed): stderr. */
  warn?: (line: string) => void;
  writeState?: StateWriter;
}

/** conf, as the atomic writer of the state file (temporary file, fsync, rename; through a symlink). */
const confWriter: StateWriter = async (home, _text, state, mode) => {
  const { Conf } = await import('./write-deps.js');
  const conf = new Conf<Record<string, unknown>>({
    projectName: 'roadmap',
    projectSuffix: '',
    cwd: home,
    configName: STATE_NAME,
    clearInvalidConfig: false,
    // The state file's own mode is kept (conf would write 0o666 less the umask: a 600 file would widen).
    configFileMode: mode,
    // conf is only the atomic writer here: `update` has just read and checked the file under the lock.
    // Without this, conf's constructor and its `store` setter each parse the file again and
    // deep-compare it with its defaults (two parses and a deep compare of a state with snapshots).
    deserialize: () => ({}),
  });
  conf.store = state as unknown as Record<string, unknown>;
};

/** Blocks a file of `bytes` takes, plus one for its metadata. */
const blocksOf = (bytes: number, blockSize: number) => (Math.ceil(bytes / blockSize) + 1) * blockSize;

/**
 * Throws ENOSPC before anything is written when the file system of `dir` has less free space than the
 * files about to be written there. A file system that does not say (0 blocks) is trusted; the read-back
 * of the written file catches what this cannot (quotas).
 */
function checkFreeSpace(dir: string, sizes: readonly number[]): void {
  let fs: ReturnType<typeof statfsSync>;
  try {
    fs = statfsSync(dir);
  } catch {
    return;
  }
  if (fs.blocks <= 0 || fs.bsize <= 0) return;
  const need = sizes.reduce((sum, size) => sum + blocksOf(size, fs.bsize), 0);
  if (fs.bavail * fs.bsize < need) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
}

/** The file at `file` is still the one `reading` read (or still absent). */
function sameFile(file: string, reading: StateReading): boolean {
  let now: Stats | undefined;
  try {
    now = statSync(file, { throwIfNoEntry: false });
  } catch {
    return false;
  }
  if (reading.kind !== 'ok') return now === undefined;
  const then = reading.stat;
  return (
    now !== undefined &&
    now.ino === then.ino &&
    now.dev === then.dev &&
    now.size === then.size &&
    now.mtimeMs === then.mtimeMs &&
    now.ctimeMs === then.ctimeMs
  );
}

/** The words for an error of the file system, with what the user can do. */
export function fileErrorReason(error: unknown, t: Messages, home: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return t.errors.permissionDenied;
    case 'EROFS':
      return t.errors.readOnly;
    case 'ENOSPC':
      return t.errors.diskFull;
    case 'EDQUOT':
      return t.errors.quotaFull;
    case 'EEXIST':
    case 'ENOTDIR': {
      // The home (or a folder above it) is a file: check the variables; a file inside it: move it aside.
      const entry = wrongEntry(error, home);
      return entry.startsWith(`${home}/`) ? t.errors.entryNotAFolder(entry) : t.errors.notAFolder(entry);
    }

    case 'ENOTREG':
      return t.errors.stateReason({ kind: 'special' });
    default:
      return String(code ?? (error instanceof Error ? error.message : error));
  }
}

/**
 * The only code that touches the state file. Reads go straight to the file conf writes (same path,
 * same JSON), so read-only commands pay for neither conf's validator nor the lock. Writes take a
 * cross-process lock around read-modify-write, keep the replaced version as a backup, let conf write
 * the file atomically (temporary file, fsync, rename), and read it back before saying it is written.
 */
export class Store {
  private readonly warn: (line: string) => void;
  private readonly writeState: StateWriter;

  constructor(
    readonly paths: StatePaths,
    private readonly t: Messages,
    /** The clock (names the backups). */
    private readonly now: () => Date,
    io: StoreIO = {},
  ) {
    this.warn = io.warn ?? (() => {});
    this.writeState = io.writeState ?? confWriter;
  }

  /** The state as last read by `read` (until the next `update`): a command reads it two or three times. */
  private lastRead: State | undefined;

  /**
   * The current state; an empty one when no file exists yet. Throws a UserError when the file cannot be
   * used. Read once per command and kept until `update` (a state with the snapshot of a large document
   * is costly to read and check): callers treat it as read-only.
   */
  read(): State {
    if (this.lastRead) return this.lastRead;
    const reading = readStateFile(this.paths.stateFile);
    if (reading.kind === 'bad') throw this.unreadable(reading.issue);
    this.lastRead = reading.state;
    return reading.state;
  }

  /**
   * Read-modify-write under a cross-process lock: `change` gets the freshly read state, mutates it and
   * returns a result; the state is then written, and only acknowledged (the promise resolves) once its
   * complete bytes are on disk and read back. A state file that cannot be read is never overwritten (the
   * UserError propagates before anything is written); a change that changes nothing writes nothing.
   *
   * The write, in order: free space checked (ENOSPC before anything is written); the snapshots; a copy
   * of the version replaced as the newest backup; the state still the one read under the lock and the
   * lock still ours (compare-before-rename: otherwise nothing is written, UserError); conf's atomic write;
   * the file read back (a short or unreadable result is put right at once from the backup just taken, and
   * is a UserError); the folder fsynced. Only then are old backups rotated out, so a failed attempt never
   * costs a good backup. Once the state is written, nothing else can turn the command into a failure.
   */
  async update<T>(change: (state: State) => T): Promise<T> {
    const { home, stateFile } = this.paths;
    this.lastRead = undefined;
    try {
      // In bounded steps: a recursive mkdir loops forever under /proc (ROADMAP_HOME=/proc/x).
      makeFolders(home);
    } catch (error) {
      // ENOENT here: a folder on the way cannot hold folders (ROADMAP_HOME=/proc/x).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new UserError(this.t.errors.stateUnwritable(stateFile, this.t.errors.folderNotCreatable));
      }
      throw this.writeError(error);
    }
    let held: HeldLock;
    try {
      held = await lockState(stateFile);
    } catch (error) {
      if (error instanceof LockTimeoutError) throw new UserError(this.t.errors.stateLocked(stateFile, error.ownerPid, error.ownerHost));
      throw this.writeError(error);
    }
    for (const r of held.recovered) this.warn(`${this.t.errors.prefix} ${this.t.errors.lockRecovered(stateFile, r.reason, r.pid, r.host)}`);
    try {
      testPoint('write:locked');
      const reading = readStateFile(stateFile);
      if (reading.kind === 'bad') throw this.unreadable(reading.issue);
      const { state } = reading;
      const result = change(state);
      // Document snapshots go to their own files (written first: a state naming a snapshot never precedes it).
      const snapshots = detachSnapshots(state);
      // conf's own serialisation: the same bytes mean nothing to write.
      const text = JSON.stringify(state, undefined, '\t');
      const same = reading.kind === 'ok' && reading.raw.toString('utf8') === text;
      if (same && snapshots.length === 0) return result;
      let target = stateFile;
      let backup: string | undefined;
      try {
        removeOrphans(home);
        if (!same) {
          // A symlinked state file is written through: its target's folder holds the new file.
          target = writeTarget(stateFile);
          const oldSize = reading.kind === 'ok' ? reading.raw.length : 0;
          const newSize = Buffer.byteLength(text);
          if (dirname(target) === home) checkFreeSpace(home, [oldSize, newSize]);
          else {
            checkFreeSpace(home, [oldSize]);
            checkFreeSpace(dirname(target), [newSize]);
          }
        }
        for (const [docId, known] of snapshots) writeSnapshot(home, docId, known);
        if (same) return result;
        const mode = reading.kind === 'ok' ? reading.stat.mode & 0o7777 : 0o666;
        if (reading.kind === 'ok') backup = writeBackup(this.paths, reading.raw, this.now(), mode);
        testPoint('write:backup');
        if (!held.stillHeld() || !sameFile(target, reading)) {
          if (backup) removeFile(backup);
          throw new UserError(this.t.errors.stateChanged(stateFile));
        }
        let failure: unknown;
        try {
          await this.writeState(home, text, state, mode);
        } catch (error) {
          failure = error;
        }
        testPoint('write:written');
        this.verify(target, text, reading, backup, failure);
        fsyncDir(dirname(target));
        if (backup) syncBackupFolder(this.paths);
        markSaved();
      } catch (error) {
        throw this.writeError(error);
      }
      // Written and durable: what follows never fails the command.
      rotateBackups(this.paths);
      return result;
    } finally {
      this.lastRead = undefined;
      held.release();
    }
  }

  /**
   * Reads the state file back after a write. Its exact bytes: done. The old file still in place (the
   * write failed before its rename): the backup of this attempt is removed and the error thrown. Another
   * valid state: written by another process (UserError). Anything else (short, unreadable): the version
   * replaced is put back from the backup just taken (or the file removed when there was none), UserError.
   */
  private verify(target: string, text: string, reading: StateReading, backup: string | undefined, failure: unknown): void {
    let back: Buffer | undefined;
    try {
      back = readFileSync(target);
    } catch {
      // Missing or unreadable: not what was written.
    }
    if (back && back.length === Buffer.byteLength(text) && back.toString('utf8') === text) return;
    if (sameFile(target, reading)) {
      if (backup) removeFile(backup);
      throw failure ?? new UserError(this.t.errors.stateUnwritable(this.paths.stateFile, this.t.errors.notVerified));
    }
    if (back && !('issue' in parseStateText(back.toString('utf8')))) throw new UserError(this.t.errors.stateChanged(this.paths.stateFile));
    if (reading.kind === 'ok' && backup) {
      try {
        renameSync(backup, target);
        fsyncDir(dirname(target));
      } catch {
        writeFileAtomic(target, reading.raw, { mode: reading.stat.mode & 0o7777 });
      }
    } else if (reading.kind === 'missing') removeFile(target);
    const reason = failure ? fileErrorReason(failure, this.t, this.paths.home) : this.t.errors.notVerified;
    throw new UserError(this.t.errors.stateUnwritable(this.paths.stateFile, reason));
  }

  /**
   * A document's snapshot (its items when last seen): from its own file, or from the state itself when
   * the state file was written before snapshots moved out (the next write moves it).
   */
  snapshot(docId: string, doc: DocumentState | undefined): Record<string, KnownItem> | undefined {
    return doc?.known ?? readSnapshot(this.paths.home, docId);
  }

  private unreadable(issue: StateIssue): UserError {
    const file = this.paths.stateFile;
    if (issue.kind === 'newer') return new UserError(this.t.errors.stateNewer(file, issue.version));
    return new UserError(this.t.errors.stateUnreadable(file, this.t.errors.stateReason(issue)));
  }

  private writeError(error: unknown): UserError {
    if (error instanceof UserError) return error;
    return new UserError(this.t.errors.stateUnwritable(this.paths.stateFile, fileErrorReason(error, this.t, this.paths.home)));
  }
}

/** A temporary file of a state write: conf's (`state.json.tmp-…`), or writeFileAtomic's (`.state.json.….tmp`, a restore). */
export const isStateTemp = (name: string) =>
  name.startsWith(`${STATE_NAME}.json.tmp-`) || (name.startsWith(`.${STATE_NAME}.json.`) && name.endsWith('.tmp'));

/** Temporary files of writes (state, snapshots) killed before their rename (called under the lock: no live write owns them). */
function removeOrphans(home: string): void {
  for (const name of readdirSync(home)) {
    if (isStateTemp(name)) removeFile(join(home, name));
    if (name === SNAPSHOTS_DIR)
      for (const temp of readdirSync(join(home, name))) if (temp.endsWith('.tmp')) removeFile(join(home, name, temp));
  }
}
