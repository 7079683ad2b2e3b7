import { buildProgram } from '../src/cli.js';
import { type HelpPage, helpPageOf } from '../src/help-page.js';
import { LANGS, type Lang } from '../src/ui/lang.js';
import { messagesFor } from '../src/ui/messages.js';

/** The main help page of each language, read off the program cli.ts declares (used at build time). */
export function helpPages(version: string): Record<Lang, HelpPage> {
  const pages = {} as Record<Lang, HelpPage>;
  for (const lang of LANGS) {
    let written = '';
    const program = buildProgram({
      t: messagesFor(lang),
      version,
      writeOut: (text) => {
        written += text;
      },
      writeErr: () => {},
      context: () => Promise.reject(new Error('no context when reading the help')),
    });
    pages[lang] = helpPageOf(program, () => written);
  }
  return pages;
}
