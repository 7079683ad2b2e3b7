import { describe, expect, it } from 'vitest';
import { LazyTable } from '../../src/ui/lazy-table.js';
import { messagesFor } from '../../src/ui/messages.js';
import { GUIDE_KEYS, guideEn, guideFr } from '../../src/ui/messages-guide.js';
import { HELP_KEYS, helpEn, helpFr } from '../../src/ui/messages-help.js';
import { PORTFOLIO_KEYS, portfolioEn, portfolioFr } from '../../src/ui/messages-portfolio.js';

/** Tables of words a language may leave empty (English uses commander's own headings and key names). */
const OPEN_RECORDS = new Set(['cli.titles', 'prompts.keyNames']);

/** Every leaf path of a messages object (functions are leaves). */
function paths(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || OPEN_RECORDS.has(path)) return [path];
  return Object.keys(value)
    .sort()
    .flatMap((key) => paths((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

describe('LazyTable', () => {
  it('builds a group on the first read of one of its properties, once, and keeps it', () => {
    let calls = 0;
    const { table } = new LazyTable({ a: 1 }).group(['b', 'c'], () => {
      calls++;
      return { b: { text: 'B' }, c: 'C' };
    });
    expect(calls).toBe(0);
    expect(Object.keys(table)).toEqual(['a', 'b', 'c']);
    expect(calls).toBe(0);
    const b = table.b;
    expect(b).toEqual({ text: 'B' });
    expect(table.c).toBe('C');
    expect(table.b).toBe(b);
    expect(calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(table, 'c')).toMatchObject({ value: 'C', enumerable: true });
  });

  it('lazy: one property, built on its first read', () => {
    let calls = 0;
    const { table } = new LazyTable({}).lazy('words', () => {
      calls++;
      return { hello: 'bonjour' };
    });
    expect(calls).toBe(0);
    expect(table.words.hello).toBe('bonjour');
    expect(table.words).toBe(table.words);
    expect(calls).toBe(1);
  });
});

describe('the message tables', () => {
  it.each([
    ['guide', GUIDE_KEYS, guideEn, guideFr],
    ['portfolio', PORTFOLIO_KEYS, portfolioEn, portfolioFr],
    ['help', HELP_KEYS, helpEn, helpFr],
  ] as const)('the %s group names every property it makes, in both languages', (_name, keys, en, fr) => {
    expect(Object.keys(en()).sort()).toEqual([...keys].sort());
    expect(Object.keys(fr()).sort()).toEqual([...keys].sort());
  });

  it('give every string in English and in French, with the same paths', () => {
    const en = paths(messagesFor('en'));
    const fr = paths(messagesFor('fr'));
    expect(fr).toEqual(en);
    expect(en.length).toBeGreaterThan(300);
    for (const lang of ['en', 'fr'] as const) {
      for (const [key, value] of Object.entries(messagesFor(lang))) expect(value, `${lang}: ${key}`).toBeDefined();
    }
  });
});
