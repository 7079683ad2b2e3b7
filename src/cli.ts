import { Argument, Command, type ErrorOptions, InvalidArgumentError, Option, type OutputConfiguration } from 'commander';
import { ALIASES, COMMAND_NAMES, commandsToDeclare } from './cli-argv.js';
import { helpAndCompletionActions } from './cli-help.js';
import {
  type ArgumentSpec,
  COMMANDS,
  type CommandSpec,
  GLOBAL_OPTIONS,
  HELP_OPTION,
  MARK_COMMANDS,
  type MarkCommand,
  type OptionSpec,
  positiveNumber,
  VERSION_OPTION,
} from './command-line.js';
import type { Context, GlobalOptions } from './context.js';
import { UsageError } from './errors.js';
import { parseDay } from './progress/days.js';
import { examples, helpConfig } from './ui/help.js';
import type { Messages } from './ui/messages.js';
import { type UsageProblem, usageMessage } from './ui/usage-errors.js';

export interface CliSetup {
  t: Messages;
  version: string;
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  /** Builds the Context from the global options (done lazily: `--help` needs none of it). */
  context: (globals: Omit<GlobalOptions, 'lang'>) => Promise<Context>;
  /** How commander asks for the help width and colours (its defaults ask process.stdout). */
  outputConfig?: Pick<OutputConfiguration, 'getOutHelpWidth' | 'getErrHelpWidth' | 'getOutHasColors' | 'getErrHasColors'>;
  /** The command line about to be parsed: only the command it names is declared. Absent: all are. */
  argv?: readonly string[];
}

/** What a command does when commander runs it: its arguments, its options, the command itself. */
export type Action = (args: unknown[], options: Record<string, unknown>, command: Command) => Promise<void> | void;

/**
 * Declares the commands and options of src/command-line.ts: every command, or with `setup.argv` only the
 * one the command line names (see `commandsToDeclare`). Each action imports its command module only when
 * it runs, so `--help` and `--version` load nothing heavy.
 */
export function buildProgram(setup: CliSetup): Command {
  const { t } = setup;
  const plan = setup.argv ? commandsToDeclare(setup.argv, COMMAND_NAMES) : { kind: 'all' as const };
  const wants = (name: string) => plan.kind === 'all' || (plan.kind === 'one' && (ALIASES[plan.name] ?? plan.name) === name);
  // What the last rejected value was rejected for: commander passes only its words on to `error`.
  const invalid: { message?: string } = {};
  const argv = setup.argv ?? [];
  const RoadmapCommand = class extends Command {
    override createCommand(name?: string): Command {
      return new RoadmapCommand(name);
    }
    // Every usage error commander finds comes here with its code: worded in the UI language, one line,
    // thrown as a UsageError (exit 2) for main.ts to report like any other error.
    override error(message: string, options?: ErrorOptions): never {
      throw new UsageError(usageMessage(problemOf(this, options?.code, message, argv, invalid.message), t));
    }
  };
  const program = new RoadmapCommand('roadmap')
    .description(t.cli.description)
    .version(setup.version, flagsOf(VERSION_OPTION), VERSION_OPTION.help(t))
    .helpOption(flagsOf(HELP_OPTION), HELP_OPTION.help(t))
    .helpCommand(false);
  for (const option of Object.values(GLOBAL_OPTIONS)) program.addOption(optionOf(option, t, invalid));
  program
    .exitOverride()
    .configureOutput({ ...setup.outputConfig, writeOut: setup.writeOut, writeErr: setup.writeErr })
    .configureHelp(helpConfig(t))
    .addHelpText('after', examples(t, t.helpCli.mainExamples));

  const contextOf = (command: Command) => {
    const { file, json, color } = command.optsWithGlobals() as Record<string, unknown>;
    return setup.context({ file: file as string | undefined, json: json === true, color: color as boolean | undefined });
  };
  const unknownCommand = (words: string): never => {
    throw new UsageError(usageMessage({ kind: 'unknownCommand', command: 'roadmap', word: words, candidates: commandNames(program) }, t));
  };
  const actions: Record<string, Action> = {
    ...commandActions(contextOf),
    ...helpAndCompletionActions(program, contextOf, unknownCommand),
  };

  const declare = (parent: Command, spec: CommandSpec, path: string) => {
    const command = parent.command(spec.name, spec.hidden ? { hidden: true } : {}).description(spec.help(t));
    for (const alias of spec.aliases ?? []) command.alias(alias);
    for (const argument of spec.args ?? []) command.addArgument(argumentOf(argument, t, invalid));
    for (const option of spec.options ?? []) command.addOption(optionOf(option, t, invalid));
    if (spec.passThrough) command.allowUnknownOption();
    const lines = EXAMPLES[path]?.(t);
    if (lines) command.addHelpText('after', examples(t, lines));
    const action = actions[path];
    if (action) {
      command.action((...params: unknown[]) => {
        const options = params.at(-2) as Record<string, unknown>;
        return action(params.slice(0, -2), options, params.at(-1) as Command);
      });
    }
    for (const sub of spec.subcommands ?? []) declare(command, sub, `${path} ${sub.name}`);
  };
  for (const spec of COMMANDS) if (wants(spec.name)) declare(program, spec, spec.name);

  // `roadmap` alone is `roadmap status`; any other word is an unknown command (with a did-you-mean).
  // Set last: subcommands copy the settings their parent has when they are added.
  program.allowExcessArguments(true).action(async (_options: unknown, command: Command) => {
    if (command.args.length > 0) (command as unknown as { unknownCommand(): never }).unknownCommand();
    await actions.status?.([], {}, command);
  });

  return program;
}

