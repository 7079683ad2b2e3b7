import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { runCheck } from '../../src/commands/check.js';
import { runCompletion } from '../../src/commands/completion.js';
import type { Lang } from '../../src/ui/lang.js';
import { messagesFor } from '../../src/ui/messages.js';
import { FIXTURES, type TestContext, testContext } from '../helpers/context.js';

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-complete-'));
  return { ROADMAP_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache') };
}

/** Runs `roadmap complete -- <words>` through the real program, in process; returns the candidates and the directive. */
async function complete(words: string[], ctx: TestContext = testContext({ env: scratch() }), lang: Lang = 'en') {
  const program = buildProgram({
    t: messagesFor(lang),
    version: '0.0.0',
    writeOut: (text) => ctx.out.write(text),
    writeErr: (text) => ctx.err.write(text),
    context: async () => ctx,
  });
  ctx.out.text = '';
  await program.parseAsync(['complete', '--', ...words], { from: 'user' });
  const lines = ctx.out.text.trimEnd().split('\n');
  const directive = lines.pop();
  return { values: lines.map((line) => line.split('\t')[0]), lines, directive };
}

describe('roadmap complete', () => {
  it('offers the PostgreSQL item for `roadmap check post`', async () => {
    const { lines, directive } = await complete(['check', 'post']);
    expect(lines).toEqual(['postgresql-en-particulier-le-plus-utilise-en-prod\tPostgreSQL en particulier (le plus utilisé en prod)']);
    expect(directive).toBe(':4');
  });

  it('offers item numbers with their text while the word is empty or a number', async () => {
    const { lines, values } = await complete(['check', '']);
    expect(values).toHaveLength(52);
    expect(lines[8]).toBe('9\tPostgreSQL en particulier (le plus utilisé en prod)');
    expect((await complete(['info', '4'])).values).toEqual(['4', '40', '41', '42', '43', '44', '45', '46', '47', '48', '49']);
  });

  it('leaves out items already in the status the command sets, and those already on the line', async () => {
    const ctx = testContext({ env: scratch() });
    await runCheck({ command: 'check', refs: ['9'] }, ctx);
    expect((await complete(['check', ''], ctx)).values).not.toContain('9');
    expect((await complete(['uncheck', ''], ctx)).values).toEqual(['9']);
    expect((await complete(['check', '8', ''], ctx)).values).not.toContain('8');
    expect((await complete(['note', ''], ctx)).values).toContain('9');
  });

  it.each([
    [[''], ['status', 'list', 'check', 'next', 'completion', 'help']],
    [['st'], ['status', 'start']],
    [
      ['project', ''],
      ['check', 'uncheck', 'link'],
    ],
    [['help', 'pl'], ['plan']],
    [
      ['help', 'project', ''],
      ['check', 'uncheck', 'link'],
    ],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [
      ['export', '--format', ''],
      ['md', 'json', 'html', 'svg'],
    ],
    [
      ['--lang', ''],
      ['fr', 'en'],
    ],
    [
      ['status', '--level', ''],
      ['1', '2', '3', '4'],
    ],
    [['check', '-l', '3', '--dr'], ['--dry-run']],
    [
      ['next', '--'],
      ['--count', '--explain', '--help', '--file', '--json', '--no-color', '--lang'],
    ],
  ])('%j offers %j', async (words, expected) => {
    const { values } = await complete(words);
    for (const value of expected) expect(values).toContain(value);
    expect(values).not.toContain('complete');
  });

  it('offers the parts of the capstone project', async () => {
    expect((await complete(['project', 'check', ''])).lines[0]).toBe('1\tUne API REST déployée sur AWS');
  });

  it.each([[['--file', '']], [['-f', '']], [['use', '']], [['import', '']], [['export', '-o', '']]])(
    '%j asks the shell for file names',
    async (words) => {
      expect(await complete(words)).toEqual({ values: [], lines: [], directive: ':0' });
    },
  );

  it('completes the items of the document named on the line', async () => {
    const file = join(FIXTURES, 'coding-interview-university.md');
    const { values } = await complete(['--file', file, 'check', '']);
    expect(values.length).toBeGreaterThan(52);
    const { lines } = await complete(['check', '--file', file, 'big-o']);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^big-o.*\t/);
  });

  it('offers no items, and no error, when the document or the state cannot be read', async () => {
    const missing = await complete(['--file', '/nowhere/x.md', 'check', '']);
    expect(missing).toEqual({ values: [], lines: [], directive: ':4' });

    const env = scratch();
    mkdirSync(env.ROADMAP_HOME, { recursive: true });
    writeFileSync(join(env.ROADMAP_HOME, 'state.json'), '{ not json');
    const ctx = testContext({ env });
    expect((await complete(['check', 'post'], ctx)).values).toEqual(['postgresql-en-particulier-le-plus-utilise-en-prod']);
    expect(ctx.err.text).toBe('');
  });

  it('describes commands in the UI language', async () => {
    const ctx = testContext({ env: scratch(), lang: 'fr' });
    expect((await complete(['nex'], ctx, 'fr')).lines).toEqual(['next\tsur quoi travailler maintenant, et pourquoi']);
  });
});

describe('roadmap completion', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('prints the %s script that calls `roadmap complete`', async (shell) => {
    const ctx = testContext();
    await runCompletion({ shell }, ctx);
    expect(ctx.out.text).toContain(`${shell} completion for roadmap`);
    expect(ctx.out.text).toContain('roadmap complete --');
  });

  it('registers bash completion with a file-name fallback', async () => {
    const ctx = testContext();
    await runCompletion({ shell: 'bash' }, ctx);
    expect(ctx.out.text).toMatch(/^complete -o default -F __roadmap_complete roadmap$/m);
  });
});
