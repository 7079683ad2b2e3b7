import { Help } from 'commander';
import { formatHelpPage, type HelpPage } from './help-page.js';
import { helpWidthOf, processOutput, writeTo } from './io/process-io.js';
import { detectLang, type Lang, langFlag } from './ui/lang.js';

/** The main help page of each language, read off the program at build time (scripts/help-pages.ts). */
declare const __HELP_PAGES__: Record<Lang, HelpPage>;

/**
 * `roadmap --help` (dist/main-help.cjs, run by boot.ts for the lines `isHelpLine` reads): the help
 * commander prints, laid out by commander's own `Help` at the terminal's width, without declaring the
 * ~20 commands of the program.
 */
export function showMainHelp(argv: readonly string[]): void {
  const env = process.env;
  const width = helpWidthOf(processOutput(1, env), 1);
  writeTo(1)(formatHelpPage(__HELP_PAGES__[detectLang(langFlag(argv), env)], new Help(), width));
}
