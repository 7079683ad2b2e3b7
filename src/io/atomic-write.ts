import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole file so that a reader, a crash or a full disk never sees half of it: a temporary file
 * in the target's folder, every byte written (short writes are continued), fsync, rename over the
 * target, fsync of the folder (so the rename itself survives a power loss).
 *
 * - An existing path is resolved with realpath first: a symbolic link is written through (its target
 *   changes, the link stays a link).
 * - An existing file keeps its mode (and, for root, its owner) unless `options.mode` is given; a new file
 *   gets `options.mode` or 0o666 less the umask.
 * - On any error the temporary file is removed and the error is rethrown: the target is as it was.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    const stat = statSync(target, { throwIfNoEntry: false });
    const existing = stat?.isFile() ? { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid } : undefined;
    // 'wx': the temporary name is new, never a file (or a link) someone placed there.
    fd = openSync(temp, 'wx', options.mode ?? existing?.mode ?? 0o666);
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    else if (existing) {
      fchmodSync(fd, existing.mode);
      if (process.getuid?.() === 0) {
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          // Not allowed here (a user namespace, a network file system): the file is still written.
        }
      }
    }
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already closed or gone: the removal below is what matters.
      }
    }
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

/** fsync of a folder, so a rename in it is on disk. Some file systems refuse to open or sync a folder: then nothing more can be done. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on some systems: the file's own fsync has been done.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
