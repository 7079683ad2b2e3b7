import { GLOBAL_OPTIONS } from '../command-line.js';
import type { ContextIO, Output } from '../context.js';
import { ExitCode, UserError } from '../errors.js';
import type { Messages } from '../ui/messages.js';
import { sanitizeLines } from '../ui/sanitize.js';
import { isTerminal, writeAll } from './fd-output.js';
import { wasSaved } from './saved.js';

// What both entry points (main.ts with commander, hot.ts for the daily read-only commands) need from
// the process: writers to stdout and stderr, the context's I/O, and one way to report an error.

export const tty = () => process.getBuiltinModule('node:tty');

/** Descriptors whose reader went away (EPIPE) or that are closed: what is written to them is dropped. */
const gone = new Set<number>();
/** Descriptors that failed otherwise (a full disk, an I/O error), with the error's code. */
const failed = new Map<number, string>();

/**
 * A writer to stdout (1) or stderr (2), with fs.writeSync rather than through process.stdout (see
 * io/fd-output.ts). Output piped into `head` or `true`: once the reader goes away, the rest is dropped
 * quietly and the command still finishes (a `check` piped into `true` still saves); a closed descriptor
 * drops everything, as Node's own streams do. Any other failure (stdout on a full disk) drops the rest
 * too, and `settleOutput` reports it once the command has finished.
 */
export function writeTo(fd: 1 | 2): (text: string) => void {
  return (text) => {
    if (gone.has(fd)) return;
    try {
      writeAll(fd, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      gone.add(fd);
      if (code !== 'EPIPE' && code !== 'EBADF') failed.set(fd, String(code ?? error));
    }
  };
}

/**
 * The exit code of a run once its output is written: a command that succeeded but whose stdout could
 * not be written (a full disk, an I/O error) failed (exit 1) — unless it saved a change, which is on
 * disk whatever the terminal shows: then exit 0, with a line on stderr saying the confirmation was lost.
 */
export function settleOutput(exitCode: number, t: Messages): number {
  const code = failed.get(1);
  if (code === undefined || exitCode !== ExitCode.ok) return exitCode;
  const reason = code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' ? t.errors.outputFull : code;
  if (wasSaved()) {
    writeTo(2)(`${t.errors.prefix} ${t.errors.savedNotShown(reason)}\n`);
    return ExitCode.ok;
  }
  writeTo(2)(`${t.errors.prefix} ${t.errors.outputFailed(reason)}\n`);
  return ExitCode.error;
}

/** stdout (1) or stderr (2) as an Output. Whether it is a terminal is asked only by commands that render. */
export function processOutput(fd: 1 | 2, env: NodeJS.ProcessEnv): Output {
  let terminal: boolean | undefined;
  const isTTY = () => (terminal ??= isTerminal(fd, (n) => tty().isatty(n)));
  return {
    write: writeTo(fd),
    get isTTY() {
      return isTTY();
    },
    // A terminal's width, else $COLUMNS; anything absurd (0, negative, not a whole number: `1e3`, `80x`) means 80.
    get columns() {
      const columns = (isTTY() && (fd === 1 ? process.stdout : process.stderr).columns) || columnsFrom(env.COLUMNS);
      return columns > 0 && columns <= 10_000 ? columns : 80;
    },
  };
}

/** `$COLUMNS` when it is a whole number written in digits; NaN otherwise (`1e3` is not 1, nor 1000). */
export function columnsFrom(value: string | undefined): number {
  return value !== undefined && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN;
}

/**
 * The width commander lays help out at: a terminal's width; undefined when not a terminal (commander
 * then uses 80). Used by main.ts for commander and by main-help.ts, so both help paths agree.
 */
export function helpWidthOf(out: Output, fd: 1 | 2): number | undefined {
  return out.isTTY ? (fd === 1 ? process.stdout : process.stderr).columns : undefined;
}

/** The context's I/O for this process. */
export function processContextIO(stdout: Output, stderr: Output, env: NodeJS.ProcessEnv, packageRoot: string): ContextIO {
  return {
    stdout,
    stderr,
    // isatty, not process.stdin.isTTY: creating the stdin stream is work of every run; and
    // only when a command asks, since node:tty loads node:net and the stream modules.
    stdinIsTTY: () => tty().isatty(0),
    env,
    cwd: process.cwd(),
    packageRoot,
  };
}

/** `--debug` on the command line, or `roadmap` in `DEBUG`: unexpected errors show their stack. */
export function debugWanted(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes(GLOBAL_OPTIONS.debug.long) || /(^|,)\s*roadmap\b/.test(env.DEBUG ?? '');
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
    const lines = error.message ? [`${t.errors.prefix} ${error.message}`, ...error.details] : [];
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
