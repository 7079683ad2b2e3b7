import type { RoadmapProgress } from '../progress/stats.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';

/** `status --json`, the shape of the interface contract (plus `doing`, `skipped`, `number`). */
export function statusJson(progress: RoadmapProgress) {
  return {
    title: progress.title,
    total: progress.total,
    done: progress.done,
    doing: progress.doing,
    skipped: progress.skipped,
    percent: progress.percent,
    levels: progress.levels.map((level) => ({
      title: level.title,
      number: level.number,
      total: level.total,
      done: level.done,
      doing: level.doing,
      skipped: level.skipped,
      percent: level.percent,
      sections: level.sections.map((s) => ({
        title: s.title,
        total: s.total,
        done: s.done,
        doing: s.doing,
        skipped: s.skipped,
      })),
    })),
  };
}

/** One item in `list --json`: `level` is the level's number, `section` its title or null. */
export function itemJson(model: Roadmap, id: number, status: ItemStatus) {
  const item = model.items[id - 1];
  if (!item) throw new RangeError(`no item ${id}`);
  const level = model.levels[item.level];
  return {
    id: item.id,
    key: item.key,
    text: item.text,
    level: level?.number ?? null,
    levelTitle: level?.title ?? null,
    section: item.section === null ? null : (level?.sections[item.section]?.title ?? null),
    status,
    parent: item.parent,
  };
}

/** JSON text for stdout: indented, newline-terminated. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
