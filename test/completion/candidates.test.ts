import { describe, expect, it } from 'vitest';
import { MARK_COMMANDS } from '../../src/command-line.js';
import { describe as describeText, fileOnLine, levelCandidates, markableItems, refCandidates } from '../../src/completion/candidates.js';
import { allowFiles, completionScript, printed } from '../../src/completion/script.js';
import type { ItemStatus } from '../../src/roadmap/model.js';
import { testContext } from '../helpers/context.js';

const entries = [
  { number: 8, key: 'sql-avance', text: 'SQL avancé : jointures' },
  { number: 9, key: 'postgresql-en-particulier', text: 'PostgreSQL en particulier' },
  { number: 10, key: 'notions-de-nosql', text: 'Notions de NoSQL' },
];

describe('refCandidates', () => {
  it.each([
    ['', ['8', '9', '10']],
    ['1', ['8', '9', '10']],
    ['post', ['sql-avance', 'postgresql-en-particulier', 'notions-de-nosql']],
  ])('offers numbers or keys for %j', (word, values) => {
    expect(refCandidates(entries, word).map((c) => c.value)).toEqual(values);
  });

  it('describes each value with its text and leaves out what the line already has', () => {
    expect(refCandidates(entries, '', new Set(['9']))).toEqual([
      { value: '8', description: 'SQL avancé : jointures' },
      { value: '10', description: 'Notions de NoSQL' },
    ]);
  });
});

describe('describe', () => {
  it.each([
    ['one\tline\nonly', 'one line only'],
    ['  padded  ', 'padded'],
    ['bell\u0007', 'bell\\x07'],
    ['x'.repeat(100), `${'x'.repeat(79)}…`],
  ])('%j → %j', (text, expected) => {
    expect(describeText(text)).toBe(expected);
  });
});

describe('fileOnLine', () => {
  it.each<[string[], string | undefined]>([
    [['check', 'post'], undefined],
    [['-f', 'a.md', 'check', ''], 'a.md'],
    [['--file', 'a.md', 'check', ''], 'a.md'],
    [['--file=b.md', 'list', ''], 'b.md'],
    [['--file', ''], undefined],
    [['--file', 'a.md'], undefined],
    [['--', '--file', 'a.md', ''], undefined],
  ])('%j → %j', (words, file) => {
    expect(fileOnLine(words)).toBe(file);
  });
});

describe('on the bundled roadmap', async () => {
  const ctx = testContext();
  const { model } = await ctx.loadDocument(undefined);
  const statuses: ItemStatus[] = model.items.map((item) => (item.id === 9 ? 'done' : item.id === 10 ? 'doing' : 'todo'));
  const ids = (target?: ItemStatus) => markableItems(model, statuses, target).map((item) => item.number);

  it('offers to each marking command the items it would change', () => {
    expect(ids(MARK_COMMANDS.check)).not.toContain(9);
    expect(ids(MARK_COMMANDS.check)).toContain(10);
    expect(ids(MARK_COMMANDS.uncheck)).toEqual([9, 10]);
    expect(ids(MARK_COMMANDS.start)).not.toContain(10);
    expect(ids()).toHaveLength(model.items.length);
  });

  it('offers the levels by number with their titles', () => {
    expect(levelCandidates(model).map((c) => `${c.value} ${c.description}`)).toEqual([
      '1 🔴 Niveau 1 — Les fondamentaux incontournables',
      '2 🟠 Niveau 2 — Le cœur du métier cloud/backend',
      '3 🟡 Niveau 3 — Ce qui fait un bon candidat "senior junior"',
      '4 🟢 Niveau 4 — Les plus qui font la différence',
    ]);
  });
});

describe('scripts', () => {
  const fake = (shell: string, name: string, executable: string) => {
    console.log(`# ${shell} completion for ${name}`);
    console.log(`complete -F __${name}_complete ${executable}`);
  };

  it('captures what the library prints and restores console.log', () => {
    const log = console.log;
    expect(printed(() => console.log('a', 1))).toBe('a 1\n');
    expect(console.log).toBe(log);
    expect(() =>
      printed(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(console.log).toBe(log);
  });

  it('lets bash fall back to file names; other shells unchanged', () => {
    expect(completionScript(fake, 'bash')).toBe('# bash completion for roadmap\ncomplete -o default -F __roadmap_complete roadmap\n');
    expect(completionScript(fake, 'zsh')).toBe('# zsh completion for roadmap\ncomplete -F __roadmap_complete roadmap\n');
  });

  it('swaps the no-file directive for the default one', () => {
    expect(allowFiles(':4\n', 4, 0)).toBe(':0\n');
    expect(allowFiles('a\tb\n:4\n', 4, 0)).toBe('a\tb\n:0\n');
    expect(allowFiles(':6\n', 4, 0)).toBe(':6\n');
  });
});
