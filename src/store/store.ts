import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { removeFile } from '../io/remove-file.js';
import type { Messages } from '../ui/messages.js';
import { keepBackup } from './backups.js';
import { readStateFile, type StateIssue } from './inspect.js';
import { LockTimeoutError, lockState } from './lock.js';
import { STATE_NAME, type StatePaths } from './paths.js';
import { detachSnapshots, readSnapshot, SNAPSHOTS_DIR, writeSnapshot } from './snapshots.js';
import type { DocumentState, KnownItem, State } from './state.js';

/**
 * The only code that touches the state file. Reads go straight to the file conf writes (same path,
 * same JSON), so read-only commands pay for neither conf's validator nor the lock. Writes take a
 * cross-process lock around read-modify-write, keep the replaced version as a backup, and let conf
 * write the file atomically (temporary file, fsync, rename).
 */
export class Store {
  constructor(
    readonly paths: StatePaths,
    private readonly t: Messages,
    /** The clock (names the backups). */
    private readonly now: () => Date,
  ) {}

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
   * returns a result; the state is then written atomically, the version it replaces kept as a backup.
   * A state file that cannot be read is never overwritten (the UserError propagates before anything
   * is written); a change that changes nothing writes nothing.
   */
  async update<T>(change: (state: State) => T): Promise<T> {
    const { home, stateFile } = this.paths;
    this.lastRead = undefined;
    try {
      mkdirSync(home, { recursive: true });
    } catch (error) {
      throw this.writeError(error);
    }
    let held: Awaited<ReturnType<typeof lockState>>;
    try {
      held = await lockState(stateFile);
    } catch (error) {
      if (error instanceof LockTimeoutError) throw new UserError(this.t.errors.stateLocked(stateFile, error.ownerPid));
      throw this.writeError(error);
    }
    try {
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
      try {
        removeOrphans(home);
        for (const [docId, known] of snapshots) writeSnapshot(home, docId, known);
        if (same) return result;
        if (reading.kind === 'ok') keepBackup(this.paths, reading.raw, this.now());
        const { Conf } = await import('./write-deps.js');
        const conf = new Conf<Record<string, unknown>>({
          projectName: 'roadmap',
          projectSuffix: '',
          cwd: home,
          configName: STATE_NAME,
          clearInvalidConfig: false,
          // conf is only the atomic writer here: `read` has just read and checked the file under the lock.
          // Without this, conf's constructor and its `store` setter each parse the file again and
          // deep-compare it with its defaults (two parses and a deep compare of a state with snapshots).
          deserialize: () => ({}),
        });
        conf.store = state as unknown as Record<string, unknown>;
      } catch (error) {
        throw this.writeError(error);
      }
      return result;
    } finally {
      this.lastRead = undefined;
      await held.release();
    }
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
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? this.t.errors.permissionDenied
        : code === 'ENOSPC'
          ? this.t.errors.diskFull
          : code === 'EEXIST' || code === 'ENOTDIR'
            ? this.t.errors.notAFolder(this.paths.home)
            : String(code ?? (error instanceof Error ? error.message : error));
    return new UserError(this.t.errors.stateUnwritable(this.paths.stateFile, reason));
  }
}

/** Temporary files of writes (state, snapshots) killed before their rename (called under the lock: no live write owns them). */
function removeOrphans(home: string): void {
  for (const name of readdirSync(home)) {
    if (name.startsWith(`${STATE_NAME}.json.tmp-`)) removeFile(join(home, name));
    if (name === SNAPSHOTS_DIR)
      for (const temp of readdirSync(join(home, name))) if (temp.endsWith('.tmp')) removeFile(join(home, name, temp));
  }
}
