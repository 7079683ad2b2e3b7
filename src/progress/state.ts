import { ITEM_STATUSES, type ItemStatus } from '../roadmap/model.js';

export const SCHEMA_VERSION = 1;

/** The recorded state of one item. */
export interface ItemRecord {
  status: ItemStatus;
  /** ISO date-time of the last change. */
  at: string;
}

/** One change of one item, as kept in the document's log (the history `log`, pace and plan read). */
export interface LogEntry {
  /** ISO date-time. */
  at: string;
  key: string;
  from: ItemStatus;
  to: ItemStatus;
  /** `document`: ticked (`[x]`) in the document itself, recorded when first seen (`at` is that day). */
  via?: 'document';
}

/** One item's change inside an undo step: the record before (null: none) and after. */
export interface UndoChange {
  key: string;
  from: ItemRecord | null;
  to: ItemRecord;
}

/** What one command (or one interactive session) changed, so `roadmap undo` can revert it. */
export interface UndoStep {
  /** ISO date-time of the change. */
  at: string;
  /** The command that made it: check, uncheck, start, skip. */
  command: string;
  changes: UndoChange[];
}

/** What an item looked like when the document was last seen: to recognise it once edited. */
export interface KnownItem {
  text: string;
  /** The item's group: `level › section` titles. */
  section: string;
  /** The text of the task item it is nested under (absent: none, or a snapshot made before parents were kept). */
  parent?: string;
  /** Ticked (`[x]`) in the document itself. */
  checked?: boolean;
}

/** An item that left the document while it had progress: kept until `doctor --prune`. */
export interface RemovedItem extends KnownItem {
  /** ISO date-time it was found missing. */
  at: string;
  /** Set when the item could be several items of the document (twins): their keys. Attach by hand (`doctor --attach`). */
  candidates?: string[];
}

/** What changed in the document between two runs (the details behind the one-line summary). */
export interface ChangeReport {
  at: string;
  renamed: { from: string; to: string; fromText: string; toText: string }[];
  removed: { key: string; text: string }[];
  added: { key: string; text: string }[];
  /** Items found in another place, their key and progress kept. */
  moved?: { key: string; text: string; from: string; to: string }[];
  /** Recorded items with progress that could be several items: progress left on the recorded key. */
  ambiguous?: { key: string; text: string; candidates: { key: string; text: string }[] }[];
  /** Items ticked in the document, recorded as done when first seen. */
  ticked?: { key: string; text: string }[];
  /** Items whose tick left the document: they stay done (`roadmap uncheck` unchecks). */
  unticked?: { key: string; text: string }[];
  /** Removed items back with exactly their text and place: their progress is theirs again. */
  restored?: { key: string; text: string }[];
}

/** Progress of one roadmap document. Later features add optional fields next to these. */
export interface DocumentState {
  /** Current status of each item that was ever changed, by item key. */
  items: Record<string, ItemRecord>;
  /**
   * Changes not yet in the document's history file, oldest first (undos included): in memory, the ones a
   * change adds (the store appends them to the file); in state files written before the history moved
   * out, every change (moved out by the next write). Views read the whole history through the store.
   */
  log?: LogEntry[];
  /** Bytes of the document's history file that are committed (the rest, if any, is never read). */
  historyBytes?: number;
  /** Keys moved by a change (old key → new key), in memory only: the store appends them to the history file. */
  logMoves?: Record<string, string>[];
  /** The changes `roadmap undo` can revert, oldest first; the last one is undone first. */
  undo?: UndoStep[];
  /** The markdown file (absent for the bundled roadmap). */
  path?: string;
  /** The document's title when last seen. */
  title?: string | null;
  /** Hash of `known`: when the document's items are unchanged, nothing is compared. */
  fingerprint?: string;
  /** Content hash of the document when `known` was last checked: when it matches, nothing is hashed or compared. */
  contentHash?: string;
  /**
   * Every item of the document when last seen, by key: kept in its own file (see store/snapshots.ts),
   * here only in memory while a change is made, and in state files written before it moved out.
   */
  known?: Record<string, KnownItem>;
  /**
   * The key of each item whose key is not the one the parser gives it, by item number, for the content
   * `contentHash` names: keys are recorded and stay with their item when the document changes.
   */
  keys?: Record<string, string>;
  /** Items gone from the document whose progress is kept, by key. */
  removed?: Record<string, RemovedItem>;
  /** The last change found in the document. */
  lastChange?: ChangeReport;
  /** The planning followed since `start` (a `YYYY-MM-DD` day), set by `roadmap plan`. */
  plan?: PlanState;
  /** Notes and evidence links, by item key, oldest first. */
  notes?: Record<string, NoteRecord[]>;
  /** The capstone project's parts that the learner changed, by part key. */
  project?: Record<string, ProjectPartRecord>;
  /** Part keys `next` has already pointed out as ready (mentioned once), with the date. */
  projectMentions?: Record<string, string>;
}

