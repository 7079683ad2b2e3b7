import { distance } from 'fastest-levenshtein';
import type { Roadmap } from '../roadmap/model.js';
import { fold } from '../roadmap/select.js';
import { type ChangeReport, type DocumentState, emptyDocument, type KnownItem, type State } from '../store/state.js';

/** Lowest similarity (0-1) at which an edited item is taken for the old one. */
export const RENAME_THRESHOLD = 0.75;

/** Every item of a document by key: its text and its group (`level › section`). */
export function snapshotOf(model: Roadmap): Record<string, KnownItem> {
  const known: Record<string, KnownItem> = {};
  for (const item of model.items) {
    const level = model.levels[item.level];
    const section = item.section === null ? undefined : level?.sections[item.section];
    known[item.key] = { text: item.text, section: section ? `${level?.title ?? ''} › ${section.title}` : (level?.title ?? '') };
  }
  return known;
}

/** A short hash of a snapshot: equal fingerprints mean the same items, texts and groups. */
export function fingerprintOf(known: Record<string, KnownItem>): string {
  // node:crypto loaded on first use: a command whose document did not change never needs it.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256');
  for (const [key, item] of Object.entries(known))
    hash.update(key).update('\0').update(item.text).update('\0').update(item.section).update('\n');
  return hash.digest('hex').slice(0, 20);
}

/**
 * How alike two item texts are, from 0 to 1: the better of the edit-distance ratio and the overlap of
 * their words (one text holding every word of the other, two or one long word, counts as 0.8).
 */
export function similarity(a: string, b: string): number {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return 1;
  const longest = Math.max(x.length, y.length);
  const chars = longest === 0 ? 0 : 1 - distance(x, y) / longest;
  const wx = new Set(x.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const wy = new Set(y.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  let common = 0;
  for (const w of wx) if (wy.has(w)) common++;
  const dice = wx.size + wy.size === 0 ? 0 : (2 * common) / (wx.size + wy.size);
  // One text holding all the words of the other (an item extended or trimmed): two words, or one long word.
  const shorter = wx.size <= wy.size ? wx : wy;
  const substantial = common >= 2 || (common === 1 && [...shorter].some((w) => w.length >= 5));
  const contained = substantial && common === shorter.size ? 0.8 : 0;
  return Math.max(chars, dice, contained);
}

export interface Rename {
  from: string;
  to: string;
  fromText: string;
  toText: string;
}

export interface DocumentChanges {
  /** Items edited in place, matched by similarity within their section. */
  renamed: Rename[];
  /** Items gone from the document. */
  removed: { key: string; text: string; section: string }[];
  /** Items new in the document. */
  added: { key: string; text: string }[];
  /** The document had been seen before (otherwise only orphaned progress is matched). */
  seenBefore: boolean;
}

/**
 * Compares the document's items with the snapshot of the last run. Gone and new items of the same
 * section are paired, best match first, when their texts are similar enough: those are renames. With no
 * snapshot (progress recorded before the document was first seen), keys holding progress that the
 * document lacks are matched against its items by the words of the key.
 */
export function diffDocument(model: Roadmap, doc: DocumentState): DocumentChanges {
  const current = snapshotOf(model);
  const previous = doc.known;
  const gone: { key: string; text: string; section: string | null }[] = [];
  if (previous) {
    for (const [key, item] of Object.entries(previous)) if (!Object.hasOwn(current, key)) gone.push({ key, ...item });
  } else {
    for (const key of Object.keys(doc.items)) {
      if (!Object.hasOwn(current, key) && !doc.removed?.[key]) gone.push({ key, text: key.replace(/-/g, ' '), section: null });
    }
  }
  const fresh = Object.entries(current).filter(([key]) => (previous ? !Object.hasOwn(previous, key) : !Object.hasOwn(doc.items, key)));
  const pairs: { g: number; f: number; score: number }[] = [];
  gone.forEach((old, g) => {
    fresh.forEach(([, item], f) => {
      if (old.section !== null && old.section !== item.section) return;
      const score = similarity(old.text, item.text);
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
    const old = gone[g] as (typeof gone)[number];
    const [to, item] = fresh[f] as [string, KnownItem];
    renamed.push({ from: old.key, to, fromText: previous ? old.text : old.key, toText: item.text });
  }
  return {
    renamed,
    removed: previous
      ? gone.filter((_, g) => !usedGone.has(g)).map(({ key, text, section }) => ({ key, text, section: section ?? '' }))
      : [],
    added: previous ? fresh.filter((_, f) => !usedFresh.has(f)).map(([key, item]) => ({ key, text: item.text })) : [],
    seenBefore: previous !== undefined,
  };
}

/** True when the changes are worth telling the user about. */
export function hasChanges(changes: DocumentChanges): boolean {
  return changes.renamed.length + changes.removed.length + changes.added.length > 0;
}

/**
 * Records the document as seen now: progress (and history) of renamed items moves to their new key,
 * progress of removed items is kept aside, and the snapshot and change report are updated.
 */
export function applyChanges(doc: DocumentState, model: Roadmap, changes: DocumentChanges, at: string): void {
  const moved = new Map<string, string>();
  for (const { from, to } of changes.renamed) {
    const record = Object.hasOwn(doc.items, from) ? doc.items[from] : undefined;
    if (!record) continue;
    const existing = Object.hasOwn(doc.items, to) ? doc.items[to] : undefined;
    if (!existing || existing.at < record.at) doc.items[to] = record;
    delete doc.items[from];
    if (doc.removed) delete doc.removed[from];
    moved.set(from, to);
  }
  if (moved.size) {
    for (const entry of doc.log ?? []) entry.key = moved.get(entry.key) ?? entry.key;
    // Undo steps follow the item too, so `roadmap undo` still reverts it under its new key.
    for (const step of doc.undo ?? []) for (const change of step.changes) change.key = moved.get(change.key) ?? change.key;
  }
  const known = snapshotOf(model);
  for (const { key, text, section } of changes.removed) {
    if (!Object.hasOwn(doc.items, key)) continue;
    doc.removed ??= {};
    doc.removed[key] = { text, section, at };
  }
  // An item that came back is no longer removed.
  if (doc.removed) {
    for (const key of Object.keys(doc.removed)) if (Object.hasOwn(known, key) || !Object.hasOwn(doc.items, key)) delete doc.removed[key];
    if (Object.keys(doc.removed).length === 0) delete doc.removed;
  }
  doc.known = known;
  doc.fingerprint = fingerprintOf(known);
  doc.title = model.title;
  if (changes.seenBefore && hasChanges(changes)) {
    const report: ChangeReport = {
      at,
      renamed: changes.renamed,
      removed: changes.removed.map(({ key, text }) => ({ key, text })),
      added: changes.added,
    };
    doc.lastChange = report;
  } else if (changes.renamed.length) {
    doc.lastChange = { at, renamed: changes.renamed, removed: [], added: [] };
  }
}

/** Progress the document no longer has an item for: key, record and the text it last had. */
export interface OrphanProgress {
  key: string;
  text: string;
  status: DocumentState['items'][string]['status'];
  at: string;
}

/** Keys holding progress that match no item of the document (removed items), in key order. */
export function orphanProgress(model: Roadmap, doc: DocumentState): OrphanProgress[] {
  const keys = new Set(model.items.map((item) => item.key));
  return Object.entries(doc.items)
    .filter(([key]) => !keys.has(key))
    .map(([key, record]) => ({
      key,
      text: doc.removed?.[key]?.text ?? doc.known?.[key]?.text ?? key,
      status: record.status,
      at: record.at,
    }))
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
