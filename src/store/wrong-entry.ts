import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The entry that made a write fail with EEXIST or ENOTDIR: the first of the failing path and its
 * parents that exists and is not a folder (a file named like one of roadmap's folders, the home being
 * a file). `fallback` when none can be found (it changed meanwhile).
 */
export function wrongEntry(error: unknown, fallback: string): string {
  const failed = (error as NodeJS.ErrnoException).path;
  if (typeof failed !== 'string') return fallback;
  for (let path = failed; ; path = dirname(path)) {
    try {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat && !stat.isDirectory()) return path;
    } catch {
      // ENOTDIR: a parent is the wrong entry; go on up.
    }
    if (dirname(path) === path) return fallback;
  }
}
