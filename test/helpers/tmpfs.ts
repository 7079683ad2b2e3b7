import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  dir: string;
  unmount(): void;
}

/**
 * A small tmpfs of `sizeKiB` (a full disk on demand). Where `mount` is not permitted: null, with one line
 * saying the test is skipped, unless CI is set (a CI run must test the full disk: it throws).
 */
export function mountTmpfs(sizeKiB: number): Tmpfs | null {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0777`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
    if (process.env.CI) throw new Error(`a small tmpfs is needed for the full-disk tests and mount failed (CI is set): ${why}`);
    console.warn(`skipped (full disk): mount -t tmpfs is not permitted here (${why})`);
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the file system of `dir` with `<dir>/filler` until it is full, then frees `leaveBytes` (page-rounded by tmpfs). */
export function fillDisk(dir: string, leaveBytes = 0): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'a');
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  try {
    for (;;) if (writeSync(fd, chunk) === 0) break;
  } catch {
    // ENOSPC: full.
  }
  try {
    for (;;) if (writeSync(fd, chunk, 0, 4096) === 0) break;
  } catch {
    // Full to the page.
  }
  if (leaveBytes > 0) ftruncateSync(fd, Math.max(0, statSync(file).size - leaveBytes));
  closeSync(fd);
  return file;
}
