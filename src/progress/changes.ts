import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import type { DocumentState, LogEntry, UndoChange, UndoStep } from './state.js';

/** Undo steps kept per document; older ones are dropped. */
export const UNDO_LIMIT = 50;

/** A wanted status for one item. */
export interface Target {
  id: number;
  to: ItemStatus;
}

/** One item's status change. `id` is null when the key is no longer in the document (undo only). */
export interface ItemChange {
  id: number | null;
  key: string;
  from: ItemStatus;
  to: ItemStatus;
}

/** What a set of targets would do: the real changes, and the items already in the wanted status. */
export interface ChangePlan {
  changes: ItemChange[];
  unchanged: Array<{ id: number; status: ItemStatus }>;
}

/** The status an item has when the state records nothing for it: what the document itself says. */
export function baseStatus(model: Roadmap, key: string): ItemStatus {
  return model.items.find((item) => item.key === key)?.checked ? 'done' : 'todo';
}

/** The current status of the item with this key. */
export function statusOfKey(model: Roadmap, doc: DocumentState, key: string): ItemStatus {
  return Object.hasOwn(doc.items, key) ? (doc.items[key] as { status: ItemStatus }).status : baseStatus(model, key);
}

/**
 * Compares targets with the document's state: which items change, and which already have the wanted
 * status. Targets naming the same item twice count once, at its first place (the last status wins).
 */
export function planChanges(model: Roadmap, doc: DocumentState, targets: readonly Target[]): ChangePlan {
  const wanted = new Map<number, ItemStatus>();
  for (const target of targets) wanted.set(target.id, target.to);
  const plan: ChangePlan = { changes: [], unchanged: [] };
  for (const [id, to] of wanted) {
    const item = model.items[id - 1];
    if (!item) throw new RangeError(`no item ${id}`);
    const from = statusOfKey(model, doc, item.key);
    if (from === to) plan.unchanged.push({ id, status: from });
    else plan.changes.push({ id, key: item.key, from, to });
  }
  return plan;
}

/**
 * The document's state after some changes: each item's new record, one log entry per change, and one
 * undo step for the whole set (so an interactive session is undone at once). Returns a new state.
 */
export function recordChanges(doc: DocumentState, changes: readonly ItemChange[], at: string, command: string): DocumentState {
  if (changes.length === 0) return doc;
  const items = { ...doc.items };
  const undo: UndoChange[] = [];
  const log: LogEntry[] = [];
  for (const change of changes) {
    const before = Object.hasOwn(items, change.key) ? (items[change.key] ?? null) : null;
    const after = { status: change.to, at };
    undo.push({ key: change.key, from: before, to: after });
    log.push({ at, key: change.key, from: change.from, to: change.to });
    defineRecord(items, change.key, after);
  }
  const step: UndoStep = { at, command, changes: undo };
  return {
    ...doc,
    items,
    log: [...(doc.log ?? []), ...log],
    undo: [...(doc.undo ?? []), step].slice(-UNDO_LIMIT),
  };
}

/** What `roadmap undo` would revert: the last step and its changes, or null when there is none. */
export function planUndo(model: Roadmap, doc: DocumentState): { step: UndoStep; changes: ItemChange[] } | null {
  const step = doc.undo?.at(-1);
  if (!step) return null;
  // A key changed twice in one step goes back to what it was before the first change.
  const first = new Map<string, UndoChange>();
  for (const change of step.changes) if (!first.has(change.key)) first.set(change.key, change);
  const changes = [...first.values()]
    .map(
      (change): ItemChange => ({
        id: model.items.find((item) => item.key === change.key)?.id ?? null,
        key: change.key,
        from: statusOfKey(model, doc, change.key),
        to: change.from ? change.from.status : baseStatus(model, change.key),
      }),
    )
    .filter((change) => change.from !== change.to);
  return { step, changes };
}

/**
 * The document's state with its last undo step reverted: each record put back as it was before (or
 * removed when there was none), one log entry per status that changes, the step removed. Returns a
 * new state, or the same one when there is nothing to undo.
 */
export function revertLast(model: Roadmap, doc: DocumentState, at: string): DocumentState {
  const planned = planUndo(model, doc);
  if (!planned) return doc;
  const items = { ...doc.items };
  for (const change of [...planned.step.changes].reverse()) {
    if (change.from) defineRecord(items, change.key, change.from);
    else delete items[change.key];
  }
  const log = planned.changes.map((c): LogEntry => ({ at, key: c.key, from: c.from, to: c.to }));
  return { ...doc, items, log: [...(doc.log ?? []), ...log], undo: (doc.undo ?? []).slice(0, -1) };
}

// Keys are data: `__proto__` must become an own property, not the prototype.
function defineRecord(items: DocumentState['items'], key: string, record: DocumentState['items'][string]): void {
  Object.defineProperty(items, key, { value: record, enumerable: true, writable: true, configurable: true });
}
