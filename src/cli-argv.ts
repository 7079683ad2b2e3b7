/** Aliases, by the command they stand for. */
export const ALIASES: Readonly<Record<string, string>> = { show: 'list', history: 'log' };

/** Every command name and alias buildProgram declares, in help order (a test checks it against the program). */
export const COMMAND_NAMES: ReadonlySet<string> = new Set([
  ...['status', 'list', 'show', 'check', 'uncheck', 'start', 'skip', 'undo', 'use', 'roadmaps', 'note', 'info'],
  ...['project', 'export', 'import', 'doctor', 'next', 'plan', 'log', 'history', 'completion', 'complete', 'help'],
]);

/** The global options of buildProgram that take a value (`-f x`, `--file x`, `--lang fr`). */
const VALUE_OPTIONS = new Set(['-f', '--file', '--lang']);

/** Commands that need every command declared: help lists them, completion walks them. */
const NEEDS_ALL = new Set(['help', 'completion', 'complete']);

/**
 * Which commands a command line needs declared, read before commander parses it (declaring all ~20
 * commands and their options costs ~1.5 ms of every start). `'one'` with the name the line starts
 * with (a command or an alias among `known`), `'none'` when it names no command and asks for no help
 * (`roadmap`, `roadmap --version`), `'all'` otherwise: help, completion, an unknown word (for
 * did-you-mean), `--help` before the command (the main help), or anything this scan is not sure of
 * (`--`, clustered short flags): declaring all is always correct.
 */
export function commandsToDeclare(
  argv: readonly string[],
  known: ReadonlySet<string>,
): { kind: 'one'; name: string } | { kind: 'none' } | { kind: 'all' } {
  let askHelp = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // `--`, and clustered short flags (`-vh`; only `-f` takes its value attached, as in `-fdoc.md`).
    if (arg === '--' || (/^-[^-]./.test(arg) && !arg.startsWith('-f'))) return { kind: 'all' };
    if (arg === '-h' || arg === '--help') askHelp = true;
    else if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') {
      // `roadmap --help next` is the main help, which lists every command.
      return known.has(arg) && !NEEDS_ALL.has(arg) && !askHelp ? { kind: 'one', name: arg } : { kind: 'all' };
    }
  }
  return askHelp ? { kind: 'all' } : { kind: 'none' };
}

/**
 * A `--level` or `--count` value: digits only (spaces around allowed), at least 1 and exact as a number
 * (so it is never echoed as `1e+23`); undefined otherwise.
 */
export function positiveNumber(value: string): number | undefined {
  const number = Number(value);
  return /^\d+$/.test(value.trim()) && number >= 1 && Number.isSafeInteger(number) ? number : undefined;
}
