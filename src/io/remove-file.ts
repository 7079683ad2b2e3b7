import { unlinkSync } from 'node:fs';

/**
 * Removes a file; one that is not there is fine. `unlinkSync`, not `rmSync(..., { force: true })`:
 * on Node 20 that loads Node's rimraf for every call.
 */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
