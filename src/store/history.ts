import { closeSync, constants, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { xxHash32 } from 'js-xxhash';
import { fsyncDir } from '../io/atomic-write.js';
import type { DocumentState, LogEntry, State } from '../progress/state.js';
import { ITEM_STATUSES, type ItemStatus } from '../roadmap/model.js';

// A document's history (every change of an item's status, `roadmap log`) grows with the years, so it is
// kept in a file of its own beside the state, one JSON object a line, and only ever appended to: a write
// adds its lines instead of rewriting every change ever made, and the views that do not show the history
// (status, list, next, check) never read it.
//
// The state file is the commit record: a document's state names how many bytes of its history file are
// committed (`historyBytes`). New lines are appended at that offset (anything after it is dropped
// first: the lines of a write killed before its state was written, or a torn line) and fsynced before the
// state that names them is written; a write killed in between leaves lines past the committed length,
// which nobody reads. A backup of the state names the prefix of the history it knew, so a restored backup
// reads exactly its own history.

export const HISTORY_DIR = 'history';

/** What opens a history file: the document it belongs to. */
const FORMAT = 'roadmap-history';

/** `$ROADMAP_HOME/history/<hash of the document id>.jsonl`; the id is repeated in the first line. */
export function historyFileOf(home: string, docId: string): string {
  return join(home, HISTORY_DIR, `${xxHash32(docId).toString(16)}-${docId.length}.jsonl`);
}

/** A history file as read: its valid entries (keys moved since resolved) and what was wrong with it. */
export interface HistoryReading {
  entries: LogEntry[];
  /** Committed lines that are not valid (a hand edit), skipped. */
  badLines: number;
  /** Bytes past the committed length (a write killed before its state was written, a torn line): ignored. */
  tail: number;
  /** Committed bytes missing from the file (deleted or truncated by hand): that history is lost. */
  missing: number;
  /** The file names another document (or has no first line): not read. */
  foreign: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStatus = (v: unknown): v is ItemStatus => ITEM_STATUSES.includes(v as ItemStatus);
const isEntry = (v: unknown): v is LogEntry =>
  isObject(v) && typeof v.at === 'string' && typeof v.key === 'string' && isStatus(v.from) && isStatus(v.to);
const isMove = (v: unknown): v is { moved: Record<string, string> } =>
  isObject(v) && isObject(v.moved) && Object.values(v.moved).every((k) => typeof k === 'string');

/** Reads `bytes` bytes from the start of `file` (fewer when it is shorter) in chunks, line by line. */
function readLines(file: string, bytes: number, onLine: (line: string) => void): { size: number; read: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { size: 0, read: 0 };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { size: 0, read: 0 };
    const end = Math.min(bytes, stat.size);
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(end, 1)));
    let rest = '';
    let position = 0;
    while (position < end) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - position), position);
      if (n <= 0) break;
      position += n;
      // A newline byte never occurs inside a UTF-8 sequence: cutting after the last one is safe.
      const last = chunk.lastIndexOf(10, n - 1);
      if (last < 0) {
        rest += chunk.toString('utf8', 0, n);
        continue;
      }
      const lines = (rest + chunk.toString('utf8', 0, last)).split('\n');
      rest = chunk.toString('utf8', last + 1, n);
      for (const line of lines) onLine(line);
    }
    if (rest) onLine(rest);
    return { size: stat.size, read: position };
  } finally {
    closeSync(fd);
  }
}

/**
 * A document's history from its file: the first `committed` bytes, streamed, each entry with the key its
 * item has now (a key moved later by a move line). Never throws: a missing or foreign file reads as none.
 */
