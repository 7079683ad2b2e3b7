import type { ItemStatus, LevelColor } from '../roadmap/model.js';
import type { RoadmapOutline } from '../roadmap/outline.js';
import type { DocumentState } from './state.js';

export interface Counts {
  total: number;
  done: number;
  doing: number;
  skipped: number;
  percent: number;
}

export interface SectionProgress extends Counts {
  title: string;
}

export interface LevelProgress extends Counts {
  title: string;
  number: number;
  color: LevelColor | null;
  sections: SectionProgress[];
}

export interface RoadmapProgress extends Counts {
  title: string | null;
  levels: LevelProgress[];
}

/**
 * The marks the user made on every item (index = id - 1): what the state records for its key, else
 * `done` when the document itself ticks it (`[x]`), else `todo`. Parents are not rolled up.
 */
export function markedStatuses(model: RoadmapOutline, doc: DocumentState): ItemStatus[] {
  const recorded = Object.keys(doc.items).length > 0;
  return model.items.map((item) => {
    const record = recorded && Object.hasOwn(doc.items, item.key) ? doc.items[item.key] : undefined;
    return record?.status ?? (item.checked ? 'done' : 'todo');
  });
}

/**
 * The status of every item as every view shows it: the marks (`markedStatuses`) with parents rolled up.
 * A parent task still to do (or in progress) whose children are all closed, one of them at least done,
 * counts as done; it is to do again as soon as one of its children is.
 */
export function itemStatuses(model: RoadmapOutline, doc: DocumentState): ItemStatus[] {
  return rollUp(model, markedStatuses(model, doc));
}

/** Statuses with parents rolled up (see `itemStatuses`); `statuses` is left as it is. */
export function rollUp(model: RoadmapOutline, statuses: readonly ItemStatus[]): ItemStatus[] {
  const result = [...statuses];
  if (!model.items.some((item) => item.parent !== null)) return result;
  // Per parent: 0 no child seen, 1 every child closed and none done, 2 closed with one done, -1 one still open.
  const children = new Map<number, number>();
  // Children come after their parent in document order: going backwards, a child is final when its parent is read.
  for (let index = model.items.length - 1; index >= 0; index--) {
    const item = model.items[index];
    if (!item) continue;
    const seen = children.get(item.id);
    const own = result[index];
    if (seen === 2 && (own === 'todo' || own === 'doing')) result[index] = 'done';
    if (item.parent === null) continue;
    const status = result[index];
    const before = children.get(item.parent) ?? 0;
    const now = status === 'todo' || status === 'doing' ? -1 : status === 'done' ? 2 : 1;
    children.set(item.parent, before === -1 || now === -1 ? -1 : Math.max(before, now));
  }
  return result;
}

/**
 * Percentage done, skipped items left out of the base (they are not remaining work). Rounded, but
 * never 100 before everything is done nor 0 once something is.
 */
export function percentOf(done: number, total: number, skipped: number): number {
  const base = total - skipped;
  if (base <= 0) return total > 0 ? 100 : 0;
  const exact = (100 * done) / base;
  if (done === base) return 100;
  return Math.min(99, Math.max(done > 0 ? 1 : 0, Math.round(exact)));
}

/** Counts the statuses of some items. */
export function countItems(ids: readonly number[], statuses: readonly ItemStatus[]): Counts {
  return tally(ids.length, (index) => statuses[(ids[index] as number) - 1]);
}

/** Counts the statuses of every item. */
function countStatuses(statuses: readonly ItemStatus[]): Counts {
  return tally(statuses.length, (index) => statuses[index]);
}

function tally(total: number, statusAt: (index: number) => ItemStatus | undefined): Counts {
  let done = 0;
  let doing = 0;
  let skipped = 0;
  for (let index = 0; index < total; index++) {
    const status = statusAt(index);
    if (status === 'done') done++;
    else if (status === 'doing') doing++;
    else if (status === 'skipped') skipped++;
  }
  return { total, done, doing, skipped, percent: percentOf(done, total, skipped) };
}

/** Progress overall, per level and per section. */
export function roadmapProgress(model: RoadmapOutline, statuses: readonly ItemStatus[]): RoadmapProgress {
  const levels = model.levels.map((level) => ({
    title: level.title,
    number: level.number,
    color: level.color,
    ...countItems(level.itemIds, statuses),
    sections: level.sections.map((section) => ({ title: section.title, ...countItems(section.itemIds, statuses) })),
  }));
  return { title: model.title, ...countStatuses(statuses), levels };
}
