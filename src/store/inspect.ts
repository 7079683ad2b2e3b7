import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats, statSync } from 'node:fs';
import { checkState, emptyState, MAX_STATE_DEPTH, migrateState, nestedTooDeep, type State } from '../progress/state.js';

import type { StateIssue } from '../progress/state-errors.js';

export type { StateIssue };

/**
 * A state file as read: missing, usable (with its exact bytes, for backups, and what `stat` said of it
 * just before, to tell whether it is still the same file when the new version is written), or unusable
 * and why.
 */
export type StateReading =
  | { kind: 'missing'; state: State }
  | { kind: 'ok'; state: State; raw: Buffer; stat: Stats }
  | { kind: 'bad'; issue: StateIssue };

/** Reads and checks a state file (or a backup of one). Never writes; never throws. The file type is checked before reading. */
export function readStateFile(file: string): StateReading {
  let raw: Buffer;
  let stat: Stats | undefined;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return { kind: 'missing', state: emptyState() };
    if (stat.isDirectory()) return { kind: 'bad', issue: { kind: 'directory' } };
    if (!stat.isFile()) return { kind: 'bad', issue: { kind: 'special' } };
    // The identity of the very bytes read (fstat of the open file). O_NONBLOCK: a FIFO swapped in since the stat never blocks.
    const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      stat = fstatSync(fd);
      if (!stat.isFile()) return { kind: 'bad', issue: { kind: 'special' } };
      raw = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? error);
    if (code === 'ENOENT') return { kind: 'missing', state: emptyState() };
    if (code === 'EISDIR') return { kind: 'bad', issue: { kind: 'directory' } };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'bad', issue: { kind: 'permission' } };
    if (code === 'ENOTDIR') return { kind: 'bad', issue: { kind: 'notFolder' } };
    return { kind: 'bad', issue: { kind: 'io', code } };
  }
  const result = parseStateText(raw.toString('utf8'));
  return 'issue' in result ? { kind: 'bad', issue: result.issue } : { kind: 'ok', state: result.state, raw, stat: stat as Stats };
}

/** Parses and checks the text of a state file; an older schema is migrated in memory. Pure. */
export function parseStateText(text: string): { state: State } | { issue: StateIssue } {
  if (text.trim() === '') return { issue: { kind: 'empty' } };
  if (nestedTooDeep(text)) return { issue: { kind: 'invalid', reason: `nested more than ${MAX_STATE_DEPTH} levels deep` } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // A file cut short right after a complete value (a number, `true`) or a comma fails at its very end too.
    const at = /(?:after (?:property value|array element)|Expected double-quoted property name) in JSON at position (\d+)/.exec(detail);
    const atEnd = at !== null && Number(at[1]) >= text.trimEnd().length;
    return { issue: atEnd || /end of (JSON )?input|Unterminated/i.test(detail) ? { kind: 'truncated' } : { kind: 'json', detail } };
  }
  data = migrateState(data);
  const problem = checkState(data);
  if (problem?.kind === 'newer') return { issue: problem };
  if (problem) return { issue: { kind: 'invalid', reason: problem.reason } };
  return { state: data as State };
}
