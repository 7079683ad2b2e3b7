import type { Roadmap } from '../roadmap/model.js';
import { fold } from '../roadmap/select.js';

/** What a part of a planning focus points at in the document. */
export type FocusTarget = { kind: 'section'; level: number; section: number } | { kind: 'item'; id: number };

/** One part of a focus text ("API REST" in "… + API REST + PostgreSQL") and what it maps to. */
export interface FocusTerm {
  text: string;
  targets: FocusTarget[];
  /** Words of the part that none of its targets contains, as written. */
  unmatched: string[];
}

/** A focus text mapped to the document. */
export interface FocusMapping {
  terms: FocusTerm[];
  /** Every item the focus covers, in document order. */
  itemIds: number[];
  /** Every unmatched word, in focus order. */
  unmatched: string[];
}

interface Word {
  written: string;
  /** Folded, a plural `s` removed: the form words are compared in. */
  stem: string;
  /** 1, or 0.5 inside parentheses (an aside or an example, not what the text is about). */
  weight: number;
}

// Words that carry no topic (folded), French and English.
const STOPWORDS = new Set(
  (
    'a au aux avec ce ces cet cette d dans de des du en et l la le les leur ma mes mon ou par pour sa sans ses son sur ' +
    'ta tes ton un une an and at by for from in into of on or the to with your my its'
  ).split(' '),
);

/** The topic words of a text, with their weight. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let depth = 0;
  // Written here, not at the top: a regular expression with a Unicode property is costly to create
  // (V8 parses the class from ICU when the literal is evaluated), and every `next` loads this module.
  for (const [token] of text.matchAll(/[()]|[\p{L}\p{N}]+/gu)) {
    if (token === '(') depth++;
    else if (token === ')') depth = Math.max(0, depth - 1);
    else {
      const folded = fold(token);
      if (STOPWORDS.has(folded)) continue;
      const stem = folded.length > 3 && folded.endsWith('s') ? folded.slice(0, -1) : folded;
      words.push({ written: token, stem, weight: depth > 0 ? 0.5 : 1 });
    }
  }
  return words;
}

/** Same word, or one a prefix of the other when both are long enough to mean it (certif → certification). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a));
}

/** How well a target's words cover a term's words, and which term words they cover. */
function coverage(term: readonly Word[], target: readonly Word[]): { score: number; covered: Set<number> } {
  let score = 0;
  const covered = new Set<number>();
  term.forEach((word, index) => {
    let best = 0;
    for (const other of target) if (other.weight > best && sameWord(word.stem, other.stem)) best = other.weight;
    if (best > 0) covered.add(index);
    score += best;
  });
  return { score, covered };
}

/** Splits a focus text into its parts: "A + B, C et D" → A, B, C, D. */
export function focusParts(focus: string): string[] {
  return focus
    .split(/\s*(?:[+,;&]|\s(?:et|and|puis|then)\s)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Maps a planning focus to the document: each part goes to the section titles that best match its
 * words (accent- and case-insensitive), or to the item texts when an item matches better than any
 * section title. Words that match none of the chosen targets are kept as unmatched.
 */
export function mapFocus(model: Roadmap, focus: string): FocusMapping {
  const { sections, items } = topicIndex(model);
  const terms: FocusTerm[] = focusParts(focus).map((text) => {
    const words = wordsOf(text);
    const sectionScores = sections.map((s) => ({ s, ...coverage(words, s.words) }));
    const itemScores = items.map((i) => ({ i, ...coverage(words, i.words) }));
    const bestSection = Math.max(0, ...sectionScores.map((x) => x.score));
    const bestItem = Math.max(0, ...itemScores.map((x) => x.score));
    const covered = new Set<number>();
    const targets: FocusTarget[] = [];
    if (bestItem > bestSection) {
      for (const x of itemScores.filter((x) => x.score === bestItem)) {
        targets.push({ kind: 'item', id: x.i.id });
        for (const c of x.covered) covered.add(c);
      }
    } else if (bestSection > 0) {
      for (const x of sectionScores.filter((x) => x.score === bestSection)) {
        targets.push({ kind: 'section', level: x.s.level, section: x.s.section });
        for (const c of x.covered) covered.add(c);
      }
    }
    return { text, targets, unmatched: words.filter((_, index) => !covered.has(index)).map((w) => w.written) };
  });
  const ids = new Set<number>();
  for (const term of terms) for (const target of term.targets) for (const id of targetItemIds(model, target)) ids.add(id);
  return { terms, itemIds: [...ids].sort((a, b) => a - b), unmatched: terms.flatMap((term) => term.unmatched) };
}

interface TopicIndex {
  sections: Array<{ level: number; section: number; words: Word[] }>;
  items: Array<{ id: number; words: Word[] }>;
}

const topicIndexes = new WeakMap<Roadmap, TopicIndex>();

/** The words of every section title and item text, once per model: each row of a plan maps against all of them. */
function topicIndex(model: Roadmap): TopicIndex {
  let index = topicIndexes.get(model);
  if (!index) {
    index = {
      sections: model.levels.flatMap((level, l) =>
        level.sections.map((section, s) => ({ level: l, section: s, words: wordsOf(section.title) })),
      ),
      items: model.items.map((item) => ({ id: item.id, words: wordsOf(item.text) })),
    };
    topicIndexes.set(model, index);
  }
  return index;
}

/** The items a target covers. */
export function targetItemIds(model: Roadmap, target: FocusTarget): number[] {
  if (target.kind === 'item') return [target.id];
  return model.levels[target.level]?.sections[target.section]?.itemIds ?? [];
}
