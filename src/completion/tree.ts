import type { Complete, RootCommand, Command as TabCommand } from '@bomb.sh/tab';
import type { Command, Option } from 'commander';
import type { Candidate } from './candidates.js';

/** Where the values of an option or argument come from; `files` asks the shell to complete file names. */
export type ValueSource = (() => readonly Candidate[]) | 'files';

export interface CompletionSources {
  /** By an option's long name without dashes (`level`, `file`). */
  options: Readonly<Record<string, ValueSource>>;
  /** By the command path and the argument's name (`check items`, `project link part`, `help command`). */
  args: Readonly<Record<string, ValueSource>>;
  /** Called when the shell should complete file names (the tab library knows no such answer). */
  onFiles(): void;
}

/**
 * Declares every visible command of a commander program, with its options, its arguments and the
 * program's global options, on a tab completion root. Option and argument values come from `sources`,
 * else from their declared choices.
 */
export function declareCompletion(root: RootCommand, program: Command, sources: CompletionSources): void {
  const rootOptions = visibleOptions(program);
  const globals = rootOptions.filter((option) => option.long !== '--version' && option.long !== '--help');
  addOptions(root, rootOptions, sources);
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.createHelp().visibleCommands(command)) {
      const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
      const declared = root.command(path, firstLine(sub.description()));
      addOptions(declared, [...visibleOptions(sub), ...globals], sources);
      for (const argument of sub.registeredArguments) {
        const source = sources.args[`${path} ${argument.name()}`] ?? choicesOf(argument.argChoices);
        declared.argument(argument.name(), source && handler(source, sources), argument.variadic);
      }
      walk(sub, path);
    }
  };
  walk(program, '');
}

function visibleOptions(command: Command): Option[] {
  return command.createHelp().visibleOptions(command);
}

function addOptions(target: TabCommand, options: readonly Option[], sources: CompletionSources): void {
  for (const option of options) {
    if (!option.long) continue;
    const name = option.long.slice(2);
    const alias = option.short?.slice(1);
    if (option.required || option.optional) {
      const source = sources.options[name] ?? choicesOf(option.argChoices) ?? (() => []);
      target.option(name, firstLine(option.description), handler(source, sources), alias);
    } else if (alias) {
      target.option(name, firstLine(option.description), alias);
    } else {
      target.option(name, firstLine(option.description));
    }
  }
}

function choicesOf(choices: readonly string[] | undefined): ValueSource | undefined {
  return choices ? () => choices.map((value) => ({ value, description: '' })) : undefined;
}

function handler(source: ValueSource, sources: CompletionSources) {
  return (complete: Complete) => {
    if (source === 'files') sources.onFiles();
    else for (const candidate of source()) complete(candidate.value, candidate.description);
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** The visible command at a path of names or aliases (`['project', 'link']`), or null. */
export function commandAt(program: Command, path: readonly string[]): Command | null {
  let command = program;
  for (const name of path) {
    const next = command
      .createHelp()
      .visibleCommands(command)
      .find((sub) => sub.name() === name || sub.aliases().includes(name));
    if (!next) return null;
    command = next;
  }
  return command;
}
