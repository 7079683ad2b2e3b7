// Property: whenever src/hot-argv.ts accepts a command line, commander reads it the same way (same
// command, global options, command options and item references), so the lean bundle runs what
// commander's action would have run. The command modules are replaced by recorders.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli.js';
import {
  COMMANDS,
  type CommandSpec,
  GLOBAL_OPTIONS,
  HELP_OPTION,
  MARK_COMMANDS,
  type OptionSpec,
  VERSION_OPTION,
} from '../src/command-line.js';
import { hotLine } from '../src/hot-argv.js';
import { messagesFor } from '../src/ui/messages.js';

const ran = vi.hoisted(() => ({ calls: [] as unknown[] }));
vi.mock('../src/commands/status.js', () => ({ runStatus: async (options: object) => ran.calls.push(['status', options]) }));
vi.mock('../src/commands/list.js', () => ({ runList: async (options: object) => ran.calls.push(['list', options]) }));
vi.mock('../src/commands/next.js', () => ({ runNext: async (options: object) => ran.calls.push(['next', options]) }));
vi.mock('../src/commands/check.js', () => ({
  runCheck: async ({ command, refs, ...options }: { command: string; refs: string[] }) => ran.calls.push([command, options, refs]),
}));

/** What commander's program does with a line: the command it runs, with what, or that it runs nothing. */
async function commander(argv: string[]): Promise<unknown> {
  ran.calls = [];
  let globals: unknown;
  const program = buildProgram({
    t: messagesFor('en'),
    version: '0.0.0',
    writeOut: () => {},
    writeErr: () => {},
    context: async (given) => {
      globals = given;
      return {} as never;
    },
    argv,
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    return 'commander stops';
  }
  const [call] = ran.calls as [string, Record<string, unknown>, string[]?][];
  if (!call) return 'nothing ran';
  const [command, options, refs = []] = call;
  // Options commander leaves undefined are not given (the lean bundle leaves them out).
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { command, globals, options: given, refs };
}

/** The same, as the lean bundle would run it. */
function lean(argv: string[]): unknown {
  const line = hotLine(argv);
  if (!line) return undefined;
  const isMark = Object.hasOwn(MARK_COMMANDS, line.command);
  return {
    command: line.command,
    globals: { file: line.file, json: line.json, color: line.color },
    options: line.options,
    refs: isMark ? line.items : [],
  };
}

// The alphabet comes from the declaration (src/command-line.ts): every command and alias, every option of
// the program and of the hot commands, their choices; then words no declaration has.
const hotCommands = COMMANDS.filter((command) => command.hot);
const declaredOptions: OptionSpec[] = [...Object.values(GLOBAL_OPTIONS), ...hotCommands.flatMap((command) => command.options ?? [])];
const flagsOf = (options: readonly OptionSpec[]) => [
  ...new Set(options.flatMap((option) => [option.long, ...(option.short ? [option.short] : [])])),
];
const namesOf = (list: readonly CommandSpec[]) => list.flatMap((command) => [command.name, ...(command.aliases ?? [])]);
/** The hot commands (and none) eight times as often as the others, so that enough lines are accepted. */
const command = fc.oneof(
  { arbitrary: fc.constantFrom('', ...namesOf(hotCommands)), weight: 8 },
  { arbitrary: fc.constantFrom(...namesOf(COMMANDS.filter((declared) => !declared.hot)), 'statu'), weight: 1 },
);
const flags = [
  ...flagsOf(declaredOptions.filter((option) => option.value === undefined)),
  ...flagsOf([HELP_OPTION, VERSION_OPTION]),
  '--bogus',
  '--',
  '-',
];
const valued = flagsOf(declaredOptions.filter((option) => option.value !== undefined));
const values = [
  ...new Set([
    'doc.md',
    ...declaredOptions.flatMap((option) => option.choices ?? []),
    'de',
    '2',
    '0',
    ' 3',
    '-1',
    'x',
    '',
    'API REST',
    'docker',
    '--json',
    '5',
  ]),
];
const refs = ['4', 'postgres', 'docker compose', '', 'status', 'a=b'];

/** A segment of a command line: a flag, an option and its value (apart or with `=`), or a word. */
const segment = fc.oneof(
  fc.constantFrom(...flags).map((flag) => [flag]),
  fc.tuple(fc.constantFrom(...valued), fc.constantFrom(...values)).map(([option, value]) => [option, value]),
  fc
    .tuple(fc.constantFrom(...valued.filter((o) => o.startsWith('--'))), fc.constantFrom(...values))
    .map(([option, value]) => [`${option}=${value}`]),
  fc.constantFrom(...refs).map((word) => [word]),
);
const line = fc
  .tuple(fc.array(segment, { maxLength: 2 }), command, fc.array(segment, { maxLength: 4 }))
  .map(([before, command, after]) => [...before.flat(), ...(command ? [command] : []), ...after.flat()]);

describe('the lean grammar reads what it accepts exactly as commander does', () => {
  it('on random command lines: options and values of every kind, before and after the command', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(line, async (argv) => {
        const hot = lean(argv);
        if (hot === undefined) return;
        accepted++;
        expect([argv, hot]).toEqual([argv, await commander(argv)]);
      }),
      { numRuns: 3000 },
    );
    // The property is not vacuous. About 11 % of the random lines are accepted (≈ 330 ± 17 of 3000): a
    // bound of 300 failed one run in ten; 200 is eight deviations below, and still hundreds of lines.
    expect(accepted).toBeGreaterThan(200);
  }, 60_000);

  it('draws from every option and command the lean grammar reads', () => {
    expect(valued).toEqual(expect.arrayContaining(['-f', '--file', '--lang', '-l', '--level', '-s', '--section', '-n', '--count']));
    expect(flags).toEqual(
      expect.arrayContaining(['--json', '--no-color', '--debug', '--todo', '--done', '--notes', '--explain', '--dry-run', '-n']),
    );
    expect(namesOf(COMMANDS)).toEqual(
      expect.arrayContaining(['status', 'list', 'show', 'next', 'check', 'uncheck', 'start', 'skip', 'plan']),
    );
  });

  it.each([
    [['check', '4', '--dry-run', '5']],
    [['--no-color', 'show', '--section', 'API REST', '--todo']],
    [['next', '-n', '2', '--file=doc.md', '--explain']],
    [[]],
  ])('%j', async (argv) => {
    expect(lean(argv)).toEqual(await commander(argv));
  });
});
