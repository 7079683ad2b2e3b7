import { distance } from 'fastest-levenshtein';
import type { Roadmap } from './model.js';
import { fold } from './select.js';

/** What a user's reference (`7`, a key, a text fragment) designates in a roadmap. */
export type RefResolution =
  | { kind: 'item'; id: number }
  /** Several items match: their ids, best matches first. */
  | { kind: 'ambiguous'; ids: number[] }
  /** Nothing matches: up to 3 close items (did you mean), best first. */
  | { kind: 'none'; suggestions: number[] }
  | { kind: 'empty' }
  /** A whole number that is not an item's: `number` is its digits (no leading zeros), `max` the last item's number. */
  | { kind: 'out-of-range'; number: string; max: number }
  /** Something written as a number that is not a whole number from 1 (`-1`, `1.5`, `1e3`): never a text fragment. */
  | { kind: 'not-a-number'; ref: string; max: number };

export interface ResolveOptions {
  /** Only these items can match a text fragment (numbers and keys still name any item). */
  scope?: ReadonlySet<number> | undefined;
}

const NUMBER = /^#?(\d+)$/;
/** Signed, decimal or exponent numbers: a typo for an item number, which must not match text by its digits. */
const NUMBER_LIKE = /^#?[-+\u2212]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[-+]?\d+)?$/i;
const MAX_SUGGESTIONS = 3;

/**
 * Resolves one reference: a number (`7` or `#7`), an item's key, or a text fragment compared
 * case- and accent-insensitively with the items' texts (and keys). Among fragment matches, an item
 * whose text equals the fragment wins, then a single item whose text starts with it; otherwise
 * every match is a candidate and the reference is ambiguous. A fragment found in no item's text but
 * in section titles (`securite`) designates the items of those sections. A reference written as a
 * number that is not a whole number from 1 (`-1`, `1.5`, `1e3`) is `not-a-number`, never a fragment.
 */
export function resolveItemRef(model: Roadmap, ref: string, options: ResolveOptions = {}): RefResolution {
  const trimmed = ref.trim();
  if (trimmed === '') return { kind: 'empty' };
  const max = model.items.length;
  const number = NUMBER.exec(trimmed);
  if (number) {
    const digits = (number[1] as string).replace(/^0+(?=\d)/, '');
    const n = Number(digits);
    return n >= 1 && n <= max ? { kind: 'item', id: n } : { kind: 'out-of-range', number: digits, max };
  }
  const byKey = model.items.find((item) => item.key === trimmed.toLowerCase());
  if (byKey) return { kind: 'item', id: byKey.id };
  if (NUMBER_LIKE.test(trimmed)) return { kind: 'not-a-number', ref: trimmed, max };

  const wanted = fold(trimmed);
  const wantedLoose = loose(wanted);
  const items = model.items.filter((item) => !options.scope || options.scope.has(item.id));
  const exact: number[] = [];
  const prefix: number[] = [];
  const inside: number[] = [];
  for (const item of items) {
    const text = fold(item.text);
    const textLoose = loose(text);
    const has = (test: (text: string, wanted: string) => boolean) =>
      test(text, wanted) || (wantedLoose !== '' && test(textLoose, wantedLoose));
    if (has((a, b) => a === b)) exact.push(item.id);
    else if (has((a, b) => a.startsWith(b))) prefix.push(item.id);
    else if (has((a, b) => a.includes(b)) || item.key.includes(wanted)) inside.push(item.id);
  }
  if (exact.length === 1) return { kind: 'item', id: exact[0] as number };
  if (exact.length === 0 && prefix.length === 1) return { kind: 'item', id: prefix[0] as number };
  let all = [...exact, ...prefix, ...inside];
  if (all.length === 0) all = sectionMatches(model, wanted, options.scope);
  if (all.length === 1) return { kind: 'item', id: all[0] as number };
  if (all.length > 1) return { kind: 'ambiguous', ids: all };
  return {
    kind: 'none',
    suggestions: suggestItems(
      model,
      wanted,
      items.map((item) => item.id),
    ),
  };
}

/**
 * Up to 3 items close to a fragment that matched nothing (typos): the edit distance between the
 * fragment and the closest run of as many words of the item's text, relative to the fragment's
 * length. Keeps only close ones; best first, then in document order.
 */
export function suggestItems(model: Roadmap, folded: string, ids: readonly number[]): number[] {
  const wantedWords = folded.split(' ').filter(Boolean);
  if (wantedWords.length === 0) return [];
  const scored: Array<{ id: number; score: number }> = [];
  for (const id of ids) {
    const item = model.items[id - 1];
    if (!item) continue;
    const words = wordsOf(fold(item.text));
    let best = Number.POSITIVE_INFINITY;
    const span = Math.min(wantedWords.length, words.length);
    for (let start = 0; start + span <= words.length; start++) {
      const window = words.slice(start, start + span).join(' ');
      // Compare with the window cut to the fragment's length too: a fragment is often a word's start.
      const d = Math.min(distance(folded, window), distance(folded, window.slice(0, folded.length)));
      if (d < best) best = d;
    }
    const keyDistance = distance(folded.replace(/ /g, '-'), item.key.slice(0, folded.length));
    best = Math.min(best, keyDistance);
    const score = best / Math.max(folded.length, 1);
    if (score <= 0.34 && best <= 4) scored.push({ id, score });
  }
  scored.sort((a, b) => a.score - b.score || a.id - b.id);
  return scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.id);
}

function sectionMatches(model: Roadmap, wanted: string, scope: ReadonlySet<number> | undefined): number[] {
  const ids: number[] = [];
  for (const level of model.levels) {
    for (const section of level.sections) {
      if (!fold(section.title).includes(wanted)) continue;
      for (const id of section.itemIds) if (!scope || scope.has(id)) ids.push(id);
    }
  }
  return ids;
}

/** Punctuation folded to spaces, so `iam roles` finds "IAM : rôles". */
function loose(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}+#]+/gu, ' ').trim();
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}+#.]+/u).filter(Boolean);
}
