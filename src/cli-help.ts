import type { Command } from 'commander';
import type { Action } from './cli.js';
import { commandAt } from './completion/tree.js';
import type { Context } from './context.js';

/**
 * The actions of `help [command...]`, `completion <shell>` and the hidden `complete` that completion
 * scripts call (declared in src/command-line.ts, last: `help` and completion walk the program as declared).
 */
export function helpAndCompletionActions(
  program: Command,
  contextOf: (command: Command) => Promise<Context>,
  unknownCommand: (words: string) => never,
): Record<string, Action> {
  return {
    completion: async ([shell], _options, command) => {
      const { runCompletion } = await import('./commands/completion.js');
      await runCompletion({ shell: shell as 'bash' | 'zsh' | 'fish' }, await contextOf(command));
    },
    complete: async ([words], _options, command) => {
      const { runComplete } = await import('./commands/completion.js');
      await runComplete({ words: words as string[], program }, await contextOf(command));
    },
    help: ([path]) => {
      const names = path as string[];
      const target = commandAt(program, names);
      if (!target) return unknownCommand(names.join(' '));
      target.outputHelp();
    },
  };
}
