import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { MAX_DOCUMENT_BYTES } from '../roadmap/load.js';
import type { Messages } from '../ui/messages.js';

const reasonOf = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return String(code ?? error);
};

/** Reads a UTF-8 text file the user named (an import); a UserError with one clear line otherwise. */
export function readTextFile(path: string, cwd: string, t: Messages): string {
  const full = resolve(cwd, path);
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw new UserError(t.errors.fileIsDirectory(full));
    if (stat.size > MAX_DOCUMENT_BYTES) throw new UserError(t.errors.fileTooLarge(full, MAX_DOCUMENT_BYTES / 1024 / 1024));
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(full));
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof TypeError) throw new UserError(t.errors.fileNotUtf8(full));
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(t.errors.fileMissing(full));
    throw new UserError(t.errors.fileUnreadable(full, reasonOf(error)));
  }
}

/**
 * Writes a text file atomically (a temporary file in the same folder, then a rename), so an interrupted
 * export never leaves half a document; returns the absolute path.
 */
export function writeTextFile(path: string, text: string, cwd: string, t: Messages): string {
  const full = resolve(cwd, path);
  const temp = join(dirname(full), `.${Math.random().toString(36).slice(2)}.roadmap.tmp`);
  try {
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory())
      throw new UserError(t.documents.export.cannotWrite(full, 'it is a directory'));
    writeFileSync(temp, text);
    renameSync(temp, full);
  } catch (error) {
    if (error instanceof UserError) throw error;
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done: the error below says what went wrong.
    }
    throw new UserError(t.documents.export.cannotWrite(full, reasonOf(error)));
  }
  return full;
}
