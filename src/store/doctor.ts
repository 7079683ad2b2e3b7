import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncDir, writeFileAtomic, writeTarget } from '../io/atomic-write.js';
import { removeFile } from '../io/remove-file.js';
import type { State } from '../progress/state.js';
import type { CheckedBackup, HistoryFinding, RepairResult, StateDiagnosis } from '../progress/state-diagnosis.js';
import { compactStamp, listBackups } from './backups.js';
import { type HistoryReading, historyFileOf, readHistory } from './history.js';
import { readStateFile, type StateIssue } from './inspect.js';
import { lockState, lockStatus } from './lock.js';
import { STATE_NAME, type StatePaths } from './paths.js';
import { isStateTemp } from './store.js';
import { testPoint } from './test-hooks.js';

export type { CheckedBackup, HistoryFinding, StateDiagnosis };

/** The history files of a readable state that have something to say. Reads only. */
function historyFindings(paths: StatePaths, state: State | null): HistoryFinding[] {
  const findings: HistoryFinding[] = [];
  for (const [docId, doc] of Object.entries(state?.documents ?? {})) {
    const committed = doc.historyBytes ?? 0;
    const file = historyFileOf(paths.home, docId);
    let reading: HistoryReading;
    if (committed > 0) reading = readHistory(paths.home, docId, committed);
    else {
      // Nothing committed: a file there holds only lines of writes that were never acknowledged.
      let size = 0;
      try {
        size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      } catch {
        // Not reachable: nothing to say about it here.
      }
      reading = { entries: [], badLines: 0, tail: size, missing: 0, foreign: false };
    }
    const { tail, badLines, missing, foreign } = reading;
    if (tail || badLines || missing || foreign) findings.push({ docId, file, tail, badLines, missing, foreign });
  }
  return findings;
}

function lockKind(stateFile: string): StateDiagnosis['lock'] {
  const status = lockStatus(stateFile);
  return status.kind === 'none' ? 'none' : status.kind === 'held' ? 'held' : 'dead';
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
    lock: lockKind(paths.stateFile),
    orphans: names.filter(isStateTemp).map((n) => join(paths.home, n)),
    movedAside: names.filter((n) => n.startsWith(`${prefix}.corrupt-`)).map((n) => join(paths.home, n)),
    history: historyFindings(paths, state),
  };
}

/** The newest backup that can be used, if any. */
export function newestGoodBackup(diagnosis: StateDiagnosis): CheckedBackup | null {
  return diagnosis.backups.find((b) => b.issue === null) ?? null;
}

export type { RepairResult };

/** `doctor --repair` refused: the file cannot be read (permission), which is no corruption. */
export class RepairRefused extends Error {
  constructor(readonly issue: StateIssue) {
    super(`the state file cannot be read (${issue.kind}): not repaired`);
    this.name = 'RepairRefused';
  }
}

/**
 * Repairs an unusable state file, under the state lock, as safely as a write: the bad file is kept
 * (`state.json.corrupt-<time>`, a hard link to it or a copy: nothing is deleted), then the newest good
 * backup is written to a temporary file and renamed over it, so at every moment `state.json` is the bad
 * file or the restored one, never missing. With no good backup the bad file is moved aside (progress
 * starts empty). A folder, a device or a FIFO in its place is moved aside with a rename (the backup
 * prepared first). A usable or missing file is left as it is; a file that cannot be read for lack of
 * permission is not corrupt: RepairRefused, nothing touched. A symlinked state is restored through the link.
 */
export async function repairState(paths: StatePaths, now: Date): Promise<RepairResult> {
  mkdirSync(paths.home, { recursive: true });
  const held = await lockState(paths.stateFile);
  try {
    const diagnosis = diagnoseState(paths);
    if (diagnosis.status !== 'bad' || !diagnosis.issue) return { kind: 'healthy' };
    if (diagnosis.issue.kind === 'permission' || diagnosis.issue.kind === 'notFolder') throw new RepairRefused(diagnosis.issue);
    let movedTo = `${paths.stateFile}.corrupt-${compactStamp(now)}`;
    for (let n = 2; existsSync(movedTo); n++) movedTo = `${paths.stateFile}.corrupt-${compactStamp(now)}-${n}`;
    const target = writeTarget(paths.stateFile);
    const backup = newestGoodBackup(diagnosis);
    const good = backup ? readFileSync(backup.file) : undefined;
    if (!statSync(target).isFile()) {
      // A folder or a special file: renamed aside, the restored file (already complete on disk) renamed in.
      const temp = join(dirname(target), `.${basename(target)}.restore-${process.pid}.tmp`);
      if (good) writeFileAtomic(temp, good);
      renameSync(target, movedTo);
      testPoint('repair:aside');
      if (good) renameSync(temp, target);
      fsyncDir(dirname(target));
      return good && backup ? { kind: 'restored', movedTo, backup } : { kind: 'emptied', movedTo };
    }
    keepAside(target, movedTo);
    testPoint('repair:aside');
    if (!good || !backup) {
      unlinkSync(target);
      fsyncDir(dirname(target));
      return { kind: 'emptied', movedTo };
    }
    try {
      writeFileAtomic(target, good);
    } catch (error) {
      // Nothing repaired: the bad file stays where it was, and its copy aside goes.
      removeFile(movedTo);
      throw error;
    }
    testPoint('repair:restored');
    return { kind: 'restored', movedTo, backup };
  } finally {
    held.release();
  }
}

/** Keeps the bad file's bytes at `movedTo`: a hard link (no space needed), else a complete, fsynced copy. */
function keepAside(file: string, movedTo: string): void {
  try {
    linkSync(file, movedTo);
    fsyncDir(dirname(movedTo));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    writeFileAtomic(movedTo, readFileSync(file));
  }
}
