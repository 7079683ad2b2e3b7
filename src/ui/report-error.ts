import { ExitCode, UserError } from '../errors.js';
import { stdoutFailure, writeTo } from '../io/process-io.js';
import { wasSaved } from '../io/saved.js';
import { errorWords } from './error-words.js';
import type { Messages } from './messages.js';
import { sanitizeLines } from './sanitize.js';

// How both entry points (main.ts with commander, hot.ts for the daily read-only commands) end a run:
// an error worded in the user's language on stderr, and the exit code of the contract.

/**
 * The exit code of a run once its output is written: a command that succeeded but whose stdout could
 * not be written (a full disk, an I/O error) failed (exit 1) — unless it saved a change, which is on
 * disk whatever the terminal shows: then exit 0, with a line on stderr saying the confirmation was lost.
 */
export function settleOutput(exitCode: number, t: Messages): number {
  const code = stdoutFailure();
  if (code === undefined || exitCode !== ExitCode.ok) return exitCode;
  const reason = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' ? t.errors.outputFull : code;
  if (wasSaved()) {
    writeTo(2)(`${t.errors.prefix} ${t.errors.savedNotShown(reason)}\n`);
    return ExitCode.ok;
  }
  writeTo(2)(`${t.errors.prefix} ${t.errors.outputFailed(reason)}\n`);
  return ExitCode.error;
}

/** A message line with any overlong word shortened (a 10 000-character reference is echoed as its start and end). */
function capLine(line: string): string {
  return line.replace(/\S{241,}/g, (word) => `${word.slice(0, 200)}…${word.slice(-20)}`);
}

/**
 * Turns an error that is not commander's into one line on stderr and an exit code of the contract.
 * Messages echo file names, references and document text: they never drive the terminal.
 */
export function reportError(error: unknown, t: Messages, debug: boolean): number {
  if (error instanceof UserError) {
    const { message, details } = errorWords(error, t);
    const lines = message ? [`${t.errors.prefix} ${message}`, ...details] : [];
    if (lines.length) writeTo(2)(`${sanitizeLines(lines.map(capLine).join('\n'))}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    // Prompts come before any write (the check-off saves only when it ends): Ctrl-C changed nothing.
    writeTo(2)(`\n${t.errors.prefix} ${t.errors.interrupted}\n`);
    return ExitCode.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = capLine(message.split('\n')[0] ?? '');
  writeTo(2)(`${sanitizeLines(`${t.errors.prefix} ${t.errors.unexpected(firstLine)}`)}\n`);
  if (debug) writeTo(2)(`${sanitizeLines(error instanceof Error && error.stack ? error.stack : String(error))}\n`);
  return ExitCode.error;
}
