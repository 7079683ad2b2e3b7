import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { smallest } from '../roadmap/numbers.js';
import { dayOfIso } from './days.js';
import { type FocusMapping, mapFocus } from './focus.js';
import { type PeriodSpan, type PeriodState, type PeriodWindow, parsePeriod, periodState, periodWindow, planMonth } from './periods.js';
import type { LogEntry } from './state.js';
import { type Counts, countItems } from './stats.js';

/** A row of the planning table, read: its period and what its focus maps to. */
export interface PlanRow {
  period: string;
  focus: string;
  span: PeriodSpan;
  mapping: FocusMapping;
}

/** The planning table of a document mapped to its sections and items (empty when it has none). */
export function planRows(model: Roadmap): PlanRow[] {
  return (model.planning?.rows ?? []).map((row) => ({
    period: row.period,
    focus: row.focus,
    span: parsePeriod(row.period),
    mapping: mapFocus(model, row.focus),
  }));
}

/** A row placed in time, with the progress of the items it covers. */
export interface TimelineRow extends PlanRow {
  window: PeriodWindow | null;
  state: PeriodState;
  counts: Counts;
}

export interface Timeline {
  startDay: number;
  today: number;
  /** The plan's month today falls in (1-based; 0 before the start). */
  month: number;
  rows: TimelineRow[];
  /** Items of periods already over that are neither done nor skipped (the plan is behind by these). */
  behindIds: number[];
}

const open = (status: ItemStatus | undefined) => status === 'todo' || status === 'doing';

/** The plan on the calendar: each period's days, where today stands, its progress, what is behind. */
export function planTimeline(rows: readonly PlanRow[], statuses: readonly ItemStatus[], startDay: number, today: number): Timeline {
  const behind = new Set<number>();
  const timeline = rows.map((row) => {
    const window = periodWindow(row.span, startDay);
    const state = periodState(row.span, window, today);
    if (state === 'past') for (const id of row.mapping.itemIds) if (open(statuses[id - 1])) behind.add(id);
    return { ...row, window, state, counts: countItems(row.mapping.itemIds, statuses) };
  });
  return { startDay, today, month: planMonth(startDay, today), rows: timeline, behindIds: [...behind].sort((a, b) => a - b) };
}

/** What the plan says about one item: a period it is late for, or one it belongs to now. */
export interface ItemPlan {
  behind: string | null;
  now: string | null;
}

/** For every item (index = id - 1), the earliest past period it is late for and the current period it is in. */
export function itemPlans(timeline: Timeline, statuses: readonly ItemStatus[]): ItemPlan[] {
  const plans: ItemPlan[] = statuses.map(() => ({ behind: null, now: null }));
  for (const row of timeline.rows) {
    for (const id of row.mapping.itemIds) {
      const plan = plans[id - 1];
      if (!plan) continue;
      if (row.state === 'past' && open(statuses[id - 1])) plan.behind ??= row.period;
      if (row.state === 'current' || row.state === 'ongoing') plan.now ??= row.period;
    }
  }
  return plans;
}

/** Days of history the pace is measured over. */
export const PACE_WINDOW_DAYS = 28;
/** Less history than this gives no projection. */
export const MIN_HISTORY_DAYS = 7;

export type Projection =
  | { kind: 'finished' }
  | { kind: 'no-history' }
  | { kind: 'stalled'; days: number; remaining: number }
  | { kind: 'pace'; done: number; days: number; remaining: number; finishDay: number };

/**
 * When the remaining items would be done at the pace of the last 4 weeks (items that became done in
 * that window and still are), or why there is no projection.
 */
export function projectFinish(model: Roadmap, statuses: readonly ItemStatus[], log: readonly LogEntry[], today: number): Projection {
  const remaining = statuses.filter(open).length;
  if (remaining === 0) return { kind: 'finished' };
  const days = log.map((entry) => dayOfIso(entry.at)).filter((d): d is number => d !== null);
  const first = smallest(days);
  if (days.length === 0 || today - first < MIN_HISTORY_DAYS) return { kind: 'no-history' };
  const window = Math.min(PACE_WINDOW_DAYS, today - first + 1);
  const statusOf = new Map(model.items.map((item) => [item.key, statuses[item.id - 1]]));
  const doneKeys = new Set<string>();
  for (const entry of log) {
    const day = dayOfIso(entry.at);
    if (entry.to === 'done' && day !== null && day > today - window && day <= today && statusOf.get(entry.key) === 'done') {
      doneKeys.add(entry.key);
    }
  }
  if (doneKeys.size === 0) return { kind: 'stalled', days: window, remaining };
  const perDay = doneKeys.size / window;
  return { kind: 'pace', done: doneKeys.size, days: window, remaining, finishDay: today + Math.ceil(remaining / perDay) };
}