/** commander's flags of a declared option: `-l, --level <n>`. */
function flagsOf(option: OptionSpec): string {
  return `${option.short ? `${option.short}, ` : ''}${option.long}${option.value ? ` ${option.value}` : ''}`;
}

/** commander's option for a declared one, its value read by the declared rule; `invalid` keeps why a value was rejected. */
function optionOf(spec: OptionSpec, t: Messages, invalid: { message?: string }): Option {
  const option = new Option(flagsOf(spec), spec.help(t));
  if (spec.hidden) option.hideHelp();
  const bad = rejecting(invalid, spec.invalid?.(t) ?? ((value: string) => value));
  // The choices stay declared (help and completion list them); the value is checked here, in the UI language.
  if (spec.choices)
    option.choices(spec.choices).argParser(choiceArg(spec.choices, rejecting(invalid, badChoiceOf(spec.long, spec.choices, t))));
  else if (spec.rule === 'positive') option.argParser(positiveArg(bad));
  else if (spec.rule === 'day') option.argParser(dayArg(bad));
  return option;
}

function argumentOf(spec: ArgumentSpec, t: Messages, invalid: { message?: string }): Argument {
  const name = `${spec.name}${spec.variadic ? '...' : ''}`;
  const argument = new Argument(spec.required ? `<${name}>` : `[${name}]`, spec.help?.(t));
  const { choices } = spec;
  if (choices) argument.choices(choices).argParser(choiceArg(choices, rejecting(invalid, badChoiceOf(`<${spec.name}>`, choices, t))));
  return argument;
}

/** The words for a value outside `choices`. */
function badChoiceOf(name: string, choices: readonly string[], t: Messages): (value: string) => string {
  return (value) => t.helpCli.usage.badChoice(name, choices, value);
}

/** `words`, remembering the last message in `invalid` (commander hands `error` only its own sentence around it). */
function rejecting(invalid: { message?: string }, words: (value: string) => string): (value: string) => string {
  return (value) => {
    invalid.message = words(value);
    return invalid.message;
  };
}

/** An option or argument value that must be one of `choices`. */
function choiceArg(choices: readonly string[], bad: (value: string) => string) {
  return (value: string): string => {
    if (!choices.includes(value)) throw new InvalidArgumentError(bad(value));
    return value;
  };
}

/** The visible commands' names and aliases of a command: what a mistyped command word is compared with. */
function commandNames(command: Command): string[] {
  return command
    .createHelp()
    .visibleCommands(command)
    .flatMap((sub) => [sub.name(), ...sub.aliases()]);
}

/** The command as typed: `roadmap`, `roadmap list`, `roadmap project link`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * The usage error commander found, by its error code, as data (its English `message` is used only for
 * a code it has not been mapped for). `argv` is the command line: an option missing its value is its last word.
 */
