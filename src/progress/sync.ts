import type { Item, ItemStatus, Roadmap } from '../roadmap/model.js';
import { ITEM_STATUSES } from '../roadmap/model.js';
import type { DocumentState, ItemRecord, LogEntry } from './state.js';

export const EXPORT_FORMAT = 'roadmap-progress';

/** The JSON export of one document's progress: every record with its timestamp, and the history. */
export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  document: { title: string | null; path: string | null };
  /** By key; `text` is the item's text, for people reading the file. */
  items: Record<string, ItemRecord & { text?: string }>;
  log: LogEntry[];
}

/** Builds the JSON export of a document's progress. */
export function progressExport(model: Roadmap, doc: DocumentState, where: { path: string | null }, at: string): ProgressExport {
  const texts = new Map(model.items.map((item) => [item.key, item.text]));
  const items: ProgressExport['items'] = {};
  for (const key of Object.keys(doc.items).sort()) {
    const record = doc.items[key] as ItemRecord;
    const text = texts.get(key) ?? doc.removed?.[key]?.text;
    items[key] = text === undefined ? { ...record } : { ...record, text };
  }
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: at,
    document: { title: model.title, path: where.path },
    items,
    log: [...(doc.log ?? [])],
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStatus = (v: unknown): v is ItemStatus => ITEM_STATUSES.includes(v as ItemStatus);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Checks parsed JSON: the export, or the reason it is not one. */
export function checkProgressExport(data: unknown): ProgressExport | string {
  if (!isObject(data)) return 'not a JSON object';
  if (data.format !== EXPORT_FORMAT) return `"format" is not "${EXPORT_FORMAT}"`;
  if (data.version !== 1) return `unknown version ${JSON.stringify(data.version)}`;
  if (!isObject(data.items)) return 'no "items" object';
  for (const [key, record] of Object.entries(data.items)) {
    if (!isObject(record) || !isStatus(record.status) || !isDate(record.at)) return `item "${key}" is not a valid record`;
  }
  const log = data.log ?? [];
  if (!Array.isArray(log)) return '"log" is not a list';
  for (const entry of log) {
    if (!isObject(entry) || typeof entry.key !== 'string' || !isDate(entry.at) || !isStatus(entry.from) || !isStatus(entry.to)) {
      return 'a "log" entry is not valid';
    }
  }
  const document = isObject(data.document) ? data.document : {};
  return {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : '',
    document: {
      title: typeof document.title === 'string' ? document.title : null,
      path: typeof document.path === 'string' ? document.path : null,
    },
    items: data.items as ProgressExport['items'],
    log: log as LogEntry[],
  };
}

export interface StatusChange {
  key: string;
  text: string;
  from: ItemStatus;
  to: ItemStatus;
}

export interface MergeResult {
  /** Items whose status the export changed. */
  changed: StatusChange[];
  /** Records of the export older than (or the same as) the local ones. */
  kept: number;
  /** Keys of the export that are neither items of the document nor recorded here. */
  unknown: string[];
}

/**
 * Merges an export into a document's progress, per item: the latest change wins. The history gets the
 * export's entries it lacks, and an entry for each change that the export's history does not explain:
 * added to `doc.log` (the entries not yet in the history file), in date order. `history`: the document's
 * whole history so far (the file's and `doc.log`'s; default: `doc.log`).
 */
export function mergeProgress(
  doc: DocumentState,
  exported: ProgressExport,
  model: Roadmap,
  history: readonly LogEntry[] = doc.log ?? [],
): MergeResult {
  const byKey = new Map(model.items.map((item) => [item.key, item]));
  const result: MergeResult = { changed: [], kept: 0, unknown: [] };
  const known = (key: string) => byKey.has(key) || Object.hasOwn(doc.items, key);
  const log: LogEntry[] = [];
  const seen = new Set(history.map(entryId));
  for (const entry of exported.log) {
    if (!known(entry.key) || seen.has(entryId(entry))) continue;
    seen.add(entryId(entry));
    log.push({ at: entry.at, key: entry.key, from: entry.from, to: entry.to });
  }
  for (const [key, theirs] of Object.entries(exported.items)) {
    if (!known(key)) {
      result.unknown.push(key);
      continue;
    }
    const item = byKey.get(key);
    const ours = Object.hasOwn(doc.items, key) ? doc.items[key] : undefined;
    if (ours && Date.parse(ours.at) >= Date.parse(theirs.at)) {
      result.kept++;
      continue;
    }
    const from: ItemStatus = ours?.status ?? (item?.checked ? 'done' : 'todo');
    doc.items[key] = { status: theirs.status, at: theirs.at };
    if (from === theirs.status) {
      result.kept++;
      continue;
    }
    result.changed.push({ key, text: item?.text ?? theirs.text ?? key, from, to: theirs.status });
    const explained = (e: LogEntry) => e.key === key && e.at === theirs.at && e.to === theirs.status;
    if (!log.some(explained) && !history.some(explained)) log.push({ at: theirs.at, key, from, to: theirs.status });
  }
  log.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (log.length) doc.log = [...(doc.log ?? []), ...log];
  return result;
}

function entryId(entry: LogEntry): string {
  return `${entry.at}\0${entry.key}\0${entry.from}\0${entry.to}`;
}

export interface MarkdownImport {
  /** Ticked in the copy, not done here: become done. */
  newlyDone: Item[];
  /** Ticked in the copy and already done here. */
  alreadyDone: Item[];
  /** Ticked items of the copy that match no item here (their text). */
  unmatched: string[];
  /** Done here but unticked in the copy: kept as done. */
  untickedHere: Item[];
}

/** Matches the ticked items of an edited copy of the document to its items, by key. */
export function planMarkdownImport(model: Roadmap, statuses: readonly ItemStatus[], copy: Roadmap): MarkdownImport {
  const byKey = new Map(model.items.map((item) => [item.key, item]));
  const plan: MarkdownImport = { newlyDone: [], alreadyDone: [], unmatched: [], untickedHere: [] };
  for (const theirs of copy.items) {
    const ours = byKey.get(theirs.key);
    if (!ours) {
      if (theirs.checked) plan.unmatched.push(theirs.text);
      continue;
    }
    const done = statuses[ours.id - 1] === 'done';
    if (theirs.checked) (done ? plan.alreadyDone : plan.newlyDone).push(ours);
    else if (done) plan.untickedHere.push(ours);
  }
  return plan;
}

/** Marks items done now, recording each change in the history. */
export function markDone(doc: DocumentState, items: readonly Item[], statuses: readonly ItemStatus[], at: string): void {
  for (const item of items) {
    const from = statuses[item.id - 1] ?? 'todo';
    doc.items[item.key] = { status: 'done', at };
    doc.log ??= [];
    doc.log.push({ at, key: item.key, from, to: 'done' });
  }
}
