import { ITEM_STATUSES, type ItemStatus, type Roadmap } from '../roadmap/model.js';
import { dayOfIso, weekStart } from './days.js';
import type { DocumentState, LogEntry } from './state.js';

/** A change of the log joined to the document: the item's number and text, when it still exists. */
export interface HistoryEntry extends LogEntry {
  id: number | null;
  text: string | null;
}

/** The log entries of a document that are well formed (a hand-edited file may hold others), oldest first. */
export function logEntries(doc: DocumentState): LogEntry[] {
  if (!Array.isArray(doc.log)) return [];
  return doc.log.filter(
    (entry): entry is LogEntry =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.key === 'string' &&
      typeof entry.at === 'string' &&
      dayOfIso(entry.at) !== null &&
      ITEM_STATUSES.includes(entry.from as ItemStatus) &&
      ITEM_STATUSES.includes(entry.to as ItemStatus),
  );
}

/** The history newest first, from `sinceDay` on (a local calendar day) when given. */
export function history(model: Roadmap, log: readonly LogEntry[], sinceDay?: number): HistoryEntry[] {
  const byKey = new Map(model.items.map((item) => [item.key, item]));
  return log
    .map((entry, index) => ({ entry, index, time: new Date(entry.at).getTime() }))
    .filter(({ entry }) => sinceDay === undefined || (dayOfIso(entry.at) ?? 0) >= sinceDay)
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map(({ entry }) => {
      const item = byKey.get(entry.key);
      return { ...entry, id: item?.id ?? null, text: item?.text ?? null };
    });
}

/** Items done in one week (Monday to Sunday). */
export interface WeekCount {
  /** Day number of the week's Monday. */
  start: number;
  done: number;
}

export interface WeeklyRecap {
  /** Oldest first, the current week last. */
  weeks: WeekCount[];
  /** Consecutive weeks with at least one item done, up to this week (a week still under way with none yet does not break it). */
  streak: number;
}

/** Weeks shown by the recap. */
export const RECAP_WEEKS = 8;

/** Items done per week (distinct items that became done that week) for the last 8 weeks, and the current streak. */
export function weeklyRecap(log: readonly LogEntry[], today: number): WeeklyRecap {
  const perWeek = new Map<number, Set<string>>();
  for (const entry of log) {
    const day = dayOfIso(entry.at);
    if (entry.to !== 'done' || day === null || day > today) continue;
    const week = weekStart(day);
    const keys = perWeek.get(week) ?? new Set<string>();
    keys.add(entry.key);
    perWeek.set(week, keys);
  }
  const current = weekStart(today);
  const weeks: WeekCount[] = [];
  for (let i = RECAP_WEEKS - 1; i >= 0; i--) {
    const start = current - 7 * i;
    weeks.push({ start, done: perWeek.get(start)?.size ?? 0 });
  }
  let streak = 0;
  let week = (perWeek.get(current)?.size ?? 0) > 0 ? current : current - 7;
  while ((perWeek.get(week)?.size ?? 0) > 0) {
    streak++;
    week -= 7;
  }
  return { weeks, streak };
}
