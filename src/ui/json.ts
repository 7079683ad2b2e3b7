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

/**
 * One item in `list --json`: `level` is the level's number, `section` its title or null, `priority` what the
 * item's text says (raised, lowered, a badge value or null) and `priorityWords` the words that say it.
 */
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
    // What the item's own text says of its priority: "raised", "lowered", a badge's value, or null.
    priority: item.priority?.value ?? null,
    priorityWords: item.priority?.words ?? null,
  };
}

// What JSON.stringify leaves raw: DEL and the C1 controls, the bidirectional overrides and isolates, and the
// line and paragraph separators. They can only sit inside strings (JSON's own syntax is ASCII).
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text for stdout (and export files): indented, newline-terminated, with every control character
 * escaped as `\u` (JSON.stringify escapes C0 itself), so a document's text never drives a terminal
 * that shows the JSON, and the data parses back the same.
 */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