function problemOf(
  command: Command,
  code: string | undefined,
  message: string,
  argv: readonly string[],
  invalid: string | undefined,
): UsageProblem {
  const path = commandPath(command);
  switch (code) {
    case 'commander.unknownCommand':
      return { kind: 'unknownCommand', command: path, word: String(command.args[0]), candidates: commandNames(command) };
    case 'commander.unknownOption': {
      const candidates: string[] = [];
      for (let at: Command | null = command; at; at = at.parent) {
        for (const option of at.createHelp().visibleOptions(at)) if (option.long) candidates.push(option.long);
      }
      const flag = command.args.find((arg) => arg.length > 1 && arg.startsWith('-')) ?? String(argv.at(-1));
      return { kind: 'unknownOption', command: path, flag, candidates };
    }
    case 'commander.missingArgument': {
      const missing = command.registeredArguments.find((argument, i) => argument.required && command.args[i] === undefined);
      return { kind: 'missingArgument', command: path, name: missing?.name() ?? '' };
    }
    case 'commander.optionMissingArgument':
      return { kind: 'missingValue', command: path, flag: String(argv.at(-1)) };
    case 'commander.excessArguments':
      // `roadmap project lnk`: a mistyped subcommand of a command that also runs alone.
      if (command.commands.length > 0) {
        return { kind: 'unknownCommand', command: path, word: String(command.args[0]), candidates: commandNames(command) };
      }
      return { kind: 'tooManyArguments', command: path, expected: command.registeredArguments.length, got: command.args.length };
    case 'commander.invalidArgument':
      if (invalid) return { kind: 'invalidValue', command: path, message: invalid };
      break;
  }
  return { kind: 'other', command: path, message: message.replace(/^error: /, '') };
}

/** The actions of the commands, by their path (`status`, `project link`): each imports its module when run. */
function commandActions(contextOf: (command: Command) => Promise<Context>): Record<string, Action> {
  const actions: Record<string, Action> = {
    status: async (_args, options, command) => {
      const { runStatus } = await import('./commands/status.js');
      await runStatus({ level: options.level as number | undefined }, await contextOf(command));
    },
    list: async (_args, options, command) => {
      const { runList } = await import('./commands/list.js');
      await runList(options, await contextOf(command));
    },
    undo: async (_args, options, command) => {
      const { runUndo } = await import('./commands/undo.js');
      await runUndo(options, await contextOf(command));
    },
    use: async ([path], options, command) => {
      const { runUse } = await import('./commands/use.js');
      await runUse({ path: path as string | undefined, bundled: options.bundled as boolean | undefined }, await contextOf(command));
    },
    roadmaps: async (_args, _options, command) => {
      const { runRoadmaps } = await import('./commands/roadmaps.js');
      await runRoadmaps(await contextOf(command));
    },
    note: async ([item, text], options, command) => {
      const { runNote } = await import('./commands/note.js');
      await runNote({ item: item as string, text: text as string[], ...options }, await contextOf(command));
    },
    info: async ([item], _options, command) => {
      const { runInfo } = await import('./commands/info.js');
      await runInfo({ item: item as string }, await contextOf(command));
    },
    open: async ([item, n], _options, command) => {
      const { runOpen } = await import('./commands/open.js');
      await runOpen({ item: item as string, n: n as string | undefined }, await contextOf(command));
    },
    project: async (_args, _options, command) => {
      const { runProject } = await import('./commands/project.js');
      await runProject({}, await contextOf(command));
    },
    'project check': async ([part], _options, command) => {
      const { runProjectCheck } = await import('./commands/project.js');
      await runProjectCheck({ part: part as string, done: true }, await contextOf(command));
    },
    'project uncheck': async ([part], _options, command) => {
      const { runProjectCheck } = await import('./commands/project.js');
      await runProjectCheck({ part: part as string, done: false }, await contextOf(command));
    },
    'project link': async ([part, url], _options, command) => {
      const { runProjectLink } = await import('./commands/project.js');
      await runProjectLink({ part: part as string, url: url as string }, await contextOf(command));
    },
    export: async (_args, options, command) => {
      const { runExport } = await import('./commands/export.js');
      await runExport(options, await contextOf(command));
    },
    import: async ([file], options, command) => {
      const { runImport } = await import('./commands/import.js');
      await runImport({ file: file as string, dryRun: options.dryRun as boolean | undefined }, await contextOf(command));
    },
    doctor: async (_args, options, command) => {
      const { runDoctor } = await import('./commands/doctor.js');
      await runDoctor(options, await contextOf(command));
    },
    next: async (_args, options, command) => {
      const { runNext } = await import('./commands/next.js');
      await runNext(options, await contextOf(command));
    },
    hints: async ([setting], _options, command) => {
      const { runHints } = await import('./commands/hints.js');
      await runHints({ setting: setting as 'on' | 'off' | undefined }, await contextOf(command));
    },
    plan: async (_args, options, command) => {
      const { runPlan } = await import('./commands/plan.js');
      await runPlan(options, await contextOf(command));
    },
    log: async (_args, options, command) => {
      const { runLog } = await import('./commands/log.js');
      await runLog(options, await contextOf(command));
    },
  };
  for (const name of Object.keys(MARK_COMMANDS) as MarkCommand[]) {
    actions[name] = async ([refs], options, command) => {
      const { runCheck } = await import('./commands/check.js');
      await runCheck({ command: name, refs: refs as string[], ...options }, await contextOf(command));
    };
  }
  return actions;
}

