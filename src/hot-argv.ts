/**
 * The command lines typed every day (`roadmap`, `status`, `list`, `next`, `check` and its siblings,
 * `--version`), read without commander so that boot.ts can run them through the lean bundle
 * `dist/hot.cjs` (~2.5 ms less than declaring a commander program and loading every command; see
 * docs/performance.md).
 *
 * The grammar is deliberately narrow: it accepts only what it reads exactly as commander does, and
 * anything else (help, an unknown or repeated option, an invalid value, a value that starts with `-`,
 * an extra word, `--`, clustered short flags) is `undefined`: commander then parses the line and gives
 * its own output and errors. test/e2e/hot.test.ts runs both ways on the same lines and compares them.
 */

import { positiveNumber } from './cli-argv.js';

export type HotCommand = 'status' | 'list' | 'next' | 'check' | 'uncheck' | 'start' | 'skip';

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

const text = (value: string) => value;
const lang = (value: string) => (value === 'fr' || value === 'en' ? value : undefined);

const flag = (key: string): Spec => ({ key, kind: 'flag' });
const value = (key: string, parse: (value: string) => string | number | undefined): Spec => ({ key, kind: 'value', parse });

/** The program's options (cli.ts): accepted before and after the command word. */
const GLOBAL: Record<string, Spec> = {
  '-f': value('file', text),
  '--file': value('file', text),
  '--json': flag('json'),
  '--no-color': flag('noColor'),
  '--lang': value('lang', lang),
  '--debug': flag('debug'),
};

// cli.ts's rule for `--level` and `--count`: an invalid value is commander's to report.
const level = value('level', positiveNumber);
const section = value('section', text);
const count = value('count', positiveNumber);

/** Each command's own options (cli.ts), accepted after the command word only. */
const listOptions = {
  '-l': level,
  '--level': level,
  '-s': section,
  '--section': section,
  '--todo': flag('todo'),
  '--done': flag('done'),
  '--notes': flag('notes'),
};
const markOptions = {
  '-l': level,
  '--level': level,
  '-s': section,
  '--section': section,
  '-n': flag('dryRun'),
  '--dry-run': flag('dryRun'),
};
const COMMANDS: Record<string, { command: HotCommand; options: Record<string, Spec>; items?: true }> = {
  status: { command: 'status', options: { '-l': level, '--level': level } },
  list: { command: 'list', options: listOptions },
  show: { command: 'list', options: listOptions },
  next: { command: 'next', options: { '-n': count, '--count': count, '--explain': flag('explain') } },
  check: { command: 'check', options: markOptions, items: true },
  uncheck: { command: 'uncheck', options: markOptions, items: true },
  start: { command: 'start', options: markOptions, items: true },
  skip: { command: 'skip', options: markOptions, items: true },
};

/** `roadmap --version` or `roadmap -v`, and nothing else on the line. */
export function isVersionLine(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v');
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
    if (arg === '--help' || arg === '-h') help++;
    else if (arg.startsWith('--lang=') && lang(arg.slice('--lang='.length))) langs++;
    else if (arg === '--lang' && lang(argv[i + 1] ?? '')) {
      langs++;
      i++;
    } else return false;
  }
  return help === 1 && langs <= 1;
}

/** The hot command a line asks for, or undefined when commander must read it. */
export function hotLine(argv: readonly string[]): HotLine | undefined {
  let command: (typeof COMMANDS)[string] | undefined;
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
      else if (command !== undefined || !Object.hasOwn(COMMANDS, arg)) return undefined;
      else command = COMMANDS[arg];
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
