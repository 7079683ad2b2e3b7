import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import type { Output } from './context.js';
import { ExitCode } from './errors.js';
import { debugWanted, helpWidthOf, processContextIO, processOutput, writeTo } from './io/process-io.js';
import { detectLang, langFlag } from './ui/lang.js';
import { messagesFor } from './ui/messages.js';
import { reportError, settleOutput } from './ui/report-error.js';
import { sanitizeLines } from './ui/sanitize.js';

declare const __VERSION__: string;

/**
 * Every command line through commander. The daily read-only ones usually take the leaner way of
 * hot.ts (see src/hot-argv.ts); whatever that grammar does not know comes here.
 * The only place, with hot.ts, that reads process.argv and sets the exit code.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const env = process.env;
  const t = messagesFor(detectLang(langFlag(argv), env));
  const debug = debugWanted(argv, env);

  const stdout = processOutput(1, env);
  const stderr = processOutput(2, env);
  const stream = (fd: 1 | 2) => (fd === 1 ? process.stdout : process.stderr);
  // commander's own answers, with our terminal check first: commander would ask process.stdout.
  // Not a terminal: undefined, commander's own answer (then 80), although its type says number.
  const helpWidth = (out: Output, fd: 1 | 2) => () => helpWidthOf(out, fd) as number;
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
      return createContext({ ...globals, lang }, processContextIO(stdout, stderr, env, packageRootFrom(import.meta.dirname)));
    },
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode =
      error instanceof CommanderError ? (error.exitCode === 0 ? ExitCode.ok : ExitCode.usage) : reportError(error, t, debug);
  }
  process.exitCode = settleOutput(Number(process.exitCode ?? ExitCode.ok), t);
}

/** Colour forced on or off by the environment, as commander's `useColor` reads it; undefined: ask the terminal. */
function colorFromEnv(env: NodeJS.ProcessEnv): boolean | undefined {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return undefined;
}

// CommonJS bundle: no top-level await. main() reports its own errors; this catches a failure to start.
main().catch((error: unknown) => {
  writeTo(2)(`roadmap: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = ExitCode.error;
});
