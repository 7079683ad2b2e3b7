import { linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * backup, and removes the oldest beyond `keep`. Called under the state lock.
 *
 * The backup is a hard link to the state file: conf replaces that file by renaming a new one over it,
 * so the link keeps the replaced version as it was, for one `link` instead of a copy to write and
 * rename. Where there is no file to link or the file system has no hard links,
 * `raw` is written to a temporary name, then renamed: a crash never leaves half a backup under a
 * backup's name.
 */
export function keepBackup(paths: StatePaths, raw: Uint8Array, now: Date, keep = KEEP_BACKUPS): void {
  const dir = backupDirOf(paths);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    mkdirSync(dir, { recursive: true });
    names = [];
  }
  const existing = backupsIn(dir, names);
  const seq = (existing[0]?.seq ?? 0) + 1;
  const file = join(dir, `state-${compactStamp(now)}-${String(seq).padStart(6, '0')}.json`);
  try {
    linkSync(paths.stateFile, file);
  } catch {
    const temp = `${file}.tmp`;
    writeFileSync(temp, raw);
    renameSync(temp, file);
  }
  for (const old of existing.slice(keep - 1)) removeFile(old.file);
  // Leftovers of a run killed between writing a copy and renaming it.
  for (const name of names) if (name.endsWith('.tmp')) removeFile(join(dir, name));
}
