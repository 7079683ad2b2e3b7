import { fstatSync, statSync, writeSync } from 'node:fs';

/**
 * Writes all of `text` to a file descriptor, synchronously: what `process.stdout.write` does for files,
 * pipes and terminals on Linux, without creating the stream (`process.stdout` loads Node's stream modules,
 * and `node:tty` and `node:net` on a terminal, on every start). A non-blocking pipe that is
 * full (EAGAIN) is waited for; other errors (EPIPE: the reader went away) are thrown to the caller.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1); // the reader is slow: retry in 1 ms
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Whether a file descriptor is a terminal. Files, pipes, sockets and /dev/null are answered from one
 * `fstat` (nearly free); only another character device asks `isatty` (which loads `node:tty`).
 */
export function isTerminal(fd: number, isatty: (fd: number) => boolean): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    if (stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    // A closed descriptor, or no /dev/null: isatty knows.
  }
  return isatty(fd);
}
