import type { ItemPriority, ItemStatus, Roadmap } from '../roadmap/model.js';
import { PRIORITY_WEIGHT } from '../roadmap/priority.js';
import { levelTracks, type Track } from '../roadmap/tracks.js';
import type { ItemPlan } from './plan.js';

/** What is known about a candidate item, from which every score term and every reason is read. */
export interface ItemFacts {
  id: number;
  track: Track;
  /** The item's level number (as the document numbers it). */
  level: number;
  /** 1 for the first level, falling evenly to 1/n for the last of n levels (1 for every item when the levels are only topics). */
  priority: number;
  /** The share of the priority one level stands for (1/n for n priority levels, 1 when they are only topics). */
  levelStep: number;
  /** The levels are priority levels (each titled "Niveau N"/"Level N" or with a colour), not just topics. */
  ranked: boolean;
  /** The priority marker the document emphasises in the item ("priorité absolue", "bonus", a High badge), or null. */
  emphasis: ItemPriority | null;
  doing: boolean;
  /** The past planning period this item is late for, or null. */
  behind: string | null;
  /** The current (or ongoing) planning period this item belongs to, or null. */
  planNow: string | null;
  /**
   * The item's siblings when they are started (one of them done or skipped): under the same parent task,
   * else in the same section, else directly under the same heading; or null.
   */
  section: { title: string; closed: number; total: number; remaining: number } | null;
  /** 1 for the first item of the document, falling towards 0 for the last. */
  order: number;
}

/**
 * The score terms, in the spirit of Taskwarrior's urgency: a suggestion's score is the sum of
 * coefficient × factor (each factor between 0 and 1). This table is the whole ranking policy.
 */
export const SCORE_TERMS = [
  /** Already started: finish it first. */
  { name: 'doing', coefficient: 10, factor: (f: ItemFacts) => (f.doing ? 1 : 0) },
  /** The planning table put it in a period that is over. */
  { name: 'behind', coefficient: 5, factor: (f: ItemFacts) => (f.behind ? 1 : 0) },
  /** The document's priority levels, first level first. */
  { name: 'priority', coefficient: 8, factor: (f: ItemFacts) => f.priority },
  /** The planning table puts it in the current period. */
  { name: 'plan', coefficient: 3, factor: (f: ItemFacts) => (f.planNow ? 1 : 0) },
  /**
   * What the document says inside the item: raised (or a High/P0 badge) moves it up by almost one level's
   * share, lowered (or Low/P2) down by as much, Medium/P1 not at all. Never across a level boundary on its own.
   */
  { name: 'emphasis', coefficient: 8, factor: (f: ItemFacts) => (f.emphasis ? PRIORITY_WEIGHT[f.emphasis.value] * 0.9 * f.levelStep : 0) },
  /** Momentum: the share of its siblings (section, parent or heading) already closed (finish what you started). */
  { name: 'momentum', coefficient: 3, factor: (f: ItemFacts) => (f.section ? f.section.closed / f.section.total : 0) },
  /** Document order, as a tie-break that never outweighs a real term. */
  { name: 'order', coefficient: 0.5, factor: (f: ItemFacts) => f.order },
] as const;

export type TermName = (typeof SCORE_TERMS)[number]['name'];

/** One term of a score, as computed for one item. */
export interface TermValue {
  name: TermName;
  coefficient: number;
  factor: number;
  points: number;
}

export interface Suggestion {
  facts: ItemFacts;
  score: number;
  terms: TermValue[];
}

/** Everything the ranking reads. */
export interface RankInput {
  model: Roadmap;
  statuses: readonly ItemStatus[];
  /** What the plan says about each item (index = id - 1); null when no plan is followed. */
  plans: readonly ItemPlan[] | null;
}

const open = (status: ItemStatus | undefined) => status === 'todo' || status === 'doing';

/** The facts of every item still to do (todo or doing), in document order (`tracks`: the levels' tracks, when known). */
export function candidateFacts(input: RankInput, tracks: readonly Track[] = levelTracks(input.model)): ItemFacts[] {
  const { model, statuses, plans } = input;
  const levels = model.levels.length;
  const ranked = levels > 0 && model.levels.every((level) => level.label !== null || level.color !== null);
  // The items placed directly under each level's heading (no section, no parent): siblings for momentum.
  const loose = new Map<number, number[]>();
  return model.items
    .filter((item) => open(statuses[item.id - 1]))
    .map((item) => {
      const level = model.levels[item.level];
      const plan = plans?.[item.id - 1];
      return {
        id: item.id,
        track: tracks[item.level] ?? 'now',
        level: level?.number ?? item.level + 1,
        // Headings that are only topics rank nothing: document order (the order term) and the other terms do.
        priority: ranked ? (levels - item.level) / levels : 1,
        levelStep: ranked ? 1 / levels : 1,
        ranked,
        emphasis: item.priority ?? null,
        doing: statuses[item.id - 1] === 'doing',
        behind: plan?.behind ?? null,
        planNow: plan?.behind ? null : (plan?.now ?? null),
        section: siblingsOf(model, item.id, statuses, loose),
        order: 1 - (item.id - 1) / Math.max(1, model.items.length),
      };
    });
}

