// The start-up shortcuts that skip a library or a slow path must give exactly what the full path gives.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { wrapAnsi } from 'fast-wrap-ansi';
import { describe, expect, it } from 'vitest';
import { fold, LATIN_MARKS, LATIN_SYMBOLS_EMOJI } from '../../src/roadmap/select.js';
import { truncate, width, wrap } from '../../src/ui/text.js';

/** fold without its ASCII shortcut: full case folding, accents removed, spaces folded. */
const fullFold = (text: string) => text.toUpperCase().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 });
const words = ['a', 'API', 'REST', 'Sécurité', 'Kubernetes', '🔴', 'Niveau', '—', 'x'.repeat(30), '日本', 'e\u0301', 'tab\there', '  '];
const wordy = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((parts) => parts.join(' '));
const chalk = new Chalk({ level: 1 });
const styled = fc
  .tuple(
    wordy,
    fc.constantFrom<(text: string) => string>(
      (s) => s,
      chalk.dim,
      chalk.bold,
      chalk.green,
      (s) => `${chalk.red(s)} ${chalk.cyan('x')}`,
    ),
  )
  .map(([text, style]) => style(text));

describe('fold', () => {
  it('folds printable ASCII exactly as the full folding does', () => {
    fc.assert(
      fc.property(printable, (text) => {
        expect(fold(text)).toBe(fullFold(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('folds any text exactly as the full folding does (Latin, symbols and emoji without \\p{M})', () => {
    const latin = fc.string({ unit: fc.integer({ min: 0, max: 0x36f }).map((code) => String.fromCharCode(code)), maxLength: 40 });
    const anyText = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(latin, wordy, anyText), (text) => {
        expect(fold(text)).toBe(fullFold(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds in the shortcut ranges exactly the marks \\p{M} finds there, code point by code point', () => {
    const mark = /^\p{M}$/u;
    const ranges = [
      [0, 0x36f],
      [0x2000, 0x20cf],
      [0x2100, 0x2bff],
      [0xfe0f, 0xfe0f],
      [0x1f000, 0x1faff],
    ];
    for (const [low, high] of ranges as [number, number][]) {
      for (let code = low; code <= high; code++) {
        const char = String.fromCodePoint(code);
        expect(LATIN_SYMBOLS_EMOJI.test(char)).toBe(true);
        expect(char.replace(LATIN_MARKS, '') === '').toBe(mark.test(char));
        const text = `a${char}É`;
        expect(fold(text)).toBe(fullFold(text));
      }
    }
    expect(LATIN_SYMBOLS_EMOJI.test('\u20d0')).toBe(false); // combining marks for symbols: the full path
  });

  it.each([['Straße'], ['  Élève   ÉTÉ '], ['STRASSE'], ['a\tb'], ['Œuvre'], ['µ ÿ İ'], ['e\u0301\u0483']])(
    'folds %j as before',
    (text) => {
      expect(fold(text)).toBe(fullFold(text));
    },
  );
});

describe('wrap', () => {
  it.each([[{ hard: true, trim: true }], [{ hard: true }]])(
    'gives what wrapAnsi gives, with %j, for text that fits or not, plain or coloured',
    (options) => {
      fc.assert(
        fc.property(fc.oneof(wordy, styled, printable), fc.integer({ min: 1, max: 90 }), (text, columns) => {
          expect(wrap(text, columns, options)).toBe(wrapAnsi(text, columns, options));
        }),
        { numRuns: 3000 },
      );
    },
  );
});

/** truncate as it was: every prefix measured again. */
function truncateByPrefixes(text: string, columns: number): string {
  if (columns <= 0) return width(text) === 0 ? text : '';
  if (width(text) <= columns) return text;
  let out = '';
  for (const ch of text) {
    const next = out + ch;
    if (width(next) > columns - 1) break;
    out = next;
  }
  return `${out.replace(/\u200d$/u, '').trimEnd()}…`;
}

describe('truncate', () => {
  const pieces = ['a', 'É', ' ', '🔴', '🟢', '—', '█', '░', '→', '日', '\uFE0F', '\u200d', 'e\u0301', '👩‍💻', '©', '★', '\t'];
  it('cuts as measuring every prefix would, for any mix of letters, emoji, dashes, blocks and joiners', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), (parts, columns) => {
        const text = parts.join('');
        expect(truncate(text, columns)).toBe(truncateByPrefixes(text, columns));
      }),
      { numRuns: 5000 },
    );
  });
});
