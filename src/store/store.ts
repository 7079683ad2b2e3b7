import { readdirSync, readFileSync, renameSync, type Stats, statfsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { fsyncDir, writeFileAtomic, writeTarget } from '../io/atomic-write.js';
import { makeFolders } from '../io/make-folders.js';
import { removeFile } from '../io/remove-file.js';
import { markSaved } from '../io/saved.js';
import { type DocumentState, documentState, type KnownItem, type LogEntry, type State } from '../progress/state.js';
import { type FileFailure, type LockRecovery, StateError, type StateIssue } from '../progress/state-errors.js';
import { rotateBackups, syncBackupFolder, writeBackup } from './backups.js';
import { appendHistory, appendSize, detachHistory, documentHistory } from './history.js';
import { parseStateText, readStateFile, type StateReading } from './inspect.js';
import { type HeldLock, LockTimeoutError, lockState } from './lock.js';
import { STATE_NAME, type StatePaths } from './paths.js';
import { detachSnapshots, readSnapshot, SNAPSHOTS_DIR, writeSnapshot } from './snapshots.js';
import { testPoint } from './test-hooks.js';
import { wrongEntry } from './wrong-entry.js';

/** Writes the state file's text (conf by default; a fault is injected here in tests). */
export type StateWriter = (home: string, text: string, state: State, mode: number) => Promise<void>;

export interface StoreIO {
  /** Told of each stale lock a write removed (the context shows a one-line notice on stderr). */
  warn?: (notice: LockRecovery) => void;
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

/** What an error of the file system means for the user (ui/error-words.ts words it, with what the user can do). */
export function fileFailureOf(error: unknown, home: string): FileFailure {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { kind: 'permissionDenied' };
    case 'EROFS':
      return { kind: 'readOnly' };
    case 'ENOSPC':
      return { kind: 'diskFull' };
    case 'EDQUOT':
      return { kind: 'quotaFull' };
    case 'EEXIST':
    case 'ENOTDIR': {
      // The home (or a folder above it) is a file: check the variables; a file inside it: move it aside.
      const entry = wrongEntry(error, home);
      return entry.startsWith(`${home}/`) ? { kind: 'entryNotAFolder', entry } : { kind: 'notAFolder', entry };
    }

    case 'ENOTREG':
      return { kind: 'special' };
    default:
      return { kind: 'other', code: String(code ?? (error instanceof Error ? error.message : error)) };
  }
}

/**
 * The only code that touches the state file. Reads go straight to the file conf writes (same path,
 * same JSON), so read-only commands pay for neither conf's validator nor the lock. Writes take a
 * cross-process lock around read-modify-write, keep the replaced version as a backup, let conf write
 * the file atomically (temporary file, fsync, rename), and read it back before saying it is written.
 */
export class Store {
  private readonly warn: (notice: LockRecovery) => void;
  private readonly writeState: StateWriter;

  constructor(
    readonly paths: StatePaths,
    /** The clock (names the backups). */
    private readonly now: () => Date,
    io: StoreIO = {},
  ) {
    this.warn = io.warn ?? (() => {});
    this.writeState = io.writeState ?? confWriter;
  }

  /** The state as last read by `read` (until the next `update`): a command reads it two or three times. */
  private lastRead: State | undefined;

  /** Set by `readOnly`: `update` changes a copy in memory, never the files. */
  private inMemory = false;

  /**
   * For the commands that only read (status, list, next, info, log, plan, export, doctor without a
   * repair): from now on `update` applies its change to a copy of the state kept in memory, which `read`
   * then returns, and writes nothing — no state, no snapshot, no backup. What such a run works out (a
   * document's edits followed, ticks written in the document) is shown from memory and recorded by the
   * next command that writes, which works it out again (see docs/data-safety.md).
   */
  readOnly(): void {
    this.inMemory = true;
  }

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
    if (this.inMemory) {
      const copy = structuredClone(this.read());
      const result = change(copy);
      this.lastRead = copy;
      return result;
    }
    const { home, stateFile } = this.paths;
    this.lastRead = undefined;
    try {
      // In bounded steps: a recursive mkdir loops forever under /proc (ROADMAP_HOME=/proc/x).
      makeFolders(home);
    } catch (error) {
      // ENOENT here: a folder on the way cannot hold folders (ROADMAP_HOME=/proc/x).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StateError(stateFile, { kind: 'unwritable', failure: { kind: 'folderNotCreatable' } });
      }
      throw this.writeError(error);
    }
    let held: HeldLock;
    try {
      held = await lockState(stateFile);
    } catch (error) {
      if (error instanceof LockTimeoutError)
        throw new StateError(stateFile, { kind: 'locked', pid: error.ownerPid, host: error.ownerHost });
      throw this.writeError(error);
    }
    for (const r of held.recovered) this.warn({ file: stateFile, reason: r.reason, pid: r.pid, host: r.host });
    try {
      testPoint('write:locked');
      const reading = readStateFile(stateFile);
      if (reading.kind === 'bad') throw this.unreadable(reading.issue);
      const { state } = reading;
      // A state written before the history moved out holds it: moved out by a write that changes something.
      const legacy = Object.values(state.documents).some((doc) => doc.log?.length);
      const result = change(state);
      // Document snapshots go to their own files (written first: a state naming a snapshot never precedes it).
      const snapshots = detachSnapshots(state);
      if (legacy && snapshots.length === 0 && reading.kind === 'ok' && !Object.values(state.documents).some((doc) => doc.logMoves)) {
        if (reading.raw.toString('utf8') === JSON.stringify(state, undefined, '\t')) return result;
      }
      // The history a change added is appended to its own files, not written with the state.
      const history = detachHistory(state);
      // conf's own serialisation: the same bytes mean nothing to write.
      let text = JSON.stringify(state, undefined, '\t');
      const same = history.length === 0 && reading.kind === 'ok' && reading.raw.toString('utf8') === text;
      if (same && snapshots.length === 0) return result;
      let target = stateFile;
      let backup: string | undefined;
      try {
        removeOrphans(home);
        if (!same) {
          // A symlinked state file is written through: its target's folder holds the new file.
          target = writeTarget(stateFile);
          const oldSize = reading.kind === 'ok' ? reading.raw.length : 0;
          // The committed lengths the new state will name take a few more digits at most.
          const newSize = Buffer.byteLength(text) + history.length * 16;
          const historySizes = history.map(appendSize);
          if (dirname(target) === home) checkFreeSpace(home, [oldSize, newSize, ...historySizes]);
          else {
            checkFreeSpace(home, [oldSize, ...historySizes]);
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
          throw new StateError(stateFile, { kind: 'changed' });
        }
        if (history.length) {
          // Complete and fsynced before the state that names them: a write killed in between leaves
          // lines past the committed length, never read, dropped by the next append.
          for (const append of history) appendHistory(home, append, mode);
          text = JSON.stringify(state, undefined, '\t');
          testPoint('write:history');
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
      throw failure ?? new StateError(this.paths.stateFile, { kind: 'unwritable', failure: { kind: 'notVerified' } });
    }
    if (back && !('issue' in parseStateText(back.toString('utf8')))) throw new StateError(this.paths.stateFile, { kind: 'changed' });
    if (reading.kind === 'ok' && backup) {
      try {
        renameSync(backup, target);
        fsyncDir(dirname(target));
      } catch {
        writeFileAtomic(target, reading.raw, { mode: reading.stat.mode & 0o7777 });
      }
    } else if (reading.kind === 'missing') removeFile(target);
    const reason: FileFailure = failure ? fileFailureOf(failure, this.paths.home) : { kind: 'notVerified' };
    throw new StateError(this.paths.stateFile, { kind: 'unwritable', failure: reason });
  }

  /**
   * A document's whole history, oldest first as written (its file's committed part, then what a state
   * written before the history moved out still holds), for the views that show it. `state`: the one read
   * by `read` unless given (inside `update`, the state read under the lock).
   */
  history(docId: string, state: State = this.read()): LogEntry[] {
    return documentHistory(this.paths.home, docId, documentState(state, docId));
  }

  /**
   * A document's snapshot (its items when last seen): from its own file, or from the state itself when
   * the state file was written before snapshots moved out (the next write moves it).
   */
  snapshot(docId: string, doc: DocumentState | undefined): Record<string, KnownItem> | undefined {
    return doc?.known ?? readSnapshot(this.paths.home, docId);
  }

  private unreadable(issue: StateIssue): UserError {
    return new StateError(this.paths.stateFile, { kind: 'unreadable', issue });
  }

  private writeError(error: unknown): UserError {
    if (error instanceof UserError) return error;
    return new StateError(this.paths.stateFile, { kind: 'unwritable', failure: fileFailureOf(error, this.paths.home) });
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
