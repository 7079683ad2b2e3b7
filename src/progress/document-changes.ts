import type { Roadmap } from '../roadmap/model.js';
import { type PlacedItem, RENAME_THRESHOLD, reconcile, similarity } from './identity.js';
import { type ChangeReport, type DocumentState, emptyDocument, type KnownItem, type State } from './state.js';

export { RENAME_THRESHOLD, similarity };

/** An item's group as recorded: `level › section` titles. */
function placeOf(model: Roadmap, item: Roadmap['items'][number]): string {
  const level = model.levels[item.level];
  const section = item.section === null ? undefined : level?.sections[item.section];
  return section ? `${level?.title ?? ''} › ${section.title}` : (level?.title ?? '');
}

/** Every item of a document by key: its text, its group (`level › section`), its parent item's text and its tick. */
export function snapshotOf(model: Roadmap): Record<string, KnownItem> {
  const known: Record<string, KnownItem> = {};
  for (const item of model.items) {
    const entry: KnownItem = { text: item.text, section: placeOf(model, item) };
    const parent = item.parent === null ? undefined : model.items[item.parent - 1];
    if (parent) entry.parent = parent.text;
    if (item.checked) entry.checked = true;
    // Keys are data: `__proto__` must become an own property, not the prototype.
    if (item.key === '__proto__') Object.defineProperty(known, item.key, { value: entry, enumerable: true, writable: true });
    else known[item.key] = entry;
  }
  return known;
}

/**
 * A short hash of a document's items in order (texts, groups, parents, ticks; not keys): equal
 * fingerprints mean the same items at the same numbers, so the recorded keys still hold.
 */
export function fingerprintOf(model: Roadmap): string {
  // node:crypto loaded on first use: a command whose document did not change never needs it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const lines = model.items.map((item) => `${item.text}\0${placeOf(model, item)}\0${item.parent ?? ''}\0${item.checked ? 'x' : ''}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, 20);
}

export interface Rename {
  from: string;
  to: string;
  fromText: string;
  toText: string;
}

export interface DocumentChanges {
  /** Items edited in place (their key kept); `from` differs from `to` only for progress recorded before any snapshot. */
  renamed: Rename[];
  /** Items found in another group, their key kept. */
  moved: { key: string; text: string; from: string; to: string }[];
  /** Items gone from the document. */
  removed: { key: string; text: string; section: string }[];
  /** Items new in the document. */
  added: { key: string; text: string }[];
  /** Recorded items holding progress that several items could be: their progress stays on their key. */
  ambiguous: { key: string; text: string; section: string; candidates: { key: string; text: string }[] }[];
  /** Items ticked in the document with no recorded status: recorded as done. */
  ticked: { key: string; text: string }[];
  /** Items whose tick left the document while they are recorded done: they stay done. */
  unticked: { key: string; text: string }[];
  /** Removed items back with exactly their text and place: their progress kept aside is theirs again. */
  restored: { key: string; text: string }[];
  /** The key of each item of the document, in order: recorded keys kept, fresh ones for new items. */
  keys: string[];
  /** The document had been seen before (otherwise only orphaned progress is matched). */
  seenBefore: boolean;
}

/** Keys that hold anything: a status, notes or history. */
function keysWithData(doc: DocumentState): Set<string> {
  const keys = new Set(Object.keys(doc.items));
  for (const key of Object.keys(doc.notes ?? {})) keys.add(key);
  for (const entry of doc.log ?? []) keys.add(entry.key);
  return keys;
}

/**
 * Compares the document's items with the snapshot of the last run (see `reconcile`): every item keeps
 * its recorded key, wherever it went and however lightly it was edited; what cannot be told apart is
 * reported, never guessed. With no snapshot (progress recorded before the document was first seen),
 * keys holding progress that the document lacks are matched against its items by the words of the key.
 * Ticks written in the document with no recorded status are found too.
 */
export function diffDocument(model: Roadmap, doc: DocumentState): DocumentChanges {
  const previous = doc.known;
  const changes = previous ? reconcileWith(model, doc, previous) : firstSight(model, doc);
  const known = previous ?? {};
  model.items.forEach((item, index) => {
    const key = changes.keys[index] as string;
    const record = Object.hasOwn(doc.items, key) ? doc.items[key] : undefined;
    if (item.checked && !record) changes.ticked.push({ key, text: item.text });
    const was = Object.hasOwn(known, key) ? known[key] : undefined;
    if (!item.checked && was?.checked && record?.status === 'done') changes.unticked.push({ key, text: item.text });
  });
  return changes;
}