/** The examples under each command's help, by its path. */
const EXAMPLES: Record<string, (t: Messages) => readonly string[]> = {
  status: () => ['roadmap status', 'roadmap status --level 2', 'roadmap status --json'],
  list: () => ['roadmap list --level 1', 'roadmap list --section donnees --todo', 'roadmap list --json'],
  check: () => ['roadmap check 9', 'roadmap check postgres "docker compose" 12', 'roadmap check --dry-run 13 14'],
  uncheck: () => ['roadmap uncheck 9', 'roadmap uncheck terraform'],
  start: () => ['roadmap start 29', 'roadmap start helm'],
  skip: () => ['roadmap skip 33', 'roadmap skip "gitlab ci"', 'roadmap skip --level 4 linux'],
  undo: () => ['roadmap undo', 'roadmap undo --dry-run'],
  use: () => ['roadmap use ~/notes/coding-interview-university.md', 'roadmap use --bundled', 'roadmap use'],
  roadmaps: () => ['roadmap roadmaps', 'roadmap roadmaps --json'],
  note: () => [
    'roadmap note 9 "Tuto officiel fini, index B-tree compris"',
    'roadmap note postgres --link https://github.com/me/pg-lab',
    'roadmap note 9 --remove 1',
  ],
  info: () => ['roadmap info 9', 'roadmap info terraform --json'],
  open: () => ['roadmap --file ~/notes/ciu.md open 1', 'roadmap --file ~/notes/ciu.md open asymptotic 1'],
  project: () => ['roadmap project', 'roadmap project check 2', 'roadmap project link terraform https://github.com/me/infra'],
  'project check': () => ['roadmap project check 1', 'roadmap project check ci/cd'],
  'project uncheck': () => ['roadmap project uncheck 1', 'roadmap project uncheck ci/cd'],
  'project link': () => ['roadmap project link 1 https://github.com/me/my-api'],
  export: () => [
    'roadmap export --format md -o roadmap-ticked.md',
    'roadmap export -o ~/Sync/roadmap.json',
    'roadmap export --format html -o report.html',
  ],
  import: () => ['roadmap import roadmap-ticked.md --dry-run', 'roadmap import ~/Sync/roadmap.json'],
  doctor: () => ['roadmap doctor', 'roadmap doctor --repair', 'roadmap doctor --prune'],
  next: () => ['roadmap next', 'roadmap next --count 5 --explain', 'roadmap next --json'],
  plan: () => ['roadmap plan', 'roadmap plan --start 2026-01-05', 'roadmap plan --explain'],
  hints: () => ['roadmap hints', 'roadmap hints off', 'roadmap hints on'],
  log: () => ['roadmap log', 'roadmap log --since 2026-03-01', 'roadmap log --since 2w --json'],
  completion: (t) => t.helpCli.completionExamples,
  help: (t) => t.helpCli.helpExamples,
};

/** An option value that must be a positive whole number (see `positiveNumber`); `bad` says what is wrong. */
function positiveArg(bad: (value: string) => string) {
  return (value: string): number => {
    const number = positiveNumber(value);
    if (number === undefined) throw new InvalidArgumentError(bad(value));
    return number;
  };
}

/** An option value that must be a day `parseDay` reads; `bad` says what is wrong. */
function dayArg(bad: (value: string) => string) {
  return (value: string): string => {
    if (parseDay(value) === null) throw new InvalidArgumentError(bad(value));
    return value.trim();
  };
}
