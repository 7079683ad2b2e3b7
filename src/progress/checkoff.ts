import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { fold } from '../roadmap/select.js';
import type { Target } from './changes.js';

/** Items shown together in an interactive list: those of one section, or those placed directly under a level. */
export interface ItemGroup {
  /** Index into `Roadmap.levels`. */
  level: number;
  /** Index into the level's sections, or null for the level's own items. */
  section: number | null;
  ids: number[];
}

/** The groups holding the given items, in document order (empty groups left out). */
export function itemGroups(model: Roadmap, ids: Iterable<number>): ItemGroup[] {
  const wanted = new Set(ids);
  const groups: ItemGroup[] = [];
  model.levels.forEach((level, l) => {
    const inSection = new Set(level.sections.flatMap((section) => section.itemIds));
    const own = level.itemIds.filter((id) => !inSection.has(id) && wanted.has(id));
    if (own.length) groups.push({ level: l, section: null, ids: own });
    level.sections.forEach((section, s) => {
      const shown = section.itemIds.filter((id) => wanted.has(id));
      if (shown.length) groups.push({ level: l, section: s, ids: shown });
    });
  });
  return groups;
}

/**
 * How an interactive list works for a wanted status: which items it offers and which start ticked.
 * For done, in progress and skipped: every item, those already in that status ticked (unticking one
 * puts it back to do). For "to do": the items that are not, none ticked.
 */
export function checkoffRule(to: ItemStatus): { offered(status: ItemStatus): boolean; ticked(status: ItemStatus): boolean } {
  if (to === 'todo') return { offered: (status) => status !== 'todo', ticked: () => false };
  return { offered: () => true, ticked: (status) => status === to };
}

/** The changes an interactive list's answer asks for: newly ticked items get `to`, unticked ones go back to do. */
export function checkoffTargets(
  ids: readonly number[],
  statuses: readonly ItemStatus[],
  ticked: ReadonlySet<number>,
  to: ItemStatus,
): Target[] {
  const rule = checkoffRule(to);
  const targets: Target[] = [];
  for (const id of ids) {
    const status = statuses[id - 1] ?? 'todo';
    const was = rule.ticked(status);
    const now = ticked.has(id);
    if (now && !was) targets.push({ id, to });
    else if (!now && was) targets.push({ id, to: 'todo' });
  }
  return targets;
}

/** The groups whose section (or level) title, or one of whose items, contains the typed text; all when empty. */
export function matchGroups(model: Roadmap, groups: readonly ItemGroup[], term: string): Array<{ group: ItemGroup; matching: number }> {
  const wanted = fold(term);
  if (wanted === '') return groups.map((group) => ({ group, matching: 0 }));
  const found: Array<{ group: ItemGroup; matching: number }> = [];
  for (const group of groups) {
    const level = model.levels[group.level];
    const title = group.section === null ? level?.title : level?.sections[group.section]?.title;
    const matching = group.ids.filter((id) => fold(model.items[id - 1]?.text ?? '').includes(wanted)).length;
    if (matching > 0 || fold(title ?? '').includes(wanted) || fold(level?.title ?? '').includes(wanted)) found.push({ group, matching });
  }
  return found;
}