/** The started group an item belongs to (see ItemFacts.section), or null. */
function siblingsOf(model: Roadmap, id: number, statuses: readonly ItemStatus[], loose: Map<number, number[]>): ItemFacts['section'] {
  const item = model.items[id - 1];
  if (!item) return null;
  const level = model.levels[item.level];
  let title: string | null = null;
  let ids: readonly number[] = [];
  const parent = item.parent === null ? undefined : model.items[item.parent - 1];
  const section = item.section === null ? undefined : level?.sections[item.section];
  if (parent) {
    title = parent.text;
    ids = parent.children;
  } else if (section) {
    title = section.title;
    ids = section.itemIds;
  } else if (level?.title) {
    title = level.title;
    let under = loose.get(item.level);
    if (!under) {
      under = level.itemIds.filter((other) => model.items[other - 1]?.section === null && model.items[other - 1]?.parent === null);
      loose.set(item.level, under);
    }
    ids = under;
  }
  if (title === null || ids.length < 2) return null;
  let closed = 0;
  let remaining = 0;
  for (const other of ids) {
    const status = statuses[other - 1];
    if (status === 'done' || status === 'skipped') closed++;
    else if (open(status)) remaining++;
  }
  return closed > 0 ? { title, closed, total: ids.length, remaining } : null;
}

/** Scores one item: every term of SCORE_TERMS with its points, and their sum. */
export function scoreItem(facts: ItemFacts): Suggestion {
  const terms = SCORE_TERMS.map((term) => {
    const factor = term.factor(facts);
    return { name: term.name, coefficient: term.coefficient, factor, points: term.coefficient * factor };
  });
  return { facts, score: terms.reduce((sum, term) => sum + term.points, 0), terms };
}

/** A score as scoreItem adds it up (same terms, same order, so the same number), without its terms. */
export function scoreOf(facts: ItemFacts): number {
  let score = 0;
  for (const term of SCORE_TERMS) score += term.coefficient * term.factor(facts);
  return score;
}

const byScore = (a: { score: number; facts: ItemFacts }, b: { score: number; facts: ItemFacts }) =>
  b.score - a.score || a.facts.id - b.facts.id;

/** Every item still to do, best first (ties in document order). */
export function rankItems(input: RankInput): Suggestion[] {
  return candidateFacts(input).map(scoreItem).sort(byScore);
}

/** What `next` suggests, by track. */
export interface NextSuggestions {
  now: Suggestion[];
  parallel: Suggestion | null;
  ongoing: Suggestion | null;
  /** Items still to do (0: everything is done or skipped). */
  remaining: number;
  /** The document's notes give tracks other than the main one. */
  tracked: boolean;
}

/**
 * The suggestions as the roadmap is written: the top `count` of the main track, plus the best item of
 * the parallel track and of the ongoing track. A document without such notes, or whose main track is
 * finished, gets one ranked list.
 */
export function nextSuggestions(input: RankInput, count: number): NextSuggestions {
  const tracks = levelTracks(input.model);
  // Ranked by score alone; only the suggestions shown get their terms (scoreItem), as rankItems gives them.
  const ranked = candidateFacts(input, tracks)
    .map((facts) => ({ facts, score: scoreOf(facts) }))
    .sort(byScore);
  const tracked = tracks.some((track) => track !== 'now');
  const main = ranked.filter((s) => s.facts.track === 'now');
  const shown = (s: { facts: ItemFacts } | undefined) => (s ? scoreItem(s.facts) : null);
  if (!tracked || main.length === 0) {
    return {
      now: ranked.slice(0, count).map((s) => scoreItem(s.facts)),
      parallel: null,
      ongoing: null,
      remaining: ranked.length,
      tracked: false,
    };
  }
  return {
    now: main.slice(0, count).map((s) => scoreItem(s.facts)),
    parallel: shown(ranked.find((s) => s.facts.track === 'parallel')),
    ongoing: shown(ranked.find((s) => s.facts.track === 'ongoing')),
    remaining: ranked.length,
    tracked,
  };
}

/** The suggestions in display order (now, then parallel, then ongoing), each with its track. */
export function suggestionList(next: NextSuggestions): Array<Suggestion & { track: Track }> {
  const list = next.now.map((s) => ({ ...s, track: 'now' as Track }));
  if (next.parallel) list.push({ ...next.parallel, track: 'parallel' });
  if (next.ongoing) list.push({ ...next.ongoing, track: 'ongoing' });
  return list;
}
