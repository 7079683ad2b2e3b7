/**
 * The command line, declared once: every command, alias, option, value rule and the mark commands with
 * the status each sets. Commander's program (cli.ts), the lean grammar of the daily lines (hot-argv.ts),
 * the pre-reads of the raw arguments (cli-argv.ts, `langFlag`, `debugWanted`) and, through the program,
 * completion are all made from it; test/hot-argv-commander.test.ts draws its command lines from it.
 *
 * Plain data, cheap to load: boot.cjs and hot.cjs read it on every start. Descriptions are functions of
 * the message table (imported as a type only); actions and help examples live in cli.ts.
 */
import type { ItemStatus } from './roadmap/model.js';
import type { Messages } from './ui/messages.js';

type Words = (t: Messages) => string;

/**
 * How an option's value is read. `text`: as given. `positive`: a whole number ≥ 1 (`positiveNumber`).
 * `day`: a date `parseDay` reads (cli.ts checks it). With `choices`, one of them.
 */
export type ValueRule = 'text' | 'positive' | 'day';

export interface OptionSpec {
  short?: string;
  /** `--name`; `--no-name` sets `name` to false, as commander reads it. */
  long: string;
  /** `<n>` for a required value, `[n]` for an optional one; none for a flag. */
  value?: string;
  help: Words;
  rule?: ValueRule;
  /** The message for a value the rule rejects. */
  invalid?: (t: Messages) => (value: string) => string;
  choices?: readonly string[];
  /** Left out of the help and of completion. */
  hidden?: true;
}

export interface ArgumentSpec {
  name: string;
  required?: true;
  variadic?: true;
  help?: Words;
  choices?: readonly string[];
}

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  help: Words;
  args?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  subcommands?: readonly CommandSpec[];
  hidden?: true;
  /** Takes any word, options included, as its arguments. */
  passThrough?: true;
  /** Run by the lean bundle (dist/hot.cjs) when src/hot-argv.ts reads the whole line. */
  hot?: true;
  /** Needs every command declared: help lists them, completion walks them. */
  needsAll?: true;
}

/** The commands that set items' status, and the status each sets. */
export const MARK_COMMANDS = { check: 'done', uncheck: 'todo', start: 'doing', skip: 'skipped' } as const satisfies Record<
  string,
  ItemStatus
>;
export type MarkCommand = keyof typeof MARK_COMMANDS;

/** The shells `roadmap completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** The formats of `roadmap export`. */
export const EXPORT_FORMATS = ['md', 'json', 'html', 'svg'] as const;

/** The commands dist/hot.cjs runs (those declared `hot`). */
export type HotCommand = 'status' | 'list' | 'next' | MarkCommand;

/** `--version` and `--help`, which commander declares itself. */
export const VERSION_OPTION = { short: '-v', long: '--version', help: (t) => t.cli.version } as const satisfies OptionSpec;
export const HELP_OPTION = { short: '-h', long: '--help', help: (t) => t.cli.help } as const satisfies OptionSpec;

/** The program's own options: accepted before and after the command word. */
export const GLOBAL_OPTIONS = {
  file: { short: '-f', long: '--file', value: '<path.md>', help: (t) => t.cli.file, rule: 'text' },
  json: { long: '--json', help: (t) => t.cli.json },
  noColor: { long: '--no-color', help: (t) => t.cli.noColor },
  lang: { long: '--lang', value: '<lang>', help: (t) => t.cli.lang, choices: ['fr', 'en'] },
  debug: { long: '--debug', help: (t) => t.cli.debug },
} as const satisfies Record<string, OptionSpec>;

const level: OptionSpec = {
  short: '-l',
  long: '--level',
  value: '<n>',
  help: (t) => t.cli.level,
  rule: 'positive',
  invalid: (t) => t.errors.badLevel,
};
const scopeLevel: OptionSpec = { ...level, help: (t) => t.cli.scopeLevel };
const dryRun: OptionSpec = { short: '-n', long: '--dry-run', help: (t) => t.cli.dryRun };

const markCommand = (name: MarkCommand): CommandSpec => ({
  name,
  help: (t) => t.cli[name],
  args: [{ name: 'items', variadic: true, help: (t) => t.cli.items }],
  options: [scopeLevel, { short: '-s', long: '--section', value: '<text>', help: (t) => t.cli.scopeSection, rule: 'text' }, dryRun],
  hot: true,
});

