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
  }
  return null;
}

/** The state of one document, or an empty one. Own properties only: keys such as `__proto__` are data. */
export function documentState(state: State, docId: string): DocumentState {
  return Object.hasOwn(state.documents, docId) ? (state.documents[docId] as DocumentState) : emptyDocument();
}
