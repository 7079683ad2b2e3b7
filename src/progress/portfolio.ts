import { type Capstone, type CapstonePart, findCapstone, type PartPreparation, preparationOf } from '../roadmap/capstone.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { fold } from '../roadmap/select.js';
import { BadUrl, NotAPartNumber, PartNotFound } from './errors.js';
import { type DocumentState, emptyDocument, type LogEntry, type NoteRecord, type ProjectPartStatus, type State } from './state.js';
import { type Counts, countItems } from './stats.js';

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** The state of one document inside a state being updated (`store.update`), created when missing. */
export function writableDocument(state: State, docId: string): DocumentState {
  if (!Object.hasOwn(state.documents, docId)) state.documents[docId] = emptyDocument();
  return state.documents[docId] as DocumentState;
}

/** The notes and links of an item, oldest first (numbered from 1 in that order). */
export function itemNotes(doc: DocumentState, key: string): NoteRecord[] {
  return own(doc.notes, key) ?? [];
}

/** Every recorded change of an item's status, oldest first. */
export function itemChanges(doc: DocumentState, key: string): LogEntry[] {
  return (doc.log ?? []).filter((entry) => entry.key === key);
}

/** Adds a note or link to an item; returns its number. */
export function addNote(doc: DocumentState, key: string, note: NoteRecord): number {
  doc.notes ??= {};
  const list = own(doc.notes, key) ?? [];
  const n = Math.max(0, ...list.map(noteNumber)) + 1;
  list.push({ ...note, n });
  doc.notes[key] = list;
  return n;
}

/** A note's number, as `info` shows it and `note --remove` takes it: stable when other notes are removed. */
export function noteNumber(note: NoteRecord, index: number): number {
  return note.n ?? index + 1;
}

/**
 * Removes note number `n` of an item (see `noteNumber`); returns it, or null when there is no such note.
 * The other notes keep their numbers: those written before numbers were kept get theirs recorded first.
 */
export function removeNote(doc: DocumentState, key: string, n: number): NoteRecord | null {
  const list = own(doc.notes, key);
  const index = list ? list.findIndex((note, i) => noteNumber(note, i) === n) : -1;
  if (!list || index < 0) return null;
  list.forEach((note, i) => {
    note.n = noteNumber(note, i);
  });
  const [removed] = list.splice(index, 1);
  if (list.length === 0 && doc.notes) delete doc.notes[key];
  return removed ?? null;
}

/** The numbers (ids) of the items that have at least one note or link. */
export function itemsWithNotes(model: Roadmap, doc: DocumentState): Set<number> {
  return new Set(model.items.filter((item) => itemNotes(doc, item.key).length > 0).map((item) => item.id));
}

/**
 * An evidence address as given, checked: only http(s) addresses are kept (they end up as links in a page),
 * and none with control characters (escape sequences, bidirectional overrides).
 */
export function checkedUrl(value: string): string {
  // An address is shown in the terminal and the report: none that could drive a terminal or disguise itself.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(value.trim())) throw new BadUrl(value, 'control');
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadUrl(value, 'badUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadUrl(value, 'badUrl');
  return text;
}

/** A part of the project as the views show it: its record, the items that prepare it and how ready it is. */
export interface PartView {
  part: CapstonePart;
  status: ProjectPartStatus;
  /** Date of the last change of the part's own status, or null. */
  at: string | null;
  links: { at: string; url: string }[];
  preparation: PartPreparation;
  /** Progress of the preparing items. */
  readiness: Counts;
  /** Every preparing item is done (or skipped), and there is at least one. */
  ready: boolean;
}

/** Every part of the capstone project with its state and readiness. */
export function projectView(model: Roadmap, capstone: Capstone, statuses: readonly ItemStatus[], doc: DocumentState): PartView[] {
  return capstone.parts.map((part) => {
    const record = own(doc.project, part.key);
    const preparation = preparationOf(model, part);
    const readiness = countItems(preparation.itemIds, statuses);
    return {
      part,
      status: record?.status ?? 'todo',
      at: record?.at ?? null,
      links: record?.links ?? [],
      preparation,
      readiness,
      ready: readiness.total > 0 && readiness.done + readiness.skipped === readiness.total && readiness.done > 0,
    };
  });
}

/**
 * The parts `next` should point out now: every item that prepares them is done, the part itself is
 * not, and `next` has not mentioned them before. After showing them, record that with `markPartsMentioned`.
 */
export function projectReadyParts(views: readonly PartView[], doc: DocumentState): PartView[] {
  return views.filter((view) => view.ready && view.status !== 'done' && own(doc.projectMentions, view.part.key) === undefined);
}

/**
 * The parts `next` should mention for a document, computed from scratch (empty when the document has
 * no capstone project). Call `markPartsMentioned` with their keys once they are shown.
 */
export function projectNextMention(model: Roadmap, statuses: readonly ItemStatus[], doc: DocumentState): PartView[] {
  const capstone = findCapstone(model);
  return capstone ? projectReadyParts(projectView(model, capstone, statuses, doc), doc) : [];
}

/** Records that `next` mentioned these parts, so it never mentions them again. */
export function markPartsMentioned(doc: DocumentState, keys: readonly string[], at: string): void {
  doc.projectMentions ??= {};
  for (const key of keys) doc.projectMentions[key] = at;
}

/** Sets a part's own status; returns false when it already had it. */
export function setPartStatus(doc: DocumentState, key: string, status: ProjectPartStatus, at: string): boolean {
  doc.project ??= {};
  const record = own(doc.project, key);
  if ((record?.status ?? 'todo') === status) return false;
  doc.project[key] = { status, at, links: record?.links ?? [] };
  return true;
}

/** Adds an evidence link to a part; returns false when the part already has it. */
export function addPartLink(doc: DocumentState, key: string, url: string, at: string): boolean {
  doc.project ??= {};
  const record = own(doc.project, key) ?? { status: 'todo' as const, at, links: [] };
  if (record.links.some((link) => link.url === url)) return false;
  record.links.push({ at, url });
  doc.project[key] = record;
  return true;
}

/** The part a user means: its number, its key, or a case- and accent-insensitive fragment of its text. */
export function resolvePart(capstone: Capstone, ref: string): CapstonePart {
  const wanted = ref.trim();
  if (/^\d+$/.test(wanted)) {
    const part = capstone.parts[Number(wanted) - 1];
    if (part) return part;
    throw new PartNotFound(ref, 'unknown', capstone.parts);
  }
  if (/^[-+\u2212]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[-+]?\d+)?$/i.test(wanted)) throw new NotAPartNumber(wanted);
  const byKey = capstone.parts.find((p) => p.key === wanted);
  if (byKey) return byKey;
  const folded = fold(wanted);
  const matches = folded === '' ? [] : capstone.parts.filter((p) => fold(p.text).includes(folded));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) throw new PartNotFound(ref, 'ambiguous', matches);
  throw new PartNotFound(ref, 'unknown', capstone.parts);
}
