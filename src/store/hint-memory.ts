import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The days `check`/`start` last named each item in their "More urgent" hint, so that an item is named at
// most once a day. A cache, not progress: it lives in the cache folder, beside the parsed-model cache,
// and only `check`/`start` read or write it, never a read-only command. Unreadable or lost, it is
// started again: the worst outcome is a hint shown twice in a day.

/** The environment variable that turns the hint off for a shell or a script, whatever the setting says. */
export const HINTS_ENV = 'ROADMAP_HINTS';

/** Whether the environment turns the hints off (`ROADMAP_HINTS=off`, also `0`, `false`, `no`). */
export function hintsOffByEnv(env: Record<string, string | undefined>): boolean {
  const value = env[HINTS_ENV]?.trim().toLowerCase();
  return value === 'off' || value === '0' || value === 'false' || value === 'no';
}

/** Day (`YYYY-MM-DD`) each item key was last named, by document id. */
type Memory = Record<string, Record<string, string>>;

const FILE = 'hints.json';

function read(cacheDir: string): Memory {
  try {
    const data: unknown = JSON.parse(readFileSync(join(cacheDir, FILE), 'utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Memory) : {};
  } catch {
    return {};
  }
}

/** Whether the item was named by a hint on `day` already. */
export function namedOn(cacheDir: string, docId: string, key: string, day: string): boolean {
  return read(cacheDir)[docId]?.[key] === day;
}

/**
 * Records that the item was named on `day`; a document keeps only that day's entries. Written whole to
 * a temporary file then renamed, so a reader never sees half a file; a failure to write is ignored.
 */
export function rememberNamed(cacheDir: string, docId: string, key: string, day: string): void {
  const memory = read(cacheDir);
  const kept = Object.fromEntries(Object.entries(memory[docId] ?? {}).filter(([, at]) => at === day));
  memory[docId] = { ...kept, [key]: day };
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = join(cacheDir, `${FILE}.${process.pid}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(memory)}\n`);
    renameSync(temporary, join(cacheDir, FILE));
  } catch {
    // A cache: without it, the hint may only be shown once more today.
  }
}