function reconcileWith(model: Roadmap, doc: DocumentState, previous: Record<string, KnownItem>): DocumentChanges {
  const seen: PlacedItem[] = Object.entries(previous).map(([key, item]) => ({
    key,
    text: item.text,
    place: item.section,
    parent: item.parent ?? null,
    checked: item.checked === true,
  }));
  // A snapshot made before parents were kept: parents left out on both sides.
  const withParents = Object.values(previous).some((item) => item.parent !== undefined) || !model.items.some((i) => i.parent !== null);
  const current: PlacedItem[] = model.items.map((item) => ({
    key: item.key,
    text: item.text,
    place: placeOf(model, item),
    parent: withParents && item.parent !== null ? (model.items[item.parent - 1]?.text ?? null) : null,
    checked: item.checked,
  }));
  // Removed items holding progress are looked for too: they may be back. Ambiguous ones are not: which
  // twin they were is as unknown as before, they wait to be attached by hand.
  const aside = seen.length;
  for (const [key, item] of Object.entries(doc.removed ?? {}))
    if (!Object.hasOwn(previous, key) && !item.candidates) seen.push({ key, text: item.text, place: item.section, parent: null });
  if (!withParents) for (const item of seen) item.parent = null;
  const data = keysWithData(doc);
  const reserved = new Set([...data, ...Object.keys(doc.removed ?? {})]);
  const found = reconcile(seen, current, (key) => data.has(key), reserved, aside);
  const changes: DocumentChanges = {
    renamed: [],
    moved: [],
    removed: [],
    added: [],
    ambiguous: [],
    ticked: [],
    unticked: [],
    restored: [],
    keys: found.keys,
    seenBefore: true,
  };
  found.from.forEach((s, c) => {
    const key = found.keys[c] as string;
    const now = current[c] as PlacedItem;
    const old = seen[s] as PlacedItem | undefined;
    const how = found.how[c];
    if (!old || how === 'new') changes.added.push({ key, text: now.text });
    else if (s >= aside) changes.restored.push({ key, text: now.text });
    else if (how === 'renamed') changes.renamed.push({ from: key, to: key, fromText: old.text, toText: now.text });
    else if (how === 'moved' && old.place !== now.place) changes.moved.push({ key, text: now.text, from: old.place, to: now.place });
  });
  for (const s of found.removed) {
    if (s >= aside) continue;
    const old = seen[s] as PlacedItem;
    changes.removed.push({ key: old.key, text: old.text, section: old.place });
  }
  for (const { seen: s, candidates } of found.ambiguous) {
    const old = seen[s] as PlacedItem;
    changes.ambiguous.push({
      key: old.key,
      text: old.text,
      section: old.place,
      candidates: candidates.map((c) => ({ key: found.keys[c] as string, text: (current[c] as PlacedItem).text })),
    });
  }
  return changes;
}

/** The first sight of a document: the parser's keys are recorded as they are; orphaned progress matched by its key's words. */
function firstSight(model: Roadmap, doc: DocumentState): DocumentChanges {
  const keys = model.items.map((item) => item.key);
  const present = new Set(keys);
  const gone = Object.keys(doc.items).filter((key) => !present.has(key) && !doc.removed?.[key]);
  const fresh = model.items.filter((item) => !Object.hasOwn(doc.items, item.key));
  const pairs: { g: number; f: number; score: number }[] = [];
  gone.forEach((key, g) => {
    fresh.forEach((item, f) => {
      const score = similarity(key.replace(/-/g, ' '), item.text);
      if (score >= RENAME_THRESHOLD) pairs.push({ g, f, score });
    });
  });
  pairs.sort((p, q) => q.score - p.score || p.g - q.g || p.f - q.f);
  const usedGone = new Set<number>();
  const usedFresh = new Set<number>();
  const renamed: Rename[] = [];
  for (const { g, f } of pairs) {
    if (usedGone.has(g) || usedFresh.has(f)) continue;
    usedGone.add(g);
    usedFresh.add(f);
    const from = gone[g] as string;
    const item = fresh[f] as Roadmap['items'][number];
    renamed.push({ from, to: item.key, fromText: from, toText: item.text });
  }
  return { renamed, moved: [], removed: [], added: [], ambiguous: [], ticked: [], unticked: [], restored: [], keys, seenBefore: false };
}

