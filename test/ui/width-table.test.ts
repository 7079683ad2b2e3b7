import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { widthRanges, widthTableSource } from '../../scripts/width-table.mjs';
import { width } from '../../src/ui/text.js';
import { WIDTH_RANGES } from '../../src/ui/width-table.js';
import { ROOT } from '../helpers/context.js';

const reference = (text: string) => stringWidth(text, { tabWidth: 0 });

describe('width table', () => {
  it('is what scripts/width-table.mjs makes from this fast-string-width (re-run it after an upgrade)', () => {
    const body = (source: string) => source.split('\n').slice(1).join('\n'); // the first line names the Node version
    expect(body(readFileSync(join(ROOT, 'src', 'ui', 'width-table.ts'), 'utf8'))).toBe(body(widthTableSource()));
    expect(WIDTH_RANGES).toEqual(widthRanges().flat());
  });

  it('every code point of the table, alone, with U+FE0F and between letters, is measured as fast-string-width does', () => {
    for (let at = 0; at < WIDTH_RANGES.length; at += 4) {
      for (let point = WIDTH_RANGES[at] as number; point <= (WIDTH_RANGES[at + 1] as number); point++) {
        const ch = String.fromCodePoint(point);
        for (const text of [ch, `${ch}\uFE0F`, `a${ch}b`, `${ch}${ch}`, `${ch}\u200d${ch}`, `${ch}\uFE0F\u20e3`]) {
          if (width(text) !== reference(text))
            expect([point.toString(16), text, width(text)]).toEqual([point.toString(16), text, reference(text)]);
        }
      }
    }
  });

  it('any mix of table characters, Latin-1, joiners, selectors, marks, CJK and controls is measured as fast-string-width does', () => {
    const table = fc
      .integer({ min: 0, max: WIDTH_RANGES.length / 4 - 1 })
      .chain((range) =>
        fc
          .integer({ min: WIDTH_RANGES[range * 4] as number, max: WIDTH_RANGES[range * 4 + 1] as number })
          .map((p) => String.fromCodePoint(p)),
      );
    const others = fc.constantFrom(
      'a',
      'é',
      ' ',
      '©',
      '#',
      '\uFE0F',
      '\u200d',
      '\u20e3',
      '\u0301',
      '日',
      '\u001b[31m',
      '\t',
      '\u{1F3FB}',
      '\u{1F1EB}',
      '\ud83d',
      '\u0007',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(table, others), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect([text, width(text)]).toEqual([text, reference(text)]);
      }),
      { numRuns: 3000 },
    );
  });
});