/** Every command, in the order the help lists them: the order a user meets them. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: 'status', help: (t) => t.cli.status, options: [level], hot: true },
  markCommand('check'),
  {
    name: 'next',
    help: (t) => t.cli.next,
    options: [
      { short: '-n', long: '--count', value: '<n>', help: (t) => t.cli.count, rule: 'positive', invalid: (t) => t.errors.badCount },
      { long: '--explain', help: (t) => t.cli.explain },
    ],
    hot: true,
  },
  {
    name: 'list',
    aliases: ['show'],
    help: (t) => t.cli.list,
    options: [
      level,
      { short: '-s', long: '--section', value: '<text>', help: (t) => t.cli.section, rule: 'text' },
      { long: '--todo', help: (t) => t.cli.todo },
      { long: '--done', help: (t) => t.cli.done },
      { long: '--notes', help: (t) => t.portfolioCli.listNotes },
    ],
    hot: true,
  },
  { name: 'info', help: (t) => t.portfolioCli.info, args: [{ name: 'item', required: true }] },
  {
    name: 'plan',
    help: (t) => t.cli.plan,
    options: [
      { long: '--start', value: '[YYYY-MM-DD]', help: (t) => t.cli.planStart, rule: 'day', invalid: (t) => t.errors.badStart },
      { long: '--explain', help: (t) => t.plan.explainOption },
    ],
  },
  {
    name: 'log',
    aliases: ['history'],
    help: (t) => t.cli.log,
    options: [{ long: '--since', value: '<when>', help: (t) => t.cli.since, rule: 'text' }],
  },
  markCommand('start'),
  markCommand('skip'),
  markCommand('uncheck'),
  { name: 'undo', help: (t) => t.cli.undo, options: [dryRun] },
  {
    name: 'note',
    help: (t) => t.portfolioCli.note,
    args: [
      { name: 'item', required: true },
      { name: 'text', variadic: true },
    ],
    options: [
      { long: '--link', value: '<url>', help: (t) => t.portfolioCli.noteLink, rule: 'text' },
      { long: '--remove', value: '<n>', help: (t) => t.portfolioCli.noteRemove, rule: 'text' },
    ],
  },
  {
    name: 'open',
    help: (t) => t.portfolioCli.open,
    args: [
      { name: 'item', required: true },
      { name: 'n', help: (t) => t.portfolioCli.openNumber },
    ],
  },
  {
    name: 'project',
    help: (t) => t.portfolioCli.project,
    subcommands: [
      { name: 'check', help: (t) => t.portfolioCli.projectCheck, args: [{ name: 'part', required: true }] },
      { name: 'uncheck', help: (t) => t.portfolioCli.projectUncheck, args: [{ name: 'part', required: true }] },
      {
        name: 'link',
        help: (t) => t.portfolioCli.projectLink,
        args: [
          { name: 'part', required: true },
          { name: 'url', required: true },
        ],
      },
    ],
  },
  {
    name: 'export',
    help: (t) => t.documents.cli.export,
    options: [
      { long: '--format', value: '<format>', help: (t) => t.documents.cli.exportFormat, choices: EXPORT_FORMATS },
      { short: '-o', long: '--output', value: '<file>', help: (t) => t.documents.cli.exportOutput, rule: 'text' },
      { long: '--roll-up', help: (t) => t.documents.cli.exportRollUp },
    ],
  },
  {
    name: 'import',
    help: (t) => t.documents.cli.import,
    args: [{ name: 'file', required: true }],
    options: [{ short: '-n', long: '--dry-run', help: (t) => t.documents.cli.importDryRun }],
  },
  {
    name: 'use',
    help: (t) => t.documents.cli.use,
    args: [{ name: 'path.md' }],
    options: [{ long: '--bundled', help: (t) => t.documents.cli.useBundled }],
  },
  { name: 'roadmaps', help: (t) => t.documents.cli.roadmaps },
  {
    name: 'hints',
    help: (t) => t.next.hints.cli,
    args: [{ name: 'setting', choices: ['on', 'off'], help: (t) => t.next.hints.setting }],
  },
  {
    name: 'doctor',
    help: (t) => t.documents.cli.doctor,
    options: [
      { long: '--repair', help: (t) => t.doctor.repairOption },
      { long: '--prune', help: (t) => t.documents.cli.doctorPrune },
      { long: '--attach', value: '<key>', help: (t) => t.documents.identity.attachOption, rule: 'text' },
      { long: '--to', value: '<item>', help: (t) => t.documents.identity.toOption, rule: 'text' },
    ],
  },
  {
    name: 'completion',
    help: (t) => t.helpCli.completion,
    args: [{ name: 'shell', required: true, help: (t) => t.helpCli.completionShell, choices: SHELLS }],
    needsAll: true,
  },
  // What the completion scripts call on every Tab: `roadmap complete -- <words on the line>`.
  { name: 'complete', help: () => '', args: [{ name: 'words', variadic: true }], hidden: true, passThrough: true, needsAll: true },
  // commander's own help command takes one word: this one also shows `roadmap help project link`.
  {
    name: 'help',
    help: (t) => t.cli.helpCommand,
    args: [{ name: 'command', variadic: true, help: (t) => t.helpCli.helpCommandArg }],
    needsAll: true,
  },
];

/** An option's key: its long name in camel case, as commander names it (`--dry-run` → `dryRun`, `--no-color` → `noColor`). */
export function optionKey(option: OptionSpec): string {
  return option.long.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * A `--level` or `--count` value: digits only (spaces around allowed), at least 1 and exact as a number
 * (so it is never echoed as `1e+23`); undefined otherwise.
 */
export function positiveNumber(value: string): number | undefined {
  const number = Number(value);
  return /^\d+$/.test(value.trim()) && number >= 1 && Number.isSafeInteger(number) ? number : undefined;
}
