import { readFileSync } from 'node:fs';
import { checkState, emptyState, MAX_STATE_DEPTH, migrateState, nestedTooDeep, type State } from './state.js';

/** Why a state file cannot be used. */
export type StateIssue =
  | { kind: 'directory' }
  | { kind: 'permission' }
  | { kind: 'notFolder' }
  | { kind: 'io'; code: string }
  | { kind: 'empty' }
  | { kind: 'truncated' }
  | { kind: 'json'; detail: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'newer'; version: number };

/** A state file as read: missing, usable (with its exact bytes, for backups), or unusable and why. */
export type StateReading =
  | { kind: 'missing'; state: State }
  | { kind: 'ok'; state: State; raw: Buffer }
  | { kind: 'bad'; issue: StateIssue };

/** Reads and checks a state file (or a backup of one). Never writes; never throws. */
export function readStateFile(file: string): StateReading {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code ?? error);
    if (code === 'ENOENT') return { kind: 'missing', state: emptyState() };
    if (code === 'EISDIR') return { kind: 'bad', issue: { kind: 'directory' } };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'bad', issue: { kind: 'permission' } };
    if (code === 'ENOTDIR') return { kind: 'bad', issue: { kind: 'notFolder' } };
    return { kind: 'bad', issue: { kind: 'io', code } };
  }
  const result = parseStateText(raw.toString('utf8'));
  return 'issue' in result ? { kind: 'bad', issue: result.issue } : { kind: 'ok', state: result.state, raw };
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
    return { issue: /end of (JSON )?input|Unterminated/i.test(detail) ? { kind: 'truncated' } : { kind: 'json', detail } };
  }
  data = migrateState(data);
  const problem = checkState(data);
  if (problem?.kind === 'newer') return { issue: problem };
  if (problem) return { issue: { kind: 'invalid', reason: problem.reason } };
  return { state: data as State };
}
