import { Command, Help, Option } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { helpPages } from '../scripts/help-pages.js';
import { buildProgram } from '../src/cli.js';
import { formatHelpPage, type HelpPage, helpPageOf } from '../src/help-page.js';
import type { Lang } from '../src/ui/lang.js';
import { messagesFor } from '../src/ui/messages.js';

/** What commander itself prints for `roadmap --help` at a width (undefined: not a terminal). */
async function commanderHelp(lang: Lang, width: number | undefined): Promise<string> {
  let text = '';
  const program = buildProgram({
    t: messagesFor(lang),
    version: '1.2.3',
    writeOut: (written) => {
      text += written;
    },
    writeErr: (written) => {
      text += written;
    },
    outputConfig: {
      getOutHelpWidth: () => width as number,
      getErrHelpWidth: () => width as number,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    },
    context: () => Promise.reject(new Error('help needs no context')),
  });
  await expect(program.parseAsync(['--help'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
  return text;
}

const pages = helpPages('1.2.3');

describe('the main help page, laid out without the program', () => {
  it.each<[Lang, number | undefined]>([
    ['en', undefined],
    ['fr', undefined],
    ['en', 80],
    ['fr', 120],
    ['en', 41],
    ['fr', 40],
    ['en', 20],
    ['fr', 1],
    ['en', 250],
  ])('%s at width %s: as commander prints it', async (lang, width) => {
    expect(formatHelpPage(pages[lang], new Help(), width)).toBe(await commanderHelp(lang, width));
  });

  it('at any width, in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Lang>('en', 'fr'), fc.integer({ min: 1, max: 400 }), async (lang, width) => {
        expect(formatHelpPage(pages[lang], new Help(), width)).toBe(await commanderHelp(lang, width));
      }),
      { numRuns: 60 },
    );
  });

  it('holds the version nowhere and each language its own words', () => {
    expect(pages.en.usage).toBe('Usage: roadmap [options] [command]');
    expect(pages.fr.usage).toMatch(/^Utilisation/);
    expect(pages.en.groups.map((group) => group.title)).toEqual(['Options:', 'Commands:']);
    expect(JSON.stringify(pages)).not.toContain('1.2.3');
  });

  it('reads arguments, groups of options and commands, and the text after, off any program', () => {
    let written = '';
    const program = new Command('tool')
      .argument('<file>', 'the file to read')
      .addOption(new Option('-q, --quiet', 'say less'))
      .addOption(new Option('--port <n>', 'where to listen').helpGroup('Server:'))
      .configureOutput({
        writeOut: (text) => {
          written += text;
        },
        getOutHelpWidth: () => 50,
      })
      .addHelpText('after', '\nSee the manual.');
    program.command('serve').description('serve the files').helpGroup('Server:');
    program.command('stop').description('stop serving');
    const page: HelpPage = helpPageOf(program, () => written);
    expect(page.groups.map((group) => group.title)).toEqual(['Arguments:', 'Options:', 'Server:', 'Server:', 'Commands:']);
    expect(page.description).toBe('');
    expect(page.after).toBe('\nSee the manual.\n');
    expect(formatHelpPage(page, new Help(), 50)).toBe(written);
  });
});
