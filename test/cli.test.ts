import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { UsageError } from '../src/errors.js';
import type { Lang } from '../src/ui/lang.js';
import { messagesFor } from '../src/ui/messages.js';

function program(lang: Lang, out: { text: string }): Command {
  return buildProgram({
    t: messagesFor(lang),
    version: '0.0.0',
    writeOut: (text) => {
      out.text += text;
    },
    writeErr: (text) => {
      out.text += text;
    },
    context: async () => {
      throw new Error('help needs no context');
    },
  });
}

/** Every visible command path: `status`, …, `project check`. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command
    .createHelp()
    .visibleCommands(command)
    .flatMap((sub) => [[...prefix, sub.name()], ...commandPaths(sub, [...prefix, sub.name()])]);
}

/** What `roadmap <args>` prints for help, and commander's exit code. */
async function help(lang: Lang, args: string[]): Promise<{ text: string; exitCode: number | undefined }> {
  const out = { text: '' };
  try {
    await program(lang, out).parseAsync(args, { from: 'user' });
  } catch (error) {
    return { text: out.text, exitCode: (error as { exitCode?: number }).exitCode };
  }
  return { text: out.text, exitCode: 0 };
}

const paths = commandPaths(program('en', { text: '' }));

describe.each<Lang>(['en', 'fr'])('help in %s', (lang) => {
  const t = messagesFor(lang);

  it('lists every command in the order a user meets them, and the hidden completion protocol is not one of them', () => {
    expect(paths.map((path) => path.join(' '))).toEqual([
      'status',
      'check',
      'next',
      'list',
      'info',
      'plan',
      'log',
      'start',
      'skip',
      'uncheck',
      'undo',
      'note',
      'open',
      'project',
      'project check',
      'project uncheck',
      'project link',
      'export',
      'import',
      'use',
      'roadmaps',
      'hints',
      'doctor',
      'completion',
      'help',
    ]);
  });

  it('lists every option it accepts (--debug too) and states each option’s choices once', async () => {
    const { text } = await help(lang, ['--help']);
    expect(text).toContain(`--debug`);
    expect(text).toContain(`${t.cli.lang} ${t.helpCli.choices('fr, en')}`);
    expect(text).not.toMatch(/fr (or|ou) en/);
    const completion = await help(lang, ['completion', '--help']);
    expect(completion.text.match(/bash, zsh/g)).toHaveLength(2); // the command's description, then the argument's choices
  });

  it.each(paths.map((path) => [path.join(' '), path]))('`%s --help` has a description and 1-3 examples', async (_name, path) => {
    const { text, exitCode } = await help(lang, [...path, '--help']);
    expect(exitCode).toBe(0);
    const [usage, description] = text.split('\n\n');
    expect(usage).toContain(`roadmap ${path.join(' ')}`);
    expect(description?.trim().length).toBeGreaterThan(10);
    const examples = text.split(`\n${t.cli.examples}\n`)[1] ?? '';
    const lines = examples.split('\n').filter((line) => line.startsWith('  $ roadmap'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    if (lang === 'fr') expect(text).not.toContain('(choices:');
  });

  it.each(paths.map((path) => [path.join(' '), path]))('`help %s` prints the same as `%s --help`', async (_name, path) => {
    const [viaHelp, viaOption] = await Promise.all([help(lang, ['help', ...path]), help(lang, [...path, '--help'])]);
    expect(viaHelp.exitCode).toBe(0);
    expect(viaHelp.text).toBe(viaOption.text);
  });

  it('the main help ends with examples', async () => {
    const { text } = await help(lang, ['--help']);
    expect(text.trimEnd().endsWith(`${t.cli.examples}\n  $ roadmap\n  $ roadmap check postgres\n  $ roadmap next`)).toBe(true);
  });
});

it.each([
  [['help', 'nope'], 'unknown command "nope"; did you mean "note"?'],
  [['help', 'zzz'], 'unknown command "zzz"; see `roadmap --help`'],
  [['help', 'project', 'nope'], 'unknown command "project nope"; see `roadmap --help`'],
  [['help', 'stauts'], 'unknown command "stauts"; did you mean "status"?'],
])('%j is a usage error', async (args, message) => {
  const out = { text: '' };
  await expect(program('en', out).parseAsync(args, { from: 'user' })).rejects.toThrow(new UsageError(message));
  expect(out.text).toBe('');
});

it('`help` alone prints the main help; aliases work', async () => {
  expect((await help('en', ['help'])).text).toBe((await help('en', ['--help'])).text);
  expect((await help('en', ['help', 'show'])).text).toBe((await help('en', ['list', '--help'])).text);
});
