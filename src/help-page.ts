import type { Command, Help } from 'commander';

/**
 * The main help (`roadmap --help`) as data: what commander's `formatHelp` lays out, read off the real
 * program at build time (scripts/help-pages.ts) for each language. At run time `formatHelpPage` lays it
 * out with commander's own `Help` for the terminal's width, without declaring the program (see
 * src/main-help.ts; a test compares both at many widths).
 */
export interface HelpPage {
  /** The first line, its title translated: `Usage: roadmap [options] [command]`. */
  usage: string;
  description: string;
  /** Arguments, options and commands, each group under its translated title, as [term, description]. */
  groups: { title: string; items: [string, string][] }[];
  /** What the program adds after its help (`addHelpText('after')`: the examples), as written. */
  after: string;
}

/** The help page of a program, as commander would print it (`program.outputHelp()` must write to `writeOut`). */
export function helpPageOf(program: Command, written: () => string): HelpPage {
  const helper = program.createHelp();
  const groups: HelpPage['groups'] = [];
  const add = <T>(title: string, items: T[], item: (entry: T) => [string, string]) => {
    if (items.length > 0) groups.push({ title: helper.styleTitle(title), items: items.map(item) });
  };
  add('Arguments:', helper.visibleArguments(program), (a) => [helper.argumentTerm(a), helper.argumentDescription(a)]);
  const options = helper.groupItems([...program.options], helper.visibleOptions(program), (o) => o.helpGroupHeading ?? 'Options:');
  for (const [title, items] of options) add(title, items, (o) => [helper.optionTerm(o), helper.optionDescription(o)]);
  const commands = helper.groupItems([...program.commands], helper.visibleCommands(program), (c) => c.helpGroup() || 'Commands:');
  for (const [title, items] of commands) add(title, items, (c) => [helper.subcommandTerm(c), helper.subcommandDescription(c)]);

  const before = written();
  program.outputHelp();
  const printed = written().slice(before.length);
  const information = program.helpInformation();
  if (!printed.startsWith(information)) throw new Error('the program writes text before its help: not supported by the help page');
  return {
    usage: `${helper.styleTitle('Usage:')} ${helper.commandUsage(program)}`,
    description: helper.commandDescription(program),
    groups,
    after: printed.slice(information.length),
  };
}

/** The page laid out as commander's `formatHelp` does, for a width (undefined: commander's 80). */
export function formatHelpPage(page: HelpPage, helper: Help, width: number | undefined): string {
  helper.prepareContext({ helpWidth: width });
  const helpWidth = helper.helpWidth ?? 80;
  const termWidth = Math.max(0, ...page.groups.flatMap((group) => group.items.map(([term]) => helper.displayWidth(term))));
  const lines = [page.usage, ''];
  if (page.description) lines.push(helper.boxWrap(page.description, helpWidth), '');
  for (const { title, items } of page.groups) {
    const formatted = items.map(([term, description]) => helper.formatItem(term, termWidth, description, helper));
    lines.push(...helper.formatItemList(title, formatted, helper));
  }
  return `${lines.join('\n')}${page.after}`;
}
