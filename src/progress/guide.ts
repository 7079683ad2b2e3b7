import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { dayOf, parseDay } from './days.js';
import { candidateFacts, type RankInput, type Suggestion, scoreItem } from './next.js';
import { itemPlans, planRows, planTimeline } from './plan.js';

/** Points by which another item must beat the one just changed to be called more urgent. */
export const HINT_MARGIN = 1;

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

/**
 * After `check`/`start` of `changedIds` (statuses already updated): the best other item of the same
 * track when it beats the changed item by at least HINT_MARGIN points (without the order tie-break),
 * both scored as if the changed items were still to do; null when there is none.
 */
export function urgentHint(
  model: Roadmap,
  statuses: readonly ItemStatus[],
  changedIds: readonly number[],
  now: Date,
  plan: PlanStart | undefined,
): UrgentHint | null {
  const changed = new Set(changedIds.filter((id) => id >= 1 && id <= model.items.length));
  if (changed.size === 0) return null;
  // Score the changed items as if still to do, so the comparison is about the items, not their state.
  const asTodo = statuses.map((status, index) => (changed.has(index + 1) ? 'todo' : status));
  const input = rankInput(model, asTodo, plan, now);
  const all = candidateFacts(input).map(scoreItem);
  const without = (s: Suggestion) => s.score - (s.terms.find((t) => t.name === 'order')?.points ?? 0);
  const mine = all.filter((s) => changed.has(s.facts.id)).sort((a, b) => without(b) - without(a))[0];
  if (!mine) return null;
  const better = all
    .filter((s) => !changed.has(s.facts.id) && s.facts.track === mine.facts.track)
    .sort((a, b) => b.score - a.score || a.facts.id - b.facts.id)[0];
  if (!better || without(better) < without(mine) + HINT_MARGIN) return null;
  return { changedId: mine.facts.id, better };
}