/** True when the changes are worth telling the user about. */
export function hasChanges(changes: DocumentChanges): boolean {
  const { renamed, moved, removed, added, ambiguous, unticked, restored } = changes;
  return renamed.length + moved.length + removed.length + added.length + ambiguous.length + unticked.length + restored.length > 0;
}

/**
 * Records the document as seen now: every item gets its key (the recorded ones kept: only those that
 * differ from the parser's are written, by item number), ticks of the document are recorded as done
 * (logged as ticked in the document), progress of removed and ambiguous items is kept aside on their
 * key, and the snapshot and change report are updated. The model's items take their keys.
 */
export function applyChanges(doc: DocumentState, model: Roadmap, changes: DocumentChanges, at: string): void {
  const moved = new Map<string, string>();
  for (const { from, to } of changes.renamed) {
    if (from === to) continue;
    const record = Object.hasOwn(doc.items, from) ? doc.items[from] : undefined;
    if (!record) continue;
    const existing = Object.hasOwn(doc.items, to) ? doc.items[to] : undefined;
    if (!existing || existing.at < record.at) doc.items[to] = record;
    delete doc.items[from];
    if (doc.removed) delete doc.removed[from];
    moved.set(from, to);
  }
  if (moved.size) moveKeys(doc, moved);
  const overrides: Record<string, string> = {};
  model.items.forEach((item, index) => {
    const key = changes.keys[index] ?? item.key;
    if (key !== item.key) overrides[String(item.id)] = key;
    item.key = key;
  });
  // Keys recorded before differ from the parser's only where twins moved: most documents record none.
  if (Object.keys(overrides).length) doc.keys = overrides;
  else delete doc.keys;
  for (const { key } of changes.ticked) {
    if (Object.hasOwn(doc.items, key)) continue;
    Object.defineProperty(doc.items, key, { value: { status: 'done', at }, enumerable: true, writable: true, configurable: true });
    doc.log ??= [];
    doc.log.push({ at, key, from: 'todo', to: 'done', via: 'document' });
  }
  const known = snapshotOf(model);
  const putAside = (key: string, text: string, section: string, candidates?: string[]) => {
    if (!Object.hasOwn(doc.items, key)) return;
    doc.removed ??= {};
    doc.removed[key] = { text, section, at, ...(candidates ? { candidates } : {}) };
  };
  for (const { key, text, section } of changes.removed) putAside(key, text, section);
  for (const { key, text, section, candidates } of changes.ambiguous)
    putAside(
      key,
      text,
      section,
      candidates.map((c) => c.key),
    );
  // An item that came back is no longer removed.
  if (doc.removed) {
    for (const key of Object.keys(doc.removed)) if (Object.hasOwn(known, key) || !Object.hasOwn(doc.items, key)) delete doc.removed[key];
    if (Object.keys(doc.removed).length === 0) delete doc.removed;
  }
  doc.known = known;
  doc.fingerprint = fingerprintOf(model);
  doc.title = model.title;
  const { renamed, moved: movedItems, ambiguous, ticked, unticked } = changes;
  // First sight: its ticks are in the log, there is no change to tell.
  if ((changes.seenBefore && (hasChanges(changes) || ticked.length)) || renamed.length) {
    const report: ChangeReport = {
      at,
      renamed,
      removed: changes.removed.map(({ key, text }) => ({ key, text })),
      added: changes.added,
    };
    if (movedItems.length) report.moved = movedItems;
    if (ambiguous.length) report.ambiguous = ambiguous.map(({ key, text, candidates }) => ({ key, text, candidates }));
    if (ticked.length) report.ticked = ticked;
    if (unticked.length) report.unticked = unticked;
    if (changes.restored.length) report.restored = changes.restored;
    doc.lastChange = report;
  }
}

