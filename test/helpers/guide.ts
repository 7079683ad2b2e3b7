import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentState } from '../../src/progress/state.js';
import type { ItemStatus, Roadmap } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { ROOT } from './context.js';

let bundled: Roadmap | undefined;

/** The bundled roadmap's model (parsed once per test file). */
export function bundledModel(): Roadmap {
  bundled ??= parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
  return bundled;
}

/** Ids 1..n as a list (`range(1, 7)` → 1, 2, …, 7). */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Statuses of every item (index = id - 1): todo unless listed. */
export function statusesOf(model: Roadmap, set: { done?: number[]; doing?: number[]; skipped?: number[] } = {}): ItemStatus[] {
  return model.items.map((item) => {
    if (set.done?.includes(item.id)) return 'done';
    if (set.doing?.includes(item.id)) return 'doing';
    if (set.skipped?.includes(item.id)) return 'skipped';
    return 'todo';
  });
}

/**
 * A document state in the store's format for the given items: each listed item gets its record and
 * one log entry (todo → status) at the given date-time.
 */
export function docStateOf(
  model: Roadmap,
  changes: Array<{ id: number; to: ItemStatus; at: string }>,
  plan?: { start: string },
): DocumentState {
  const doc: DocumentState = { items: {}, log: [] };
  for (const change of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = model.items[change.id - 1]?.key;
    if (!key) throw new Error(`no item ${change.id}`);
    const from = doc.items[key]?.status ?? 'todo';
    doc.items[key] = { status: change.to, at: change.at };
    doc.log?.push({ at: change.at, key, from, to: change.to });
  }
  if (plan) doc.plan = plan;
  return doc;
}

/** Writes `state.json` for the bundled document into a state folder (ROADMAP_HOME or $XDG_CONFIG_HOME/roadmap). */
export function writeState(home: string, doc: DocumentState): void {
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'state.json'), JSON.stringify({ schemaVersion: 1, documents: { bundled: doc } }, null, 2));
}
