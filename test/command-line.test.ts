import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { COMMANDS, type CommandSpec, GLOBAL_OPTIONS } from '../src/command-line.js';
import { messagesFor } from '../src/ui/messages.js';

const program = buildProgram({
  t: messagesFor('en'),
  version: '0.0.0',
  writeOut: () => {},
  writeErr: () => {},
  context: () => Promise.reject(new Error('no context')),
});

/** What commander declares of a command: names, arguments, options. */
function shape(command: Command): unknown {
  return {
    name: command.name(),
    aliases: command.aliases(),
    args: command.registeredArguments.map((argument) => [argument.name(), argument.required, argument.variadic, argument.argChoices]),
    options: command.options.map((option) => [option.short, option.long, option.required || option.optional, option.argChoices]),
    subcommands: command.commands.map(shape),
  };
}

/** The same, from the declaration. */
function declared(spec: CommandSpec): unknown {
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    args: (spec.args ?? []).map((argument) => [argument.name, argument.required === true, argument.variadic === true, argument.choices]),
    options: (spec.options ?? []).map((option) => [option.short, option.long, option.value !== undefined, option.choices]),
    subcommands: (spec.subcommands ?? []).map(declared),
  };
}

describe('the command-line declaration', () => {
  it('is what commander declares: every command, alias, argument and option, in order', () => {
    expect(program.commands.map(shape)).toEqual(COMMANDS.map(declared));
    const globals = program.options.filter((option) => option.long !== '--version' && option.long !== '--help');
    expect(globals.map((option) => option.long)).toEqual(Object.values(GLOBAL_OPTIONS).map((option) => option.long));
  });

  it('runs the status, list, next and mark commands through the lean bundle', () => {
    expect(COMMANDS.filter((command) => command.hot).map((command) => command.name)).toEqual([
      'status',
      'check',
      'next',
      'list',
      'start',
      'skip',
      'uncheck',
    ]);
  });
});
