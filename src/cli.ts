import { Command, InvalidArgumentError, Option, type OutputConfiguration } from 'commander';
import { ALIASES, COMMAND_NAMES, commandsToDeclare, positiveNumber } from './cli-argv.js';
import { addHelpAndCompletion } from './cli-help.js';
import type { Context, GlobalOptions } from './context.js';
import { parseDay } from './progress/days.js';
import { examples, helpConfig } from './ui/help.js';
import type { Messages } from './ui/messages.js';

type MarkCommand = 'check' | 'uncheck' | 'start' | 'skip';

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

/**
 * Declares the commands and options: every command, or with `setup.argv` only the one the command line
 * names (see `commandsToDeclare`). Each action imports its command module only when it runs, so
 * `--help` and `--version` load nothing heavy.
 */
export function buildProgram(setup: CliSetup): Command {
  const { t } = setup;
  const plan = setup.argv ? commandsToDeclare(setup.argv, COMMAND_NAMES) : { kind: 'all' as const };
  const wants = (name: string) => plan.kind === 'all' || (plan.kind === 'one' && (ALIASES[plan.name] ?? plan.name) === name);
  const program = new Command('roadmap')
    .description(t.cli.description)
    .version(setup.version, '-v, --version', t.cli.version)
    .helpOption('-h, --help', t.cli.help)
    .helpCommand(false)
    .addOption(new Option('-f, --file <path.md>', t.cli.file))
    .addOption(new Option('--json', t.cli.json))
    .addOption(new Option('--no-color', t.cli.noColor))
    .addOption(new Option('--lang <lang>', t.cli.lang).choices(['fr', 'en']))
    .addOption(new Option('--debug', 'print the stack of unexpected errors').hideHelp())
    .exitOverride()
    .configureOutput({ ...setup.outputConfig, writeOut: setup.writeOut, writeErr: setup.writeErr })
    .configureHelp(helpConfig(t))
    .showHelpAfterError(`(${t.cli.usageHint('roadmap')})`)
    .showSuggestionAfterError(true)
    .addHelpText('after', examples(t, t.helpCli.mainExamples));

  const contextOf = (command: Command) => {
    const { file, json, color } = command.optsWithGlobals() as Record<string, unknown>;
    return setup.context({ file: file as string | undefined, json: json === true, color: color as boolean | undefined });
  };
  const levelOption = () => new Option('-l, --level <n>', t.cli.level).argParser(positiveArg(t.errors.badLevel));

  const status = async (options: { level?: number }, command: Command) => {
    const { runStatus } = await import('./commands/status.js');
    await runStatus({ level: options.level }, await contextOf(command));
  };
  if (wants('status')) {
    program
      .command('status')
      .description(t.cli.status)
      .addOption(levelOption())
      .addHelpText('after', examples(t, ['roadmap status', 'roadmap status --level 2', 'roadmap status --json']))
      .action(status);
  }

  if (wants('list')) {
    program
      .command('list')
      .alias('show')
      .description(t.cli.list)
      .addOption(levelOption())
      .addOption(new Option('-s, --section <text>', t.cli.section))
      .addOption(new Option('--todo', t.cli.todo))
      .addOption(new Option('--done', t.cli.done))
      .addOption(new Option('--notes', t.portfolioCli.listNotes))
      .addHelpText('after', examples(t, ['roadmap list --level 1', 'roadmap list --section postgres --todo', 'roadmap list --json']))
      .action(async (options: { level?: number; section?: string; todo?: boolean; done?: boolean; notes?: boolean }, command: Command) => {
        const { runList } = await import('./commands/list.js');
        await runList(options, await contextOf(command));
      });
  }

  const markExamples: Record<MarkCommand, string[]> = {
    check: ['roadmap check 9', 'roadmap check postgres "docker compose" 12', 'roadmap check --level 2'],
    uncheck: ['roadmap uncheck 9', 'roadmap uncheck', 'roadmap uncheck terraform'],
    start: ['roadmap start 29', 'roadmap start kubernetes', 'roadmap start'],
    skip: ['roadmap skip 33', 'roadmap skip "gitlab ci"', 'roadmap skip --level 4'],
  };
  for (const name of ['check', 'uncheck', 'start', 'skip'] as const) {
    if (!wants(name)) continue;
    program
      .command(name)
      .argument('[items...]', t.cli.items)
      .description(t.cli[name])
      .addOption(new Option('-l, --level <n>', t.cli.scopeLevel).argParser(positiveArg(t.errors.badLevel)))
      .addOption(new Option('-s, --section <text>', t.cli.scopeSection))
      .addOption(new Option('-n, --dry-run', t.cli.dryRun))
      .addHelpText('after', examples(t, markExamples[name]))
      .action(async (refs: string[], options: { level?: number; section?: string; dryRun?: boolean }, command: Command) => {
        const { runCheck } = await import('./commands/check.js');
        await runCheck({ command: name, refs, ...options }, await contextOf(command));
      });
  }

  if (wants('undo')) {
    program
      .command('undo')
      .description(t.cli.undo)
      .addOption(new Option('-n, --dry-run', t.cli.dryRun))
      .addHelpText('after', examples(t, ['roadmap undo', 'roadmap undo --dry-run']))
      .action(async (options: { dryRun?: boolean }, command: Command) => {
        const { runUndo } = await import('./commands/undo.js');
        await runUndo(options, await contextOf(command));
      });
  }

  const d = t.documents.cli;
  if (wants('use')) {
    program
      .command('use')
      .description(d.use)
      .argument('[path.md]')
      .addOption(new Option('--bundled', d.useBundled))
      .addHelpText('after', examples(t, ['roadmap use ~/notes/coding-interview-university.md', 'roadmap use --bundled', 'roadmap use']))
      .action(async (path: string | undefined, options: { bundled?: boolean }, command: Command) => {
        const { runUse } = await import('./commands/use.js');
        await runUse({ path, bundled: options.bundled }, await contextOf(command));
      });
  }

  if (wants('roadmaps')) {
    program
      .command('roadmaps')
      .description(d.roadmaps)
      .addHelpText('after', examples(t, ['roadmap roadmaps', 'roadmap roadmaps --json']))
      .action(async (_options: unknown, command: Command) => {
        const { runRoadmaps } = await import('./commands/roadmaps.js');
        await runRoadmaps(await contextOf(command));
      });
  }

  const pc = t.portfolioCli;
  if (wants('note')) {
    program
      .command('note <item> [text...]')
      .description(pc.note)
      .addOption(new Option('--link <url>', pc.noteLink))
      .addOption(new Option('--remove <n>', pc.noteRemove))
      .addHelpText(
        'after',
        examples(t, [
          'roadmap note 9 "Tuto officiel fini, index B-tree compris"',
          'roadmap note postgres --link https://github.com/me/pg-lab',
          'roadmap note 9 --remove 1',
        ]),
      )
      .action(async (item: string, text: string[], options: { link?: string; remove?: string }, command: Command) => {
        const { runNote } = await import('./commands/note.js');
        await runNote({ item, text, ...options }, await contextOf(command));
      });
  }

  if (wants('info')) {
    program
      .command('info <item>')
      .description(pc.info)
      .addHelpText('after', examples(t, ['roadmap info 9', 'roadmap info terraform --json']))
      .action(async (item: string, _options: unknown, command: Command) => {
        const { runInfo } = await import('./commands/info.js');
        await runInfo({ item }, await contextOf(command));
      });
  }

  if (wants('project')) {
    const project = program
      .command('project')
      .description(pc.project)
      .addHelpText(
        'after',
        examples(t, ['roadmap project', 'roadmap project check 2', 'roadmap project link terraform https://github.com/me/infra']),
      )
      .action(async (_options: unknown, command: Command) => {
        const { runProject } = await import('./commands/project.js');
        await runProject({}, await contextOf(command));
      });
    for (const [verb, done] of [
      ['check', true],
      ['uncheck', false],
    ] as const) {
      project
        .command(`${verb} <part>`)
        .description(done ? pc.projectCheck : pc.projectUncheck)
        .addHelpText('after', examples(t, [`roadmap project ${verb} 1`, `roadmap project ${verb} ci/cd`]))
        .action(async (part: string, _options: unknown, command: Command) => {
          const { runProjectCheck } = await import('./commands/project.js');
          await runProjectCheck({ part, done }, await contextOf(command));
        });
    }
    project
      .command('link <part> <url>')
      .description(pc.projectLink)
      .addHelpText('after', examples(t, ['roadmap project link 1 https://github.com/me/my-api']))
      .action(async (part: string, url: string, _options: unknown, command: Command) => {
        const { runProjectLink } = await import('./commands/project.js');
        await runProjectLink({ part, url }, await contextOf(command));
      });
  }

  if (wants('export')) {
    program
      .command('export')
      .description(d.export)
      .addOption(new Option('--format <format>', d.exportFormat).choices(['md', 'json', 'html', 'svg']))
      .addOption(new Option('-o, --output <file>', d.exportOutput))
      .addHelpText(
        'after',
        examples(t, [
          'roadmap export --format md -o roadmap-ticked.md',
          'roadmap export -o ~/Sync/roadmap.json',
          'roadmap export --format html -o report.html',
        ]),
      )
      .action(async (options: { format?: 'md' | 'json' | 'html' | 'svg'; output?: string }, command: Command) => {
        const { runExport } = await import('./commands/export.js');
        await runExport(options, await contextOf(command));
      });
  }

  if (wants('import')) {
    program
      .command('import')
      .description(d.import)
      .argument('<file>')
      .addOption(new Option('-n, --dry-run', d.importDryRun))
      .addHelpText('after', examples(t, ['roadmap import roadmap-ticked.md --dry-run', 'roadmap import ~/Sync/roadmap.json']))
      .action(async (file: string, options: { dryRun?: boolean }, command: Command) => {
        const { runImport } = await import('./commands/import.js');
        await runImport({ file, dryRun: options.dryRun }, await contextOf(command));
      });
  }

  if (wants('doctor')) {
    program
      .command('doctor')
      .description(d.doctor)
      .addOption(new Option('--repair', t.doctor.repairOption))
      .addOption(new Option('--prune', d.doctorPrune))
      .addOption(new Option('--attach <key>', t.documents.identity.attachOption))
      .addOption(new Option('--to <item>', t.documents.identity.toOption))
      .addHelpText('after', examples(t, ['roadmap doctor', 'roadmap doctor --repair', 'roadmap doctor --prune']))
      .action(async (options: { prune?: boolean; repair?: boolean; attach?: string; to?: string }, command: Command) => {
        const { runDoctor } = await import('./commands/doctor.js');
        await runDoctor(options, await contextOf(command));
      });
  }

  if (wants('next')) {
    program
      .command('next')
      .description(t.cli.next)
      .addOption(new Option('-n, --count <n>', t.cli.count).argParser(positiveArg(t.errors.badCount)))
      .addOption(new Option('--explain', t.cli.explain))
      .addHelpText('after', examples(t, ['roadmap next', 'roadmap next --count 5 --explain', 'roadmap next --json']))
      .action(async (options: { count?: number; explain?: boolean }, command: Command) => {
        const { runNext } = await import('./commands/next.js');
        await runNext(options, await contextOf(command));
      });
  }

  if (wants('plan')) {
    program
      .command('plan')
      .description(t.cli.plan)
      .addOption(new Option('--start [YYYY-MM-DD]', t.cli.planStart).argParser(parseStart(t)))
      .addHelpText('after', examples(t, ['roadmap plan', 'roadmap plan --start 2026-01-05', 'roadmap plan --json']))
      .action(async (options: { start?: string | true }, command: Command) => {
        const { runPlan } = await import('./commands/plan.js');
        await runPlan(options, await contextOf(command));
      });
  }

  if (wants('log')) {
    program
      .command('log')
      .alias('history')
      .description(t.cli.log)
      .addOption(new Option('--since <when>', t.cli.since))
      .addHelpText('after', examples(t, ['roadmap log', 'roadmap log --since 2026-03-01', 'roadmap log --since 2w --json']))
      .action(async (options: { since?: string }, command: Command) => {
        const { runLog } = await import('./commands/log.js');
        await runLog(options, await contextOf(command));
      });
  }

  if (plan.kind === 'all') addHelpAndCompletion(program, t, contextOf);

  // `roadmap` alone is `roadmap status`; any other word is an unknown command (with a did-you-mean).
  // Set last: subcommands copy the settings their parent has when they are added.
  program.allowExcessArguments(true).action(async (_options: unknown, command: Command) => {
    if (command.args.length > 0) (command as unknown as { unknownCommand(): never }).unknownCommand();
    await status({}, command);
  });

  return program;
}

/** An option value that must be a positive whole number (see `positiveNumber`); `bad` says what is wrong. */
function positiveArg(bad: (value: string) => string) {
  return (value: string): number => {
    const number = positiveNumber(value);
    if (number === undefined) throw new InvalidArgumentError(bad(value));
    return number;
  };
}

function parseStart(t: Messages) {
  return (value: string): string => {
    if (parseDay(value) === null) throw new InvalidArgumentError(t.errors.badStart(value));
    return value.trim();
  };
}
