import { createRequire } from 'node:module';
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import type { Output } from './context.js';
import { ExitCode, UserError } from './errors.js';
import { isTerminal, writeAll } from './io/fd-output.js';
import { detectLang, langFlag } from './ui/lang.js';
import { type Messages, messagesFor } from './ui/messages.js';
import { sanitizeLines } from './ui/sanitize.js';

declare const __VERSION__: string;

/** The only place that reads process.argv and sets the exit code. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = process.env;
  const t = messagesFor(detectLang(langFlag(argv), env));
  const debug = argv.includes('--debug') || /(^|,)\s*roadmap\b/.test(env.DEBUG ?? '');

  const tty = () => createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  // Asked only by commands that render (colour, width): `--version` and `--help` never look.
  const output = (fd: 1 | 2) => {
    let terminal: boolean | undefined;
    const isTTY = () => (terminal ??= isTerminal(fd, (n) => tty().isatty(n)));
    return {
      write: writeTo(fd),
      get isTTY() {
        return isTTY();
      },
      // A terminal's width, else $COLUMNS; anything absurd (0, negative, not a number) means 80.
      get columns() {
        const columns = (isTTY() && (fd === 1 ? process.stdout : process.stderr).columns) || Number.parseInt(env.COLUMNS ?? '', 10);
        return columns > 0 && columns <= 10_000 ? columns : 80;
      },
    };
  };

  const stdout = output(1);
  const stderr = output(2);
  const stream = (fd: 1 | 2) => (fd === 1 ? process.stdout : process.stderr);
  // commander's own answers, with our terminal check first: commander would ask process.stdout.
  // Not a terminal: undefined, commander's own answer (then 80), although its type says number.
  const helpWidth = (out: Output, fd: 1 | 2) => () => (out.isTTY ? stream(fd).columns : undefined) as number;
  const hasColors = (out: Output, fd: 1 | 2) => () => colorFromEnv(env) ?? (out.isTTY && stream(fd).hasColors?.() === true);

  const program = buildProgram({
    argv,
    outputConfig: {
      getOutHelpWidth: helpWidth(stdout, 1),
      getErrHelpWidth: helpWidth(stderr, 2),
      getOutHasColors: hasColors(stdout, 1),
      getErrHasColors: hasColors(stderr, 2),
    },
    t,
    version: __VERSION__,
    writeOut: writeTo(1),
    // Commander's errors echo the user's words: their control characters are shown escaped.
    writeErr: (text: string) => writeTo(2)(sanitizeLines(text)),
    context: async (globals) => {
      const { createContext, packageRootFrom } = await import('./context.js');
      const lang = detectLang(langFlag(argv), env);
      return createContext(
        { ...globals, lang },
        {
          stdout,
          stderr,
          // isatty, not process.stdin.isTTY: creating the stdin stream costs ~1.5 ms of every run; and
          // only when a command asks, since node:tty loads node:net and the stream modules.
          stdinIsTTY: () => tty().isatty(0),
          env,
          cwd: process.cwd(),
          packageRoot: packageRootFrom(import.meta.url),
        },
      );
    },
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = report(error, t, debug);
  }
}

/** Descriptors whose reader went away (EPIPE) or that are closed: what is written to them is dropped. */
const gone = new Set<number>();

/**
 * A writer to stdout (1) or stderr (2), with fs.writeSync rather than through process.stdout (see
 * io/fd-output.ts). Output piped into `head` or `true`: once the reader goes away, the rest is dropped
 * quietly and the command still finishes (a `check` piped into `true` still saves); a closed descriptor
 * drops everything, as Node's own streams do.
 */
function writeTo(fd: 1 | 2): (text: string) => void {
  return (text) => {
    if (gone.has(fd)) return;
    try {
      writeAll(fd, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EPIPE' && code !== 'EBADF') throw error;
      gone.add(fd);
    }
  };
}

/** Colour forced on or off by the environment, as commander's `useColor` reads it; undefined: ask the terminal. */
function colorFromEnv(env: NodeJS.ProcessEnv): boolean | undefined {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return undefined;
}

/** A message line with any overlong word shortened (a 10 000-character reference is echoed as its start and end). */
function capLine(line: string): string {
  return line.replace(/\S{241,}/g, (word) => `${word.slice(0, 200)}…${word.slice(-20)}`);
}

/** Turns any error into one line on stderr and an exit code of the contract. */
function report(error: unknown, t: Messages, debug: boolean): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (error instanceof UserError) {
    const lines = error.message ? [`${t.errors.prefix} ${error.message}`, ...error.details] : [];
    // Messages echo file names, references and document text: never let them drive the terminal.
    if (lines.length) writeTo(2)(`${sanitizeLines(lines.map(capLine).join('\n'))}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    return ExitCode.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = capLine(message.split('\n')[0] ?? '');
  writeTo(2)(`${sanitizeLines(`${t.errors.prefix} ${t.errors.unexpected(firstLine)}`)}\n`);
  if (debug) writeTo(2)(`${sanitizeLines(error instanceof Error && error.stack ? error.stack : String(error))}\n`);
  return ExitCode.error;
}

// CommonJS bundle: no top-level await. main() reports its own errors; this catches a failure to start.
main().catch((error: unknown) => {
  writeTo(2)(`roadmap: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = ExitCode.error;
});
