import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p` for best-effort folders (the caches), with a bounded number of steps: Node's recursive
 * mkdir loops forever where a parent exists but refuses new entries with ENOENT (`/proc`). Each folder
 * from the first missing one down is made once (one made meanwhile by another run is fine); any other
 * error is thrown to the caller, who gives up.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let path = dir; !statSync(path, { throwIfNoEntry: false }); path = dirname(path)) {
    if (dirname(path) === path || missing.length > 64) throw new Error(`cannot make ${dir}`);
    missing.push(path);
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    const path = missing[i] as string;
    try {
      mkdirSync(path);
    } catch (error) {
      // Another run made it meanwhile (concurrent first runs): a folder is all that is needed.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
    }
  }
}
