import { describe, expect, it } from 'vitest';
import { hangWrap, padEnd, sanitize, truncate, truncateWords, width } from '../../src/ui/text.js';

describe('text helpers', () => {
  it.each([
    ['abc', 3],
    ['🔴 Niveau 1', 11],
    ['Sécurité', 8],
    ['日本', 4],
    ['\u001b[31mred\u001b[39m', 3],
  ])('width of %j is %i', (text, columns) => {
    expect(width(text)).toBe(columns);
  });

  it('pads by display width, not by length', () => {
    expect(padEnd('🔴 a', 6)).toBe('🔴 a  ');
    expect(width(padEnd('🟢 Niveau 4', 20))).toBe(20);
  });

  it.each([
    ['short', 10, 'short'],
    ['a longer sentence', 10, 'a longer…'],
    ['🔴🔴🔴🔴', 5, '🔴🔴…'],
    ['anything', 0, ''],
  ])('truncates %j to %i columns', (text, columns, expected) => {
    expect(truncate(text, columns)).toBe(expected);
    expect(width(truncate(text, columns))).toBeLessThanOrEqual(columns);
  });

  it('escapes control and bidi characters', () => {
    expect(sanitize('a\u001b[2Jb\u0007c\u202ed\u009be')).toBe('a\\x1b[2Jb\\x07c\\u202ed\\x9be');
    expect(sanitize('Sécurité 🔴 — ok')).toBe('Sécurité 🔴 — ok');
  });
});

describe('terminal width', () => {
  it.each([
    ['plain ASCII', 'Overall', 7],
    ['French accents', 'Développeur é à ç', 17],
    ['level emoji', '🔴 Niveau 1', 11],
    ['emoji with VS16', '☁️ Cloud', 8],
    ['status marks', '☐ ◐ ✔ ⤼', 7],
    ['ZWJ sequence', '👩‍💻', 2],
    ['flag', '🇫🇷', 2],
    ['CJK', '日本語', 6],
    ['combining accent', 'e\u0301', 1],
    ['ANSI colour codes', '\u001b[31mred\u001b[39m', 3],
  ])('%s', (_name, text, columns) => {
    expect(width(text)).toBe(columns);
  });

  it('pads by columns, not by code units', () => {
    expect(padEnd('🔴 a', 6)).toBe('🔴 a  ');
  });

  it.each([
    ['fits', 'Développeur', 11, 'Développeur'],
    ['cut with an ellipsis', 'Développeur Backend', 12, 'Développeur…'],
    ['never inside an emoji', '🔴🔴🔴', 4, '🔴…'],
    ['no room', 'abc', 0, ''],
  ])('truncate: %s', (_name, text, columns, expected) => {
    expect(truncate(text, columns)).toBe(expected);
    expect(width(truncate(text, columns))).toBeLessThanOrEqual(Math.max(columns, 0));
  });
});

describe('width: the Latin-1 fast path', () => {
  it('counts exactly what fast-string-width counts, on every line of the real documents', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { default: stringWidth } = await import('fast-string-width');
    const { ROOT, FIXTURES } = await import('../helpers/context.js');
    const lines = [join(ROOT, 'data', 'roadmap.md'), join(FIXTURES, 'coding-interview-university.md')]
      .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
      .concat(['©\uFE0F', 'a\u00a0b', '\u00ad', 'x\u0300']);
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect([line, width(line)]).toEqual([line, stringWidth(line, { tabWidth: 0 })]);
  });
});

describe('fitting a width', () => {
  it.each([
    ['PostgreSQL en particulier (le plus utilisé en prod)', 34, 'PostgreSQL en particulier (le…'],
    ['a longer sentence', 10, 'a longer…'],
    ['Supercalifragilistic words', 10, 'Supercali…'],
    ['short', 40, 'short'],
  ])('truncateWords(%j, %i) cuts at a word', (text, columns, expected) => {
    expect(truncateWords(text, columns)).toBe(expected);
    expect(width(truncateWords(text, columns))).toBeLessThanOrEqual(columns);
  });

  it('hangWrap wraps at 40 columns under the indent', () => {
    const text = 'Maîtriser un langage sérieusement : Python (le plus polyvalent) ou Java/Kotlin ou Go';
    const lines = `  1  ${hangWrap(text, 40, 5)}`.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {5}\S/);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(`1  ${text}`);
  });
});
