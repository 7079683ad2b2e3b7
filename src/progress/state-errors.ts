import { UserError } from '../errors.js';

// What can go wrong with the recorded state (the progress file), as data: store/ throws these,
// ui/error-words.ts words them in the user's language (store/ and ui/ ignore each other).

/** Why a state file cannot be used. */
export type StateIssue =
  | { kind: 'directory' }
  /** A device, a FIFO or a socket: never read (it could block or never end). */
  | { kind: 'special' }
  | { kind: 'permission' }
  | { kind: 'notFolder' }
  | { kind: 'io'; code: string }
  | { kind: 'empty' }
  | { kind: 'truncated' }
  | { kind: 'json'; detail: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'newer'; version: number };

/** Why the file system refused a write, with what the user can do (see `fileFailureOf` in store/store.ts). */
export type FileFailure =
  | { kind: 'permissionDenied' }
  | { kind: 'readOnly' }
  | { kind: 'diskFull' }
  | { kind: 'quotaFull' }
  /** A file inside roadmap's home where it keeps a folder. */
  | { kind: 'entryNotAFolder'; entry: string }
  /** The home, or a folder above it, is a file. */
  | { kind: 'notAFolder'; entry: string }
  | { kind: 'special' }
  | { kind: 'folderNotCreatable' }
  /** The file written could not be read back complete; the previous version was put back. */
  | { kind: 'notVerified' }
  /** Anything else: the error's code (or message). */
  | { kind: 'other'; code: string };

/** What went wrong with the state file. */
export type StateProblem =
  | { kind: 'unreadable'; issue: StateIssue }
  | { kind: 'unwritable'; failure: FileFailure }
  | { kind: 'locked'; pid: number | null; host?: string | null }
  /** Changed by another process while this one held the lock: nothing written. */
  | { kind: 'changed' };

/** The state file cannot be read or written: nothing was changed. */
export class StateError extends UserError {
  constructor(
    readonly file: string,
    readonly problem: StateProblem,
  ) {
    super(`progress file ${file}: ${problem.kind}`);
    this.name = 'StateError';
  }
}

/** A stale lock on the state file that a write removed before taking its own (shown as a one-line notice). */
export interface LockRecovery {
  file: string;
  reason: 'dead' | 'ownerless' | 'expired';
  pid: number | null;
  host: string | null;
}
