import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { dayOf, parseDay } from './days.js';
import {
  candidateFacts,
  type ItemFacts,
  nextSuggestions,
  type RankInput,
  SCORE_TERMS,
  type Suggestion,
  scoreItem,
  scoreOf,
  suggestionList,
} from './next.js';
import { itemPlans, planRows, planTimeline } from './plan.js';

/** Points by which another item must beat the one just changed to be called more urgent. */
export const HINT_MARGIN = 1;

/** How many main-track suggestions `roadmap next` shows by default: doing one of them is following it. */
export const NEXT_SHOWN = 3;

/**
 * Whether the document's levels say a priority: at least two levels, each with a label ("Niveau 1",
 * "Level 2") or a priority colour. Without them the document's order means nothing, and no item is
 * more urgent than another.
 */
export function hasPriorityLevels(model: Roadmap): boolean {
  return model.levels.length >= 2 && model.levels.every((level) => level.label !== null || level.color !== null);
}

/** What the ranking needs from the recorded plan: its start day (`YYYY-MM-DD`), if any. */
export interface PlanStart {
  start: string;
}

/** The ranking input for a document: statuses, and the plan when one was started. */
export function rankInput(model: Roadmap, statuses: readonly ItemStatus[], plan: PlanStart | undefined, now: Date): RankInput {
  const startDay = plan ? parseDay(plan.start) : null;
  if (startDay === null || !model.planning) return { model, statuses, plans: null };
  const timeline = planTimeline(planRows(model), statuses, startDay, dayOf(now));
  return { model, statuses, plans: itemPlans(timeline, statuses) };
}

/** A more urgent item than the one just changed. */
export interface UrgentHint {
  /** The item just changed (the best-scoring one when several were). */
  changedId: number;
  better: Suggestion;
}

/** The document-order term, which only breaks ties: left out when the changed item is compared. */
const ORDER_TERM = SCORE_TERMS.find((term) => term.name === 'order');

/** A candidate's score, and its score without the document-order tie-break. */
interface Scored {
  facts: ItemFacts;
  score: number;
  withoutOrder: number;
}

/**
 * After `check`/`start` of `changedIds` (statuses already updated): the best other item of the same
 * track, still to do (an item in progress is already being worked on), when it beats the changed item
 * by at least HINT_MARGIN points (without the order tie-break), both scored as if the changed items
 * were still to do; null when there is none. Null too on a document without priority levels, and when
 * a changed item is one `next` suggested (the user followed the advice). Scores are added up without
 * their terms; only the item named gets them (scoreItem).
 */
export function urgentHint(
  model: Roadmap,
  statuses: readonly ItemStatus[],
  changedIds: readonly number[],
  now: Date,
  plan: PlanStart | undefined,
): UrgentHint | null {
  const changed = new Set(changedIds.filter((id) => id >= 1 && id <= model.items.length));
  if (changed.size === 0 || !hasPriorityLevels(model)) return null;
  // Score the changed items as if still to do, so the comparison is about the items, not their state.
  const asTodo = statuses.map((status, index) => (changed.has(index + 1) ? 'todo' : status));
  const input = rankInput(model, asTodo, plan, now);
  if (suggestionList(nextSuggestions(input, NEXT_SHOWN)).some((s) => changed.has(s.facts.id))) return null;
  const scored = candidateFacts(input).map((facts): Scored => {
    const score = scoreOf(facts);
    return { facts, score, withoutOrder: ORDER_TERM ? score - ORDER_TERM.coefficient * ORDER_TERM.factor(facts) : score };
  });
  // The changed item with the best score without the tie-break (the first in document order on a tie).
  let mine: Scored | undefined;
  for (const s of scored) if (changed.has(s.facts.id) && (!mine || s.withoutOrder > mine.withoutOrder)) mine = s;
  if (!mine) return null;
  // The best other item of its track (the first in document order on a tie).
  let better: Scored | undefined;
  for (const s of scored) {
    const todo = statuses[s.facts.id - 1] === 'todo';
    if (!changed.has(s.facts.id) && todo && s.facts.track === mine.facts.track && (!better || s.score > better.score)) better = s;
  }
  if (!better || better.withoutOrder < mine.withoutOrder + HINT_MARGIN) return null;
  return { changedId: mine.facts.id, better: scoreItem(better.facts) };
}