/** Moves everything recorded under some keys (status, history, undo steps, notes) to other keys. */
export function moveKeys(doc: DocumentState, moved: ReadonlyMap<string, string>): void {
  for (const entry of doc.log ?? []) entry.key = moved.get(entry.key) ?? entry.key;
  // The entries already in the history file follow through a move line the store appends.
  if (doc.historyBytes) doc.logMoves = [...(doc.logMoves ?? []), Object.fromEntries(moved)];
  // Undo steps follow the item too, so `roadmap undo` still reverts it under its new key.
  for (const step of doc.undo ?? []) for (const change of step.changes) change.key = moved.get(change.key) ?? change.key;
  if (doc.notes) {
    for (const [from, to] of moved) {
      const notes = Object.hasOwn(doc.notes, from) ? doc.notes[from] : undefined;
      if (!notes) continue;
      doc.notes[to] = [...(Object.hasOwn(doc.notes, to) ? (doc.notes[to] ?? []) : []), ...notes];
      delete doc.notes[from];
    }
  }
}

/** Progress the document no longer has an item for: key, record and the text it last had. */
export interface OrphanProgress {
  key: string;
  text: string;
  status: DocumentState['items'][string]['status'];
  at: string;
  /** For progress left aside as ambiguous: the items of the document it could belong to. */
  candidates?: { key: string; id: number; text: string }[];
}

/** Keys holding progress that match no item of the document (removed items), in key order. */
export function orphanProgress(model: Roadmap, doc: DocumentState): OrphanProgress[] {
  const keys = new Set(model.items.map((item) => item.key));
  return Object.entries(doc.items)
    .filter(([key]) => !keys.has(key))
    .map(([key, record]) => {
      const orphan: OrphanProgress = {
        key,
        text: doc.removed?.[key]?.text ?? doc.known?.[key]?.text ?? key,
        status: record.status,
        at: record.at,
      };
      const candidates = doc.removed?.[key]?.candidates;
      if (candidates) {
        orphan.candidates = model.items.filter((item) => candidates.includes(item.key)).map(({ key, id, text }) => ({ key, id, text }));
      }
      return orphan;
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Drops the progress of removed items; returns how many records were dropped. */
export function pruneOrphans(model: Roadmap, doc: DocumentState): number {
  const orphans = orphanProgress(model, doc);
  for (const { key } of orphans) delete doc.items[key];
  delete doc.removed;
  return orphans.length;
}

/**
 * The state of a document, created when missing, with its path, title and a snapshot of its items, so
 * that edits made before the next run are recognised. Call inside `store.update`.
 */
export function registerDocument(
  state: State,
  doc: { docId: string; path: string; bundled: boolean; model: Roadmap; hash?: string },
  at: string,
): DocumentState {
  let current = Object.hasOwn(state.documents, doc.docId) ? state.documents[doc.docId] : undefined;
  if (!current) {
    current = emptyDocument();
    state.documents[doc.docId] = current;
  }
  if (!doc.bundled) current.path = doc.path;
  // Never snapshotted (a snapshot and its fingerprint are recorded together: see applyChanges).
  if (!current.fingerprint) {
    applyChanges(current, doc.model, diffDocument(doc.model, current), at);
    // The snapshot is of these bytes: the next run's change tracking has nothing to compare.
    if (doc.hash !== undefined) current.contentHash = doc.hash;
  }
  return current;
}

/** Why progress could not be attached by hand. */
export class AttachError extends Error {
  constructor(
    readonly reason: 'unknown-key' | 'taken',
    readonly key: string,
  ) {
    super(`cannot attach ${key}: ${reason}`);
    this.name = 'AttachError';
  }
}

/**
 * Gives the progress recorded under a key that is no item of the document (a removed or ambiguous
 * item: see `orphanProgress`) to an item: its status, history, undo steps and notes move to the item's
 * key. Throws an AttachError when the key holds no such progress, or the item has progress of its own.
 */
export function attachProgress(model: Roadmap, doc: DocumentState, key: string, id: number): void {
  const item = model.items[id - 1];
  const record = Object.hasOwn(doc.items, key) ? doc.items[key] : undefined;
  if (!item || !record || model.items.some((i) => i.key === key)) throw new AttachError('unknown-key', key);
  if (Object.hasOwn(doc.items, item.key)) throw new AttachError('taken', item.key);
  Object.defineProperty(doc.items, item.key, { value: record, enumerable: true, writable: true, configurable: true });
  delete doc.items[key];
  if (doc.removed) {
    delete doc.removed[key];
    if (Object.keys(doc.removed).length === 0) delete doc.removed;
  }
  moveKeys(doc, new Map([[key, item.key]]));
}
