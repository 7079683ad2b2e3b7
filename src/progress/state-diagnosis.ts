import type { StateIssue } from './state-errors.js';

// What `roadmap doctor` finds about the state file, as data: store/doctor.ts computes it, ui/ renders it.

/** A kept version of the state file, checked. */
export interface CheckedBackup {
  file: string;
  /** Rises with every backup: the newest has the highest. */
  seq: number;
  /** When it was replaced (from the file name, `20260301T090000Z`). */
  stamp: string;
  issue: StateIssue | null;
  items: number;
}

/** Everything `roadmap doctor` knows about the state file and what surrounds it. */
export interface StateDiagnosis {
  file: string;
  /** missing: no progress recorded yet (not a problem). */
  status: 'ok' | 'missing' | 'bad';
  issue: StateIssue | null;
  schemaVersion: number | null;
  documents: number;
  items: number;
  /** Newest first. */
  backups: CheckedBackup[];
  /** The lock folder exists: held by a running roadmap, or left by a killed one (`dead`). */
  lock: 'none' | 'held' | 'dead';
  /** Temporary files of writes that were killed before their rename. */
  orphans: string[];
  /** Bad files moved aside by earlier repairs. */
  movedAside: string[];
  /** History files with something to say (a torn or unacknowledged tail, bad lines, lost bytes, another document's). */
  history: HistoryFinding[];
}

/** What is wrong with one document's history file. */
export interface HistoryFinding {
  docId: string;
  file: string;
  tail: number;
  badLines: number;
  missing: number;
  foreign: boolean;
}

/** What `doctor --repair` did. */
export type RepairResult =
  | { kind: 'healthy' }
  | { kind: 'restored'; movedTo: string; backup: CheckedBackup }
  | { kind: 'emptied'; movedTo: string };