/** When the user started following the document's planning table. */
export interface PlanState {
  start: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` string naming a real calendar day. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A dated note or evidence link on an item (at least one of `text` and `url`). */
export interface NoteRecord {
  /** ISO date-time it was added. */
  at: string;
  text?: string;
  /** An http(s) address: a repository, a certificate, an article. */
  url?: string;
  /**
   * Its number among the item's notes, kept when others are removed (`noteNumber`). Notes written
   * before numbers were kept have none: their place in the list (from 1) is their number.
   */
  n?: number;
}

export type ProjectPartStatus = 'todo' | 'done';

/** The learner's own record of a part of the capstone project. */
export interface ProjectPartRecord {
  status: ProjectPartStatus;
  /** ISO date-time of the last change of status (or of the first link). */
  at: string;
  links: { at: string; url: string }[];
}

/** The whole state file. */
export interface State {
  schemaVersion: number;
  documents: Record<string, DocumentState>;
  /** The document chosen with `roadmap use` (absolute path); absent: the bundled roadmap. */
  current?: string;
  /** `roadmap hints off`: check and start never name a more urgent item; absent: they may. */
  hints?: 'off';
}

export type StateProblem = { kind: 'invalid'; reason: string } | { kind: 'newer'; version: number };

export function emptyState(): State {
  return { schemaVersion: SCHEMA_VERSION, documents: {} };
}

export function emptyDocument(): DocumentState {
  return { items: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStatus = (v: unknown): v is ItemStatus => ITEM_STATUSES.includes(v as ItemStatus);
const isRecord = (v: unknown): v is ItemRecord => isObject(v) && isStatus(v.status) && typeof v.at === 'string';
const isLogEntry = (v: unknown): v is LogEntry =>
  isObject(v) && typeof v.at === 'string' && typeof v.key === 'string' && isStatus(v.from) && isStatus(v.to);
const isUndoStep = (v: unknown): v is UndoStep =>
  isObject(v) &&
  typeof v.at === 'string' &&
  typeof v.command === 'string' &&
  Array.isArray(v.changes) &&
  v.changes.every((c) => isObject(c) && typeof c.key === 'string' && (c.from === null || isRecord(c.from)) && isRecord(c.to));

/** A step that turns a state of schema version N into one of version N + 1. */
export type Migration = (state: Record<string, unknown>) => Record<string, unknown>;

/** Migrations by the version they upgrade from. Empty while version 1 is the only one released. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Brings a parsed state file of an older schema version up to `target`, one step at a time; returns
 * the data unchanged when it is current (or not a state at all: `checkState` says what is wrong).
 * Pure: the migrated state reaches the disk only with the next write.
 */
export function migrateState(
  data: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = SCHEMA_VERSION,
): unknown {
  if (!isObject(data)) return data;
  let state = data;
  for (let version = state.schemaVersion; typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < target; ) {
    const step = migrations[version];
    if (!step) break;
    state = { ...step(state), schemaVersion: version + 1 };
    version = state.schemaVersion;
  }
  return state;
}

/** Checks a parsed state file; returns what is wrong with it, or null when it can be used. */
export function checkState(data: unknown): StateProblem | null {
  const invalid = (reason: string): StateProblem => ({ kind: 'invalid', reason });
  if (!isObject(data)) return invalid('not a JSON object');
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return invalid('no schemaVersion');
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  if (version < SCHEMA_VERSION) return invalid(`schema ${version} has no migration to ${SCHEMA_VERSION}`);
  if (!isObject(data.documents)) return invalid('"documents" is not an object');
  if (data.current !== undefined && typeof data.current !== 'string') return invalid('"current" is not a path');
  if (data.hints !== undefined && data.hints !== 'off') return invalid('"hints" is not "off"');
  for (const [docId, doc] of Object.entries(data.documents)) {
    if (!isObject(doc) || !isObject(doc.items)) return invalid(`document "${docId}" has no "items" object`);
    for (const [key, record] of Object.entries(doc.items)) {
      if (!isRecord(record)) return invalid(`item "${key}" of "${docId}" is not a valid record`);
    }
    if (doc.log !== undefined && !(Array.isArray(doc.log) && doc.log.every(isLogEntry))) {
      return invalid(`the log of "${docId}" is not a list of changes`);
    }
    if (doc.undo !== undefined && !(Array.isArray(doc.undo) && doc.undo.every(isUndoStep))) {
      return invalid(`the undo history of "${docId}" is not valid`);
    }
    if (doc.plan !== undefined && (!isObject(doc.plan) || !isDay(doc.plan.start))) {
      return invalid(`the plan of "${docId}" has no valid "start" day (YYYY-MM-DD)`);
    }
    const problem = checkDocumentExtras(doc);
    if (problem) return invalid(`document "${docId}": ${problem}`);
    const extra = checkPortfolio(doc);
    if (extra) return invalid(`${extra} of "${docId}" is not valid`);
  }
  return null;
}

export const isKnown = (v: unknown): v is KnownItem => isObject(v) && typeof v.text === 'string' && typeof v.section === 'string';

/** The optional fields of a document's state (document tracking): what is wrong, or null. */
function checkDocumentExtras(doc: Record<string, unknown>): string | null {
  if (doc.path !== undefined && typeof doc.path !== 'string') return '"path" is not a string';
  if (doc.title !== undefined && doc.title !== null && typeof doc.title !== 'string') return '"title" is not a string';
  if (doc.fingerprint !== undefined && typeof doc.fingerprint !== 'string') return '"fingerprint" is not a string';
  if (doc.contentHash !== undefined && typeof doc.contentHash !== 'string') return '"contentHash" is not a string';
  if (doc.historyBytes !== undefined && !(Number.isSafeInteger(doc.historyBytes) && (doc.historyBytes as number) >= 0)) {
    return '"historyBytes" is not a length';
  }
  if (doc.keys !== undefined && (!isObject(doc.keys) || !Object.values(doc.keys).every((k) => typeof k === 'string'))) {
    return '"keys" is not valid';
  }
  if (doc.known !== undefined && (!isObject(doc.known) || !Object.values(doc.known).every(isKnown))) return '"known" is not valid';
  if (
    doc.removed !== undefined &&
    (!isObject(doc.removed) || !Object.values(doc.removed).every((r) => isKnown(r) && typeof (r as { at?: unknown }).at === 'string'))
  ) {
    return '"removed" is not valid';
  }
  const change = doc.lastChange;
  if (change !== undefined) {
    if (!isObject(change) || typeof change.at !== 'string') return '"lastChange" is not valid';
    if (![change.renamed, change.removed, change.added].every(Array.isArray)) return '"lastChange" is not valid';
    const strings = (v: unknown, keys: readonly string[]) => isObject(v) && keys.every((k) => typeof v[k] === 'string');
    const entries = (list: unknown, keys: readonly string[]) => (list as unknown[]).every((v) => strings(v, keys));
    if (
      !entries(change.renamed, ['from', 'to', 'fromText', 'toText']) ||
      !entries(change.removed, ['key', 'text']) ||
      !entries(change.added, ['key', 'text'])
    )
      return '"lastChange" is not valid';
  }
  return null;
}

/** What is wrong with a document's notes, project and mentions (all optional), or null. */
function checkPortfolio(doc: Record<string, unknown>): string | null {
  const isDate = (v: unknown) => typeof v === 'string';
  const optString = (v: unknown) => v === undefined || typeof v === 'string';
  if (doc.notes !== undefined) {
    if (!isObject(doc.notes)) return '"notes"';
    for (const [key, list] of Object.entries(doc.notes)) {
      const ok =
        Array.isArray(list) &&
        list.every(
          (n) =>
            isObject(n) &&
            isDate(n.at) &&
            optString(n.text) &&
            optString(n.url) &&
            (n.text !== undefined || n.url !== undefined) &&
            (n.n === undefined || (Number.isSafeInteger(n.n) && (n.n as number) >= 1)),
        );
      if (!ok) return `the notes of "${key}"`;
    }
  }
  if (doc.project !== undefined) {
    if (!isObject(doc.project)) return '"project"';
    for (const [key, part] of Object.entries(doc.project)) {
      const ok =
        isObject(part) &&
        (part.status === 'todo' || part.status === 'done') &&
        isDate(part.at) &&
        Array.isArray(part.links) &&
        part.links.every((l) => isObject(l) && isDate(l.at) && typeof l.url === 'string');
      if (!ok) return `project part "${key}"`;
    }
  }
  if (doc.projectMentions !== undefined) {
    if (!isObject(doc.projectMentions) || !Object.values(doc.projectMentions).every(isDate)) return '"projectMentions"';
  }
  return null;
}

/** Deepest nesting of arrays and objects a state file may have (a real one has about 10 levels). */
export const MAX_STATE_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `max`: such a file parses, but every write
 * of it would overflow the stack (JSON.stringify recurses). Strings are skipped whole (indexOf), so the
 * scan costs little more than finding the brackets.
 */
export function nestedTooDeep(text: string, max = MAX_STATE_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: to its closing quote, one not escaped by an odd number of backslashes.
      for (;;) {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return false;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        i = end;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The state of one document, or an empty one. Own properties only: keys such as `__proto__` are data. */
export function documentState(state: State, docId: string): DocumentState {
  return Object.hasOwn(state.documents, docId) ? (state.documents[docId] as DocumentState) : emptyDocument();
}

/** Records the day the plan of a document started (creating the document's state when needed). */
export function setPlanStart(state: State, docId: string, start: string): void {
  if (!Object.hasOwn(state.documents, docId)) state.documents[docId] = emptyDocument();
  (state.documents[docId] as DocumentState).plan = { start };
}
