import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/io/make-folders.js';
import { columnsFrom } from '../../src/io/process-io.js';

describe('columnsFrom ($COLUMNS)', () => {
  it.each([
    ['80', 80],
    [' 120 ', 120],
    ['20', 20],
  ])('%j is %d', (value, columns) => expect(columnsFrom(value)).toBe(columns));

  it.each(['1e3', '80x', '0x50', '-5', '1.5', '', 'abc', undefined, '99999999'])(
    '%j is not a width (NaN: the default applies)',
    (value) => {
      expect(columnsFrom(value)).toBeNaN();
    },
  );
});

describe('makeFolders', () => {
  it('makes every missing folder down to the one asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-mk-'));
    makeFolders(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeFolders(join(dir, 'a', 'b', 'c'));
    expect(readdirSync(join(dir, 'a'))).toEqual(['b']);
  });

  it('gives up at once under /proc, where a recursive mkdir loops forever', () => {
    const started = Date.now();
    expect(() => makeFolders('/proc/roadmap-audit/roadmap')).toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
