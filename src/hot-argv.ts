/**
 * The command lines typed every day (`roadmap`, `status`, `list`, `next`, `check` and its siblings,
 * `--version`), read without commander so that boot.ts can run them through the lean bundle
 * `dist/hot.cjs` (without declaring a commander program and loading every command; see
 * docs/performance.md).
 *
 * The grammar is made from the declaration of the command line (src/command-line.ts): the commands
 * declared `hot`, their options and the program's. It is deliberately narrow: it accepts only what it
 * reads exactly as commander does, and anything else (help, an unknown or repeated option, an invalid
 * value, a value that starts with `-`, an extra word, `--`, clustered short flags) is `undefined`:
 * commander then parses the line and gives its own output and errors. test/e2e/hot.test.ts runs both ways on the same lines and compares them.
 */

import {
  COMMANDS,
  GLOBAL_OPTIONS,
  HELP_OPTION,
  type HotCommand,
  type OptionSpec,
  optionKey,
  positiveNumber,
  VERSION_OPTION,
} from './command-line.js';

export type { HotCommand } from './command-line.js';

export interface HotLine {
  command: HotCommand;
  /** Global options, as commander would give them to the context. */
  file?: string;
  json: boolean;
  /** false for `--no-color`. */
  color: boolean;
  /** The command's own options, only those given (as commander gives them to the action). */
  options: Record<string, string | number | boolean>;
  /** The item references of `check`, `uncheck`, `start` and `skip` (their `[items...]`). */
  items: string[];
}

type Spec = { key: string; kind: 'flag' } | { key: string; kind: 'value'; parse: (value: string) => string | number | undefined };

/**
 * How this grammar reads a declared option (src/command-line.ts), or undefined when it leaves the option
 * to commander: an optional value, a rule it does not know. An invalid value is commander's to report.
 */
function specOf(option: OptionSpec): Spec | undefined {
  const key = optionKey(option);
  if (option.value === undefined) return { key, kind: 'flag' };
  if (!option.value.startsWith('<')) return undefined;
  const { choices } = option;
  if (choices) return { key, kind: 'value', parse: (value) => (choices.includes(value) ? value : undefined) };
  if (option.rule === 'positive') return { key, kind: 'value', parse: positiveNumber };
  if (option.rule === 'text') return { key, kind: 'value', parse: (value) => value };
  return undefined;
}

/** Each option by its short and long flag, as this grammar reads it. */
function specsOf(options: readonly OptionSpec[]): Record<string, Spec> {
  const specs: Record<string, Spec> = {};
  for (const option of options) {
    const spec = specOf(option);
    if (!spec) continue;
    specs[option.long] = spec;
    if (option.short) specs[option.short] = spec;
  }
  return specs;
}

/** The program's options: accepted before and after the command word. */
const GLOBAL = specsOf(Object.values(GLOBAL_OPTIONS));

/** The hot commands and their aliases, with their own options (accepted after the command word only). */
const HOT_COMMANDS: Record<string, { command: HotCommand; options: Record<string, Spec>; items?: true }> = {};
for (const declared of COMMANDS) {
  if (!declared.hot) continue;
  const entry = {
    command: declared.name as HotCommand,
    options: specsOf(declared.options ?? []),
    ...(declared.args?.some((argument) => argument.variadic) ? { items: true as const } : {}),
  };
  for (const name of [declared.name, ...(declared.aliases ?? [])]) HOT_COMMANDS[name] = entry;
}

const langOf = GLOBAL[GLOBAL_OPTIONS.lang.long] as Extract<Spec, { kind: 'value' }>;

/** `roadmap --version` or `roadmap -v`, and nothing else on the line. */
export function isVersionLine(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === VERSION_OPTION.long || argv[0] === VERSION_OPTION.short);
}

/**
 * `roadmap --help` (or `-h`), alone or with a valid `--lang`: the main help, which boot.ts prints
 * from dist/main-help.cjs.
 */
export function isHelpLine(argv: readonly string[]): boolean {
  let help = 0;
  let langs = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === HELP_OPTION.long || arg === HELP_OPTION.short) help++;
    else if (arg.startsWith(`${GLOBAL_OPTIONS.lang.long}=`) && langOf.parse(arg.slice(GLOBAL_OPTIONS.lang.long.length + 1))) langs++;
    else if (arg === GLOBAL_OPTIONS.lang.long && langOf.parse(argv[i + 1] ?? '')) {
      langs++;
      i++;
    } else return false;
  }
  return help === 1 && langs <= 1;
}

/** The hot command a line asks for, or undefined when commander must read it. */
export function hotLine(argv: readonly string[]): HotLine | undefined {
  let command: (typeof HOT_COMMANDS)[string] | undefined;
  const globals: Record<string, string | number | boolean> = {};
  const options: Record<string, string | number | boolean> = {};
  const items: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i] as string;
    let given: string | undefined;
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals > 0) {
      given = arg.slice(equals + 1);
      arg = arg.slice(0, equals);
    }
    if (!arg.startsWith('-')) {
      // One command word, before any of its options; then item references for the commands that take them.
      if (command?.items) items.push(arg);
      else if (command !== undefined || !Object.hasOwn(HOT_COMMANDS, arg)) return undefined;
      else command = HOT_COMMANDS[arg];
      continue;
    }
    const own = command !== undefined && Object.hasOwn(command.options, arg);
    const spec = own ? command?.options[arg] : Object.hasOwn(GLOBAL, arg) ? GLOBAL[arg] : undefined;
    if (spec === undefined) return undefined;
    const target = own ? options : globals;
    if (spec.kind === 'flag') {
      if (given !== undefined) return undefined;
      target[spec.key] = true;
      continue;
    }
    if (given === undefined) given = argv[++i];
    if (given === undefined || given === '' || given.startsWith('-') || Object.hasOwn(target, spec.key)) return undefined;
    const parsed = spec.parse(given);
    if (parsed === undefined) return undefined;
    target[spec.key] = parsed;
  }
  const line: HotLine = {
    command: command?.command ?? 'status',
    json: globals.json === true,
    color: globals.noColor !== true,
    options,
    items,
  };
  if (typeof globals.file === 'string') line.file = globals.file;
  return line;
}
