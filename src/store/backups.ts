import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDir, writeFileAtomic } from '../io/atomic-write.js';
import { removeFile } from '../io/remove-file.js';
import type { StatePaths } from './paths.js';

/** How many good versions of the state file are kept. */
export const KEEP_BACKUPS = 10;

export const BACKUP_DIR = 'backups';

/** One kept version of the state file. */
export interface Backup {
  file: string;
  /** Rises with every backup: the newest has the highest. */
  seq: number;
  /** When it was replaced (from the file name, `20260301T090000Z`). */
  stamp: string;
}

const NAME = /^state-(\d{8}T\d{6}Z)-(\d+)\.json$/;

export const backupDirOf = (paths: StatePaths) => join(paths.home, BACKUP_DIR);

/** The kept versions, newest first. Never throws (no folder: none). */
export function listBackups(paths: StatePaths): Backup[] {
  const dir = backupDirOf(paths);
  try {
    return backupsIn(dir, readdirSync(dir));
  } catch {
    return [];
  }
}

/** The backups among the names of the backup folder `dir`, newest first. */
function backupsIn(dir: string, names: readonly string[]): Backup[] {
  const backups: Backup[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (match) backups.push({ file: join(dir, name), stamp: match[1] as string, seq: Number(match[2]) });
  }
  return backups.sort((a, b) => b.seq - a.seq);
}

/** `2026-03-01T09:00:00.000Z` → `20260301T090000Z`. */
export function compactStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Keeps the state file about to be replaced (`raw`, its bytes as read under the lock) as the newest
 * backup: a real, independent copy (never a link: a link to the live file, or to a symlink, would change
 * with it), written atomically (complete write, fsync, temporary file, rename) with the state file's
 * mode. Its folder is flushed by `syncBackupFolder` once the new state is in place, before the change is
 * acknowledged (one journal commit fewer than flushing it here, docs/performance.md). Nothing is removed
 * here: `rotateBackups` runs only once the new state is safely written, so a failed write never rotates
 * a good backup out. Returns the backup's path. Called under the state lock.
 */
export function writeBackup(paths: StatePaths, raw: Uint8Array, now: Date, mode?: number): string {
  const dir = backupDirOf(paths);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    mkdirSync(dir, { recursive: true });
    names = [];
  }
  const seq = (backupsIn(dir, names)[0]?.seq ?? 0) + 1;
  const file = join(dir, `state-${compactStamp(now)}-${String(seq).padStart(6, '0')}.json`);
  writeFileAtomic(file, raw, { fsyncFolder: false, ...(mode === undefined ? {} : { mode }) });
  return file;
}

/** Flushes the backup folder's entries (the newest backup's rename) to disk. */
export function syncBackupFolder(paths: StatePaths): void {
  fsyncDir(backupDirOf(paths));
}

/** Removes the oldest backups beyond `keep`, and leftovers of copies killed before their rename. Never throws. */
export function rotateBackups(paths: StatePaths, keep = KEEP_BACKUPS): void {
  const dir = backupDirOf(paths);
  try {
    const names = readdirSync(dir);
    for (const old of backupsIn(dir, names).slice(keep)) removeFile(old.file);
    for (const name of names) if (name.endsWith('.tmp')) removeFile(join(dir, name));
  } catch {
    // The state is written: an extra backup or a leftover is harmless, the next write tries again.
  }
}

/** A backup, then the rotation (the order of a successful write). */
export function keepBackup(paths: StatePaths, raw: Uint8Array, now: Date, keep = KEEP_BACKUPS): void {
  writeBackup(paths, raw, now);
  syncBackupFolder(paths);
  rotateBackups(paths, keep);
}