export function readHistory(home: string, docId: string, committed: number): HistoryReading {
  const reading: HistoryReading = { entries: [], badLines: 0, tail: 0, missing: 0, foreign: false };
  if (committed <= 0) return reading;
  // Entries and key moves in file order; moves are applied to the entries before them, afterwards.
  const records: (LogEntry | Record<string, string>)[] = [];
  const moves: number[] = [];
  let first = true;
  const { size, read } = readLines(historyFileOf(home, docId), committed, (line) => {
    if (reading.foreign) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      data = undefined;
    }
    if (first) {
      first = false;
      if (!isObject(data) || data.format !== FORMAT || data.docId !== docId) reading.foreign = true;
      return;
    }
    if (isEntry(data)) records.push(data);
    else if (isMove(data)) {
      moves.push(records.length);
      records.push(data.moved);
    } else if (line !== '') reading.badLines++;
  });
  reading.tail = Math.max(0, size - committed);
  reading.missing = Math.max(0, committed - read);
  if (reading.foreign) return reading;
  // Backwards: `final` maps a key at that point of the history to the key its item has now.
  const final = new Map<string, string>();
  let nextMove = moves.length - 1;
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i] as LogEntry | Record<string, string>;
    if (nextMove >= 0 && moves[nextMove] === i) {
      nextMove--;
      const updates = Object.entries(record as Record<string, string>).map(([from, to]) => [from, final.get(to) ?? to] as const);
      for (const [from, to] of updates) final.set(from, to);
      continue;
    }
    const entry = record as LogEntry;
    const key = final.get(entry.key);
    if (key !== undefined) entry.key = key;
  }
  const isMoveAt = new Set(moves);
  for (let i = 0; i < records.length; i++) if (!isMoveAt.has(i)) reading.entries.push(records[i] as LogEntry);
  return reading;
}

/** A document's whole history, oldest first as written: its file's committed part, then what the state itself still holds. */
export function documentHistory(home: string, docId: string, doc: DocumentState): LogEntry[] {
  const fromFile = doc.historyBytes ? readHistory(home, docId, doc.historyBytes).entries : [];
  return doc.log?.length ? [...fromFile, ...doc.log] : fromFile;
}

/** What a write appends to one document's history. */
export interface HistoryAppend {
  docId: string;
  doc: DocumentState;
  /** Complete lines (each ending with a newline): key moves, then entries. */
  lines: string;
}

/**
 * Takes the history a change added out of a state about to be written: each document's `log` (entries
 * not yet in its file; for a state written before the history moved out, every entry) and `logMoves`.
 * The documents keep `historyBytes`, updated by `appendHistory`.
 */
export function detachHistory(state: State): HistoryAppend[] {
  const appends: HistoryAppend[] = [];
  for (const [docId, doc] of Object.entries(state.documents) as [string, DocumentState][]) {
    const moves = doc.historyBytes ? (doc.logMoves ?? []) : [];
    const log = doc.log ?? [];
    delete doc.log;
    delete doc.logMoves;
    if (log.length === 0 && moves.length === 0) continue;
    let lines = '';
    for (const moved of moves) lines += `${JSON.stringify({ moved })}\n`;
    for (const entry of log) lines += `${JSON.stringify(entry)}\n`;
    appends.push({ docId, doc, lines });
  }
  return appends;
}

/** Bytes an append adds to its file at most (with the first line of a new file). */
export const appendSize = (append: HistoryAppend) => Buffer.byteLength(append.lines) + 300 + append.docId.length * 6;

/**
 * Appends lines to a document's history file at its committed length (dropping whatever follows it),
 * complete and fsynced (the folder too when the file is new), and sets the document's `historyBytes` to
 * the new committed length, for the state about to be written. Called under the state lock.
 */
export function appendHistory(home: string, append: HistoryAppend, mode: number): void {
  const file = historyFileOf(home, append.docId);
  const dir = dirname(file);
  let created = false;
  try {
    mkdirSync(dir);
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (created) fsyncDir(home);
  const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, mode & 0o666);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'ENOTREG' });
    const committed = append.doc.historyBytes ?? 0;
    // Committed bytes lost (the file deleted or cut by hand): what is left stays, the new lines follow it.
    const start = Math.min(committed, stat.size);
    // A new history (or one the state no longer names) starts with a line that says whose it is.
    const text = (start === 0 ? `${JSON.stringify({ format: FORMAT, version: 1, docId: append.docId })}\n` : '') + append.lines;
    if (stat.size !== start) ftruncateSync(fd, start);
    const bytes = Buffer.from(text);
    for (let offset = 0; offset < bytes.length; ) {
      const written = writeSync(fd, bytes, offset, bytes.length - offset, start + offset);
      if (written <= 0) throw Object.assign(new Error('no space left on device (short write)'), { code: 'ENOSPC' });
      offset += written;
    }
    fsyncSync(fd);
    append.doc.historyBytes = start + bytes.length;
    if (start === 0) fsyncDir(dir);
  } finally {
    closeSync(fd);
  }
}
