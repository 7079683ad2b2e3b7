import type { UserError } from '../errors.js';
import { ExportError, type ExportProblem } from '../io/errors.js';
import { BadUrl, NotAPartNumber, PartNotFound } from '../progress/errors.js';
import { type FileFailure, type LockRecovery, StateError, type StateProblem } from '../progress/state-errors.js';
import { DocumentError, type DocumentProblem, UnknownLevel, UnknownSection } from '../roadmap/errors.js';
import type { Messages } from './messages.js';

/** What the user reads of an error: its line and the lines shown after it. */
export interface ErrorWords {
  message: string;
  details: string[];
}

/**
 * The words of a user error in the user's language. The core throws errors that carry data
 * (`new UnknownLevel(9, [1, 2])`); this is the one place that words them. Any other UserError was
 * worded where it was thrown (a command, which has the message table) and is shown as it is.
 */
export function errorWords(error: UserError, t: Messages): ErrorWords {
  const e = t.errors;
  if (error instanceof DocumentError) return { message: documentProblem(error.path, error.problem, t), details: [] };
  if (error instanceof UnknownLevel) return { message: e.unknownLevel(error.level, error.known.join(', ') || '-'), details: [] };
  if (error instanceof UnknownSection)
    return { message: e.unknownSection(error.text), details: error.titles.length ? [e.sectionsAre(error.titles.join(', '))] : [] };
  if (error instanceof BadUrl)
    return { message: (error.problem === 'control' ? t.note.urlControl : t.note.badUrl)(error.value), details: [] };
  if (error instanceof NotAPartNumber) return { message: t.project.notAPartNumber(error.ref), details: [] };
  if (error instanceof PartNotFound) {
    const list = error.parts.map((p) => `  ${p.number}  ${p.text}`);
    return error.problem === 'ambiguous'
      ? { message: t.project.ambiguousPart(error.ref), details: list }
      : { message: t.project.unknownPart(error.ref), details: [t.project.partsAre, ...list] };
  }
  if (error instanceof StateError) return { message: stateProblem(error.file, error.problem, t), details: [] };
  if (error instanceof ExportError) return { message: exportProblem(error.path, error.problem, t), details: [] };
  return { message: error.message, details: error.details };
}

function exportProblem(path: string, problem: ExportProblem, t: Messages): string {
  const m = t.documents.export;
  if (problem.kind === 'isDocument') return m.isDocument(path);
  if (problem.kind === 'insideOwnFolder') return m.insideOwnFolder(path, problem.folder);
  const reason = problem.reason;
  if (typeof reason === 'object') return m.cannotWrite(path, reason.code);
  const words =
    reason === 'noFolder' || reason === 'permission' || reason === 'readOnly' || reason === 'full' ? m.reasons[reason] : m.kinds[reason];
  return m.cannotWrite(path, words);
}

function documentProblem(path: string, problem: DocumentProblem, t: Messages): string {
  const e = t.errors;
  switch (problem.kind) {
    case 'missing':
      return e.fileMissing(path);
    case 'directory':
      return e.fileIsDirectory(path);
    case 'notRegular':
      return e.fileNotRegular(path);
    case 'tooLarge':
      return e.fileTooLarge(path, problem.limitMb);
    case 'notUtf8':
      return e.fileNotUtf8(path);
    case 'tooDeep':
      return e.fileTooDeep(path, problem.line, problem.max);
    case 'tooManyBrackets':
      return e.fileTooManyBrackets(path, problem.line, problem.max);
    case 'unreadable':
      return e.fileUnreadable(path, problem.reason);
  }
}

/** The message line of a user error in the user's language (for a row of `roadmaps`, a hint added to it). */
export function errorMessage(error: UserError, t: Messages): string {
  return errorWords(error, t).message;
}

function stateProblem(file: string, problem: StateProblem, t: Messages): string {
  const e = t.errors;
  switch (problem.kind) {
    case 'unreadable':
      return problem.issue.kind === 'newer'
        ? e.stateNewer(file, problem.issue.version)
        : e.stateUnreadable(file, e.stateReason(problem.issue));
    case 'unwritable':
      return e.stateUnwritable(file, fileFailureWords(problem.failure, t));
    case 'locked':
      return e.stateLocked(file, problem.pid, problem.host);
    case 'changed':
      return e.stateChanged(file);
  }
}

/** The words for a refusal of the file system, with what the user can do. */
export function fileFailureWords(failure: FileFailure, t: Messages): string {
  const e = t.errors;
  switch (failure.kind) {
    case 'permissionDenied':
    case 'readOnly':
    case 'diskFull':
    case 'quotaFull':
    case 'folderNotCreatable':
    case 'notVerified':
      return e[failure.kind];
    case 'entryNotAFolder':
      return e.entryNotAFolder(failure.entry);
    case 'notAFolder':
      return e.notAFolder(failure.entry);
    case 'special':
      return e.stateReason({ kind: 'special' });
    case 'other':
      return failure.code;
  }
}

/** The notice shown when a write removed a stale lock on the state file. */
export function lockRecoveredLine(notice: LockRecovery, t: Messages): string {
  return `${t.errors.prefix} ${t.errors.lockRecovered(notice.file, notice.reason, notice.pid, notice.host)}`;
}
