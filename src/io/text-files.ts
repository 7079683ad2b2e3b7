import { lstatSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { DocumentError } from '../roadmap/errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { ExportError, type ExportReason } from './errors.js';
import { readDocument } from './load-roadmap.js';

const reasonOf = (error: unknown): ExportReason => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'noFolder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission';
  if (code === 'EROFS') return 'readOnly';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'EISDIR') return 'directory';
  return { code: String(code ?? error) };
};
const cannotWrite = (path: string, reason: ExportReason) => new ExportError(path, { kind: 'cannotWrite', reason });

/**
 * Reads a UTF-8 text file the user named (an import), as a document is read: a regular file of at most
 * the document size limit (devices and named pipes refused); a DocumentError otherwise.
 */
export function readTextFile(path: string, cwd: string): string {
  const full = resolve(cwd, path);
  const bytes = readDocument(full);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentError(full, { kind: 'notUtf8' });
  }
}

/** What an export must never overwrite. */
export interface ExportGuard {
  /** roadmap's own folders (the state folder, the cache): nothing inside them is an export's to write. */
  folders: readonly string[];
  /** Documents roadmap reads (the current one, the bundled one, every one with recorded progress). */
  documents: readonly string[];
}

/** A path with its symbolic links resolved as far as it exists (the rest, not yet created, appended). */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrResolved(parent), basename(path));
  }
}

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Writes an export to the file the user named (`export -o`), atomically (see writeFileAtomic): through a
 * symbolic link to its target, keeping an existing file's mode. Refuses, with one line and nothing
 * written, what an export must only read: a document roadmap reads, anything inside its own folders,
 * and anything that is not a regular file or a new path (a folder, a device such as /dev/stdout, a
 * named pipe, a socket, a link to nothing). Returns the absolute path written. A SIGINT, SIGTERM or
 * SIGHUP during the write is held until the write has finished or been undone, so no temporary file is
 * left behind; the process then ends as the signal asks.
 */
export function writeExportFile(path: string, text: string, guard: ExportGuard, cwd: string): string {
  const full = resolve(cwd, path);
  const link = lstatSync(full, { throwIfNoEntry: false });
  let stat: Stats | undefined;
  try {
    stat = statSync(full, { throwIfNoEntry: false });
  } catch (error) {
    throw cannotWrite(full, reasonOf(error));
  }
  if (link?.isSymbolicLink() && !stat) throw cannotWrite(full, 'dangling');
  // /dev/stdout, /proc/self/fd/1 and the like name an open file of some process, never a file to replace.
  if (/^\/(dev|proc)\//.test(full)) throw cannotWrite(full, 'device');
  if (stat && !stat.isFile()) {
    const kind = stat.isDirectory() ? 'directory' : stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : 'device';
    throw cannotWrite(full, kind);
  }
  const target = realOrResolved(full);
  for (const folder of guard.folders) {
    if (inside(target, realOrResolved(resolve(folder)))) throw new ExportError(full, { kind: 'insideOwnFolder', folder });
  }
  for (const document of guard.documents) {
    const real = realOrResolved(resolve(document));
    const known = stat && statSync(real, { throwIfNoEntry: false });
    // The same file by path, or by identity (a hard link to it).
    if (real === target || (stat && known && known.ino === stat.ino && known.dev === stat.dev)) {
      throw new ExportError(full, { kind: 'isDocument' });
    }
  }
  const held: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => held.push(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, hold);
  try {
    writeFileAtomic(full, text);
  } catch (error) {
    throw cannotWrite(full, reasonOf(error));
  } finally {
    // A signal that came during the write is delivered on the next turn of the event loop, before
    // setImmediate: it is handled (held) then, and raised again once nothing is left half-done.
    setImmediate(() => {
      for (const signal of signals) process.off(signal, hold);
      const first = held[0];
      if (first) process.kill(process.pid, first);
    });
  }
  return full;
}
