import { Argument, type Command } from 'commander';
import { commandAt } from './completion/tree.js';
import type { Context } from './context.js';
import { examples } from './ui/help.js';
import type { Messages } from './ui/messages.js';

/**
 * Declares `help [command...]`, `completion <shell>` and the hidden `complete` that completion scripts
 * call. Call it after the other commands: `help` and completion walk the program as declared.
 */
export function addHelpAndCompletion(program: Command, t: Messages, contextOf: (command: Command) => Promise<Context>): void {
  const h = t.helpCli;
  program
    .command('completion')
    .description(h.completion)
    .addArgument(new Argument('<shell>', h.completionShell).choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', examples(t, h.completionExamples))
    .action(async (shell: 'bash' | 'zsh' | 'fish', _options: unknown, command: Command) => {
      const { runCompletion } = await import('./commands/completion.js');
      await runCompletion({ shell }, await contextOf(command));
    });

  // What the completion scripts call on every Tab: `roadmap complete -- <words on the line>`.
  program
    .command('complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .action(async (words: string[], _options: unknown, command: Command) => {
      const { runComplete } = await import('./commands/completion.js');
      await runComplete({ words, program }, await contextOf(command));
    });

  // commander's own help command takes one word: this one also shows `roadmap help project link`.
  program
    .command('help')
    .description(t.cli.helpCommand)
    .argument('[command...]', h.helpCommandArg)
    .addHelpText('after', examples(t, h.helpExamples))
    .action((path: string[]) => {
      const target = commandAt(program, path);
      if (!target) program.error(h.unknownCommand(path.join(' ')), { exitCode: 2, code: 'commander.unknownCommand' });
      target.outputHelp();
    });
}
