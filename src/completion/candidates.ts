import { GLOBAL_OPTIONS } from '../command-line.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { sanitize, truncate } from '../ui/text.js';

/** One value a shell may offer, with the text shells that show descriptions print beside it. */
export interface Candidate {
  value: string;
  description: string;
}

/** Something referred to by number or key: a roadmap item, a part of the capstone project. */
export interface Referable {
  number: number;
  key: string;
  text: string;
}

/** Widest description: shells lay out columns and some (bash) never show them. */
const DESCRIPTION_COLUMNS = 80;

/** A document's text as one safe line of a completion: no control characters, no tabs or newlines. */
export function describe(text: string): string {
  return truncate(sanitize(text.replace(/\s+/g, ' ').trim()), DESCRIPTION_COLUMNS);
}

/**
 * The numbers or keys to offer for the word being typed: numbers while it is empty or starts with a
 * digit (`9 -- PostgreSQL …`), keys once it starts with a letter (`post` → `postgresql-…`). The shell
 * keeps those that start with the word; values already typed on the line are left out.
 */
export function refCandidates(entries: readonly Referable[], word: string, typed: ReadonlySet<string> = new Set()): Candidate[] {
  const byNumber = word === '' || /^\d/.test(word);
  return entries
    .map((entry) => ({ value: byNumber ? String(entry.number) : entry.key, description: describe(entry.text) }))
    .filter((candidate) => !typed.has(candidate.value));
}

/** The items a marking command can change: those not already in the status it sets (all when unknown). */
export function markableItems(model: Roadmap, statuses: readonly ItemStatus[], target: ItemStatus | undefined): Referable[] {
  return model.items
    .filter((item) => target === undefined || (statuses[item.id - 1] ?? 'todo') !== target)
    .map((item) => ({ number: item.id, key: item.key, text: item.text }));
}

/** `--level` values: each level's number, described by its title. */
export function levelCandidates(model: Roadmap): Candidate[] {
  return model.levels.map((level) => ({ value: String(level.number), description: describe(level.title) }));
}

/**
 * The document named on the line being completed (`-f x.md`, `--file x.md`, `--file=x.md`), if any.
 * The last word is the one being typed, so it never counts.
 */
export function fileOnLine(words: readonly string[]): string | undefined {
  let file: string | undefined;
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i] as string;
    if (word === '--') break;
    if ((word === GLOBAL_OPTIONS.file.short || word === GLOBAL_OPTIONS.file.long) && i + 1 < words.length - 1) file = words[++i];
    else if (word.startsWith(`${GLOBAL_OPTIONS.file.long}=`)) file = word.slice(GLOBAL_OPTIONS.file.long.length + 1);
  }
  return file || undefined;
}
