import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Backup, compactStamp, listBackups } from './backups.js';
import { readStateFile, type StateIssue } from './inspect.js';
import { lockOwnerIsDead, lockPathOf, lockState } from './lock.js';
import { STATE_NAME, type StatePaths } from './paths.js';
import type { State } from './state.js';

/** A kept version of the state file, checked. */
export interface CheckedBackup extends Backup {
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
}

const countItems = (state: State) => Object.values(state.documents).reduce((n, doc) => n + Object.keys(doc.items).length, 0);

/** Looks at the state file, its backups, lock and leftovers. Reads only; never throws. */
export function diagnoseState(paths: StatePaths): StateDiagnosis {
  const reading = readStateFile(paths.stateFile);
  const state = reading.kind === 'bad' ? null : reading.state;
  const backups = listBackups(paths).map((backup): CheckedBackup => {
    const r = readStateFile(backup.file);
    return {
      ...backup,
      issue: r.kind === 'bad' ? r.issue : r.kind === 'missing' ? { kind: 'empty' } : null,
      items: r.kind === 'ok' ? countItems(r.state) : 0,
    };
  });
  let names: string[] = [];
  try {
    names = readdirSync(paths.home);
  } catch {
    // No folder yet: nothing around the file either.
  }
  const prefix = `${STATE_NAME}.json`;
  return {
    file: paths.stateFile,
    status: reading.kind,
    issue: reading.kind === 'bad' ? reading.issue : null,
    schemaVersion: state?.schemaVersion ?? null,
    documents: state ? Object.keys(state.documents).length : 0,
    items: state ? countItems(state) : 0,
    backups,
    lock: !existsSync(lockPathOf(paths.stateFile)) ? 'none' : lockOwnerIsDead(paths.stateFile) ? 'dead' : 'held',
    orphans: names.filter((n) => n.startsWith(`${prefix}.tmp-`)).map((n) => join(paths.home, n)),
    movedAside: names.filter((n) => n.startsWith(`${prefix}.corrupt-`)).map((n) => join(paths.home, n)),
  };
}

/** The newest backup that can be used, if any. */
export function newestGoodBackup(diagnosis: StateDiagnosis): CheckedBackup | null {
  return diagnosis.backups.find((b) => b.issue === null) ?? null;
}

export type RepairResult =
  | { kind: 'healthy' }
  | { kind: 'restored'; movedTo: string; backup: CheckedBackup }
  | { kind: 'emptied'; movedTo: string };

/**
 * Repairs an unusable state file, under the state lock: moves it aside to `state.json.corrupt-<time>`
 * (nothing is deleted) and puts the newest good backup in its place, or no file at all (empty
 * progress) when there is none. A usable or missing file is left as it is.
 */
export async function repairState(paths: StatePaths, now: Date): Promise<RepairResult> {
  mkdirSync(paths.home, { recursive: true });
  const held = await lockState(paths.stateFile);
  try {
    const diagnosis = diagnoseState(paths);
    if (diagnosis.status !== 'bad') return { kind: 'healthy' };
    let movedTo = `${paths.stateFile}.corrupt-${compactStamp(now)}`;
    for (let n = 2; existsSync(movedTo); n++) movedTo = `${paths.stateFile}.corrupt-${compactStamp(now)}-${n}`;
    renameSync(paths.stateFile, movedTo);
    const backup = newestGoodBackup(diagnosis);
    if (!backup) return { kind: 'emptied', movedTo };
    // Copied (the backup stays a backup), then renamed into place: never half a state file.
    const temp = join(paths.home, `.${basename(paths.stateFile)}.restore`);
    copyFileSync(backup.file, temp);
    renameSync(temp, paths.stateFile);
    return { kind: 'restored', movedTo, backup };
  } finally {
    await held.release();
  }
}
