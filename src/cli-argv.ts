import { COMMANDS, GLOBAL_OPTIONS, HELP_OPTION } from './command-line.js';

/** Aliases, by the command they stand for (src/command-line.ts). */
export const ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  COMMANDS.flatMap((command) => (command.aliases ?? []).map((alias) => [alias, command.name])),
);

/** Every command name and alias buildProgram declares, in help order (a test checks it against the program). */
export const COMMAND_NAMES: ReadonlySet<string> = new Set(COMMANDS.flatMap((command) => [command.name, ...(command.aliases ?? [])]));

const globalValueOptions = Object.values(GLOBAL_OPTIONS).filter((option) => 'value' in option);

/** The global options that take a value (`-f x`, `--file x`, `--lang fr`). */
const VALUE_OPTIONS: ReadonlySet<string> = new Set(
  globalValueOptions.flatMap((option) => ('short' in option ? [option.short, option.long] : [option.long])),
);

/** Short options that take their value attached (`-fdoc.md`). */
const ATTACHED = globalValueOptions.flatMap((option) => ('short' in option ? [option.short] : []));

/** Commands that need every command declared: help lists them, completion walks them. */
const NEEDS_ALL: ReadonlySet<string> = new Set(COMMANDS.filter((command) => command.needsAll).map((command) => command.name));

/**
 * Which commands a command line needs declared, read before commander parses it (declaring every command
 * and its options is work of every start). `'one'` with the name the line starts
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
    // `--`, and clustered short flags (`-vh`; only a short option with a value takes it attached, as in `-fdoc.md`).
    if (arg === '--' || (/^-[^-]./.test(arg) && !ATTACHED.some((short) => arg.startsWith(short)))) return { kind: 'all' };
    if (arg === HELP_OPTION.short || arg === HELP_OPTION.long) askHelp = true;
    else if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') {
      // `roadmap --help next` is the main help, which lists every command.
      return known.has(arg) && !NEEDS_ALL.has(arg) && !askHelp ? { kind: 'one', name: arg } : { kind: 'all' };
    }
  }
  return askHelp ? { kind: 'all' } : { kind: 'none' };
}
