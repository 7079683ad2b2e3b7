import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Roadmap } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');

/** [level title, items without a section, [section title, items]…] of a model. */
const shape = (model: Roadmap) =>
  model.levels.map((level) => [
    level.title,
    level.itemIds.filter((id) => model.items[id - 1]?.section === null).length,
    level.sections.map((s) => [s.title, s.itemIds.length]),
  ]);

describe('coding-interview-university, section by section', () => {
  const model = parseRoadmap(readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8'));

  it('puts each of the 463 items in the group the document gives it', () => {
    expect(model.title).toBe('Coding Interview University');
    expect(shape(model)).toEqual([
      ['Algorithmic complexity / Big-O / Asymptotic analysis', 9, []],
      [
        'Data Structures',
        0,
        [
          ['Arrays', 18],
          ['Linked Lists', 26],
          ['Stack', 3],
          ['Queue', 6],
          ['Hash table', 15],
        ],
      ],
      [
        'More Knowledge',
        0,
        [
          ['Binary search', 6],
          ['Bitwise operations', 16],
        ],
      ],
      [
        'Trees',
        0,
        [
          ['Trees - Intro', 6],
          ['Binary search trees: BSTs', 25],
          ['Heap / Priority Queue / Binary Heap', 25],
        ],
      ],
      ['Sorting', 58, []],
      ['Graphs', 38, []],
      [
        'Even More Knowledge',
        0,
        [
          ['Recursion', 8],
          ['Dynamic Programming', 20],
          ['Design patterns', 21],
          ['Combinatorics (n choose k) & Probability', 6],
          ['NP, NP-Complete and Approximation Algorithms', 14],
          ['How computers process a program', 5],
          ['Caches', 7],
          ['Processes and Threads', 10],
          ['Testing', 7],
          ['String searching & manipulations', 8],
          ['Tries', 13],
          ['Floating Point Numbers', 1],
          ['Unicode', 2],
          ['Endianness', 3],
          ['Networking', 13],
        ],
      ],
      ['Final Review', 4, []],
      ['Interview Process & General Interview Prep', 11, []],
      ['System Design, Scalability, Data Handling', 53, []],
      ['Additional Detail on Some Subjects', 6, []],
    ]);
    expect(model.levels.map((l) => l.itemIds.length)).toEqual([9, 68, 22, 56, 58, 38, 138, 4, 11, 53, 6]);
  });

  it('nests Sorting sub-items under their course item', () => {
    const mergesort = model.items.find((i) => i.text === 'Sedgewick - Mergesort (5 videos)');
    expect(mergesort?.children.map((id) => model.items[id - 1]?.text)).toEqual([
      '1. Mergesort',
      '2. Bottom-up Mergesort',
      '3. Sorting Complexity',
      '4. Comparators',
      '5. Stability',
    ]);
    expect(model.items.filter((i) => i.checked)).toHaveLength(0);
  });
});

describe('a README-style checklist (HTML, badges, tags, tables, numbered lists, long lines)', () => {
  const source = fixture('security-checklist.md');
  const model = parseRoadmap(source);

  it('finds the 15 task items, and none in tables or code', () => {
    expect(model.items).toHaveLength(15);
    expect(model.items.some((i) => i.text.includes('not an item') || i.text.includes('neither'))).toBe(false);
  });

  it('takes HTML headings as headings and keeps an item above every heading visible', () => {
    expect(model.title).toBe('Web Security Checklist');
    expect(shape(model)).toEqual([
      ['Web Security Checklist', 1, []],
      ['🔐 Authentication & Sessions', 4, []],
      ['Transport', 6, []],
      ['Tooling', 4, []],
    ]);
    expect(model.items[0]?.text).toBe('Read this page once before starting');
  });

  it('keeps badges (their alt text), tags and checked boxes; drops inline HTML tags', () => {
    expect(model.items.slice(1, 5).map((i) => [i.text, i.checked])).toEqual([
      ['P1 Hash passwords with argon2id or bcrypt', false],
      ['P1 Rate-limit the login endpoint', true],
      ['[P2] Rotate session ids after login', false],
      ['P3 Offer WebAuthn / passkeys', false],
    ]);
  });

  it('reads numbered task lists, nested items under them, <details> and quoted task lists', () => {
    expect(model.items.slice(5, 8).map((i) => i.checked)).toEqual([false, true, false]);
    expect(model.items[8]?.parent).toBe(8);
    expect(model.items.map((i) => i.text)).toEqual(
      expect.arrayContaining(['Certificate transparency monitoring', 'Run a dependency audit weekly', 'Enable secret scanning']),
    );
    expect(model.items.find((i) => i.text === 'Enable secret scanning')?.checked).toBe(true);
  });

  it('keeps a very long item whole, with a short key', () => {
    const long = model.items[7];
    expect(long?.text.length).toBeGreaterThan(3000);
    expect(long?.text.endsWith(' end')).toBe(true);
    expect(long?.key.length).toBeLessThanOrEqual(60);
  });
});

describe('front matter, deep headings', () => {
  const model = parseRoadmap(fixture('front-matter.md'));

  it('takes the title from the front matter and groups under ### and ####', () => {
    expect(model.title).toBe('Rust in 100 days');
    expect(shape(model)).toEqual([
      [
        'Week 1',
        0,
        [
          ['Basics', 2],
          ['Ownership', 2],
        ],
      ],
      ['Week 2', 2, []],
    ]);
    expect(model.items.map((i) => i.checked)).toEqual([false, false, false, true, false, false]);
  });

  it('reads TOML front matter too, and never turns front matter into a heading', () => {
    const toml = parseRoadmap('+++\ntitle = "Go track"\n+++\n\n## One\n\n- [ ] a\n');
    expect(toml.title).toBe('Go track');
    const yaml = parseRoadmap('---\nauthor: me\n---\n\n## One\n\n- [ ] a\n');
    expect(yaml.title).toBeNull();
    expect(yaml.levels.map((l) => l.title)).toEqual(['One']);
  });
});

describe('CRLF line endings and a byte order mark', () => {
  const source = fixture('crlf-bom.md');
  const model = parseRoadmap(source);

  it('is really a CRLF file with a BOM', () => {
    expect(source.charCodeAt(0)).toBe(0xfeff);
    expect(source).toContain('\r\n');
  });

  it('reads items, nesting and details without stray carriage returns', () => {
    expect(model.title).toBe('Windows Notes');
    expect(model.items.map((i) => [i.text, i.checked, i.parent])).toEqual([
      ['First thing', false, null],
      ['Sub thing with a continuation line', true, 1],
      ['Second thing', true, null],
      ['Third thing', false, null],
      ['Fourth thing', false, null],
    ]);
    expect(model.items[3]?.details).toEqual(['a plain detail']);
    expect(model.items.some((i) => i.text.includes('\r'))).toBe(false);
  });
});

describe('task marker offsets', () => {
  it.each([
    ['roadmap.md', join(ROOT, 'data', 'roadmap.md')],
    ['coding-interview-university.md', join(FIXTURES, 'coding-interview-university.md')],
    ['security-checklist.md', join(ROOT, 'test', 'fixtures', 'security-checklist.md')],
    ['front-matter.md', join(ROOT, 'test', 'fixtures', 'front-matter.md')],
    ['crlf-bom.md', join(ROOT, 'test', 'fixtures', 'crlf-bom.md')],
    ['nested.md', join(ROOT, 'test', 'fixtures', 'nested.md')],
  ])('point inside the brackets of every item of %s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const model = parseRoadmap(source);
    expect(model.items.length).toBeGreaterThan(0);
    for (const item of model.items) {
      expect(source.slice(item.markerOffset - 1, item.markerOffset + 2)).toMatch(/^\[[ xX]\]$/);
      expect(source[item.markerOffset] !== ' ').toBe(item.checked);
    }
  });
});
