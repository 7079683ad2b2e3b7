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
}

/** Progress of one roadmap document. Later features add optional fields next to these. */
export interface DocumentState {
  /** Current status of each item that was ever changed, by item key. */
  items: Record<string, ItemRecord>;
  /** Every change, oldest first. */
  log?: LogEntry[];
  /** The planning followed since `start` (a `YYYY-MM-DD` day), set by `roadmap plan`. */
  plan?: PlanState;
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

/** The whole state file. */
export interface State {
  schemaVersion: number;
  documents: Record<string, DocumentState>;
}

export type StateProblem = { kind: 'invalid'; reason: string } | { kind: 'newer'; version: number };

export function emptyState(): State {
  return { schemaVersion: SCHEMA_VERSION, documents: {} };
}

export function emptyDocument(): DocumentState {
  return { items: {} };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a parsed state file; returns what is wrong with it, or null when it can be used. */
export function checkState(data: unknown): StateProblem | null {
  const invalid = (reason: string): StateProblem => ({ kind: 'invalid', reason });
  if (!isObject(data)) return invalid('not a JSON object');
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return invalid('no schemaVersion');
  if (version > SCHEMA_VERSION) return { kind: 'newer', version };
  if (!isObject(data.documents)) return invalid('"documents" is not an object');
  for (const [docId, doc] of Object.entries(data.documents)) {
    if (!isObject(doc) || !isObject(doc.items)) return invalid(`document "${docId}" has no "items" object`);
    for (const [key, record] of Object.entries(doc.items)) {
      if (!isObject(record) || !ITEM_STATUSES.includes(record.status as ItemStatus) || typeof record.at !== 'string') {
        return invalid(`item "${key}" of "${docId}" is not a valid record`);
      }
    }
    if (doc.plan !== undefined && (!isObject(doc.plan) || !isDay(doc.plan.start))) {
      return invalid(`the plan of "${docId}" has no valid "start" day (YYYY-MM-DD)`);
    }
  }
  return null;
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
