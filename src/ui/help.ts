import type { Help } from 'commander';
import type { Messages } from './messages.js';

type HelpConfig = Partial<Pick<Help, 'styleTitle' | 'optionDescription' | 'argumentDescription'>>;

/** What a help entry adds after its description: its choices, in the UI language (commander's are English). */
export function describeEntry(description: string, choices: readonly string[] | undefined, t: Messages): string {
  if (!choices?.length) return description;
  const extra = t.helpCli.choices(choices.join(', '));
  return description ? `${description} ${extra}` : extra;
}

/** commander's help in the UI language: headings and the choices of options and arguments. */
export function helpConfig(t: Messages): HelpConfig {
  return {
    styleTitle: (title: string) => t.cli.titles[title] ?? title,
    optionDescription: (option) => describeEntry(option.description, option.argChoices, t),
    argumentDescription: (argument) => describeEntry(argument.description, argument.argChoices, t),
  };
}

/** The "Examples:" block under a command's help. */
export function examples(t: Messages, lines: readonly string[]): string {
  return `\n${t.cli.examples}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
