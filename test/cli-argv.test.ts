import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { COMMAND_NAMES, commandsToDeclare } from '../src/cli-argv.js';
import { positiveNumber } from '../src/command-line.js';
import { messagesFor } from '../src/ui/messages.js';

describe('commandsToDeclare', () => {
  it.each<[string[], ReturnType<typeof commandsToDeclare>]>([
    [[], { kind: 'none' }],
    [['--version'], { kind: 'none' }],
    [['--json', '--no-color'], { kind: 'none' }],
    [['status'], { kind: 'one', name: 'status' }],
    [['show', '--todo'], { kind: 'one', name: 'show' }],
    [['--file', 'doc.md', 'list'], { kind: 'one', name: 'list' }],
    [['-f', 'status', 'next'], { kind: 'one', name: 'next' }],
    [['--file=doc.md', '--lang', 'fr', 'check', '4'], { kind: 'one', name: 'check' }],
    [['-fdoc.md', 'next'], { kind: 'one', name: 'next' }],
    [['status', '--help'], { kind: 'one', name: 'status' }],
    [['--help', 'status'], { kind: 'all' }],
    [['project', 'link', '--help'], { kind: 'one', name: 'project' }],
    [['--help'], { kind: 'all' }],
    [['-h'], { kind: 'all' }],
    [['--json', '-h'], { kind: 'all' }],
    [['help', 'status'], { kind: 'all' }],
    [['completion', 'bash'], { kind: 'all' }],
    [['complete', '--', 'roadmap', ''], { kind: 'all' }],
    [['statu'], { kind: 'all' }],
    [['4'], { kind: 'all' }],
    [['--', 'status'], { kind: 'all' }],
    [['-vh'], { kind: 'all' }],
  ])('%j → %j', (argv, expected) => {
    expect(commandsToDeclare(argv, COMMAND_NAMES)).toEqual(expected);
  });
});

/** What `roadmap <argv>` does with a program built for it (lazy) or with every command: output and outcome. */
async function outcome(argv: string[], lazy: boolean): Promise<string> {
  let text = '';
  const program = buildProgram({
    t: messagesFor('en'),
    version: '0.0.0',
    writeOut: (chunk) => {
      text += chunk;
    },
    writeErr: (chunk) => {
      text += `[err]${chunk}`;
    },
    // A command that reaches its action asks for a context: that ends the run, with its global options.
    context: async (globals) => {
      throw new Error(`context ${JSON.stringify(globals)}`);
    },
    argv: lazy ? argv : undefined,
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return `${text}\nok`;
  } catch (error) {
    const { code, exitCode, message } = error as { code?: string; exitCode?: number; message: string };
    return `${text}\n${code ?? ''} ${exitCode ?? ''} ${message}`;
  }
}

describe('a program declared for its command line', () => {
  it('knows every command and alias the full program declares', () => {
    const all = buildProgram({
      t: messagesFor('en'),
      version: '0',
      writeOut: () => {},
      writeErr: () => {},
      context: async () => ({}) as never,
    });
    const names = all.commands.flatMap((command: Command) => [command.name(), ...command.aliases()]);
    expect(names).toEqual([...COMMAND_NAMES]);
  });

  it.each([
    [[]],
    [['--version']],
    [['-v']],
    [['--help']],
    [['--json']],
    [['--file', 'x.md', '--no-color']],
    [['status']],
    [['status', '--level', '2']],
    [['status', '--level', 'x']],
    [['status', '--bogus']],
    [['status', '--help']],
    [['--help', 'next']],
    [['show', '--help']],
    [['history', '--since', '2w']],
    [['list', '--todo', '--json']],
    [['check', '4', '--dry-run']],
    [['check', '--help']],
    [['skip', '--level', '0']],
    [['note']],
    [['note', '9', 'hello', '--link', 'https://example.com']],
    [['project', 'link', '--help']],
    [['project', 'check']],
    [['project', 'nope']],
    [['export', '--format', 'pdf']],
    [['next', '--count', '3', '--explain']],
    [['plan', '--start', 'soon']],
    [['statu']],
    [['chek', '4']],
    [['--bogus']],
    [['-f', 'doc.md', 'undo', '--help']],
    [['doctor', '--prune', '-f', 'doc.md']],
  ])('%j: same output and outcome as with every command declared', async (argv) => {
    const [lazy, full] = await Promise.all([outcome(argv, true), outcome(argv, false)]);
    expect(lazy).toBe(full);
  });
});

describe('positiveNumber', () => {
  it.each([
    ['1', 1],
    [' 12 ', 12],
    ['9007199254740991', 9007199254740991],
  ])('%j is %d', (value, number) => expect(positiveNumber(value)).toBe(number));

  it.each(['0', '-1', '1.5', '1e3', 'abc', '', '99999999999999999999999'])('%j is not a positive whole number', (value) => {
    expect(positiveNumber(value)).toBeUndefined();
  });
});
