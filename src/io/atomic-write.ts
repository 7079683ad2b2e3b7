import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits of the file; default: those of the file replaced, else 0o666 less the umask. */
  mode?: number;
  /** false: skip both fsyncs (a cache that is only a shortcut). Default true. */
  fsync?: boolean;
  /**
   * false: fsync the file but leave the folder to the caller, who flushes it later with `fsyncDir`
   * (before the write is acknowledged). Default: as `fsync`.
   */
  fsyncFolder?: boolean;
}

/** Thrown (code `ENOTREG`) when the path names something other than a regular file: a device, a FIFO, a folder. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly path: string) {
    super(`${path} is not a regular file`);
    this.name = 'NotRegularFileError';
  }
}

/**
 * The file a write to `path` lands in: `path` itself, or the file a symlink (a chain of them) points to,
 * existing or not, so the link is kept and written through.
 */
export function writeTarget(path: string): string {
  let target = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(target).isSymbolicLink()) return target;
      link = readlinkSync(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return target;
      throw error;
    }
    target = resolve(dirname(target), link);
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/** Writes all of `bytes` to `fd`, looping on short writes; a write that makes no progress is a full disk. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('no space left on device (short write)'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** Flushes a folder's entries (a rename in it) to disk. Some systems cannot fsync a folder: nothing more to do there. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Replaces a file with `data`, all or nothing: a temporary file in the same folder, written completely
 * (a loop on short writes), fsynced, renamed over the file, then the folder fsynced. A symlink is
 * written through (the link stays, its target gets the data); an existing file keeps its mode unless
 * `mode` says otherwise. A killed process leaves the old file or the new one, and at worst a hidden
 * `.<name>.<pid>-<random>.tmp` beside it; any error removes the temporary file and is rethrown.
 * Refuses (NotRegularFileError) a path that is a folder, a device or a FIFO.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const target = writeTarget(path);
  const existing = statSync(target, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) throw new NotRegularFileError(target);
  const mode = options.mode ?? (existing ? existing.mode & 0o7777 : undefined);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = `${dirname(target)}/.${basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  const durable = options.fsync !== false;
  let fd: number | undefined = openSync(temp, 'wx', mode ?? 0o666);
  try {
    // The umask narrowed the mode given to open: the file's own mode is set as asked.
    if (mode !== undefined) fchmodSync(fd, mode);
    // Root replacing someone's file keeps its owner (best effort: a user namespace may refuse).
    if (existing && process.getuid?.() === 0) {
      try {
        fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // The file is still written, owned by root.
      }
    }
    writeAll(fd, bytes);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Already gone (or the folder went away): the error below is what matters.
    }
    throw error;
  }
  if (durable && options.fsyncFolder !== false) fsyncDir(dirname(target));
}
