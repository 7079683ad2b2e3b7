import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BlockCache, type BlockResult, guardBrackets, parseInBlocks } from '../../src/roadmap/blocks.js';
import { TooManyBrackets } from '../../src/roadmap/limits.js';
import { parseMarkdown, parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** A cache as a file holds it: JSON text per key, a fresh object per read. Counts the parses it saved. */
function jsonCache(): BlockCache & { store: Map<string, string>; hits: number; sets: number } {
  const store = new Map<string, string>();
  const cache = {
    store,
    hits: 0,
    sets: 0,
    get(key: string) {
      const text = store.get(key);
      if (text === undefined) return undefined;
      cache.hits++;
      return JSON.parse(text) as BlockResult;
    },
    set(key: string, result: BlockResult) {
      cache.sets++;
      store.set(key, JSON.stringify(result));
    },
  };
  return cache;
}

const documents = [
  ['data/roadmap.md', join(ROOT, 'data', 'roadmap.md')],
  ...readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [`test/fixtures/${name}`, join(FIXTURES, name)]),
];

describe('parseInBlocks', () => {
  it.each(documents)('%s: the same tree as a whole-document parse, from the parser and from the cache', (_name, file) => {
    const text = withoutBom(readFileSync(file, 'utf8'));
    const whole = parseMarkdown(text);
    const cache = jsonCache();
    expect(parseInBlocks(text, parseMarkdown, cache)).toEqual(whole);
    expect(parseInBlocks(text, parseMarkdown, cache)).toEqual(whole);
    // Every list line a cut: the list merging is exercised on real documents too.
    expect(parseInBlocks(text, parseMarkdown, undefined, { heading: 0, min: 0, max: 0 })).toEqual(whole);
  });

  it('coding-interview-university: the same model, and a one-line edit reparses one block', () => {
    const file = join(FIXTURES, 'coding-interview-university.md');
    const text = readFileSync(file, 'utf8');
    const cache = jsonCache();
    parseRoadmap(text, cache);
    const blocks = cache.sets;
    expect(blocks).toBeGreaterThan(20);
    const edited = text.replace('- [ ] [Linked Lists CS50', '- [x] [Linked Lists CS50');
    expect(edited).not.toBe(text);
    cache.sets = 0;
    const model = parseRoadmap(edited, cache);
    expect(cache.sets).toBe(1);
    expect(model).toEqual(parseRoadmap(edited));
  });

  it('cuts a long list between its items and gives the same tree', () => {
    const items = Array.from(
      { length: 3000 },
      (_, i) => `- [${i % 3 ? ' ' : 'x'}] item ${i} [link](https://x.org/${i})${i % 97 === 0 ? '\n' : ''}`,
    );
    const text = `# T\n\n## L\n\n${items.join('\n')}\n\n1. one\n2. two\n`;
    const cache = jsonCache();
    expect(parseInBlocks(text, parseMarkdown, cache)).toEqual(parseMarkdown(text));
    expect(cache.sets).toBeGreaterThan(3);
  });

  it('keeps a "heading" inside a fenced code block, an HTML block or front matter', () => {
    const text =
      '---\n# not a heading\n---\n\n# A\n\n```\n# code\n```\n\n<div>\n# html\n</div>\n\n<!--\n\n# comment\n\n-->\n# B\n- [ ] x\n';
    expect(parseInBlocks(text, parseMarkdown)).toEqual(parseMarkdown(text));
  });

  it('resolves references to definitions made in other blocks, before or after', () => {
    const text = '# A\n\nsee [foo] and [^n] and [Bar baz][]\n\n# B\n\n[foo]: https://x.org\n\n[^n]: a note\n\n# C\n\n> [bar\n> Baz]: /u\n';
    const tree = parseInBlocks(text, parseMarkdown);
    expect(tree).toEqual(parseMarkdown(text));
    expect(JSON.stringify(tree)).toContain('"linkReference"');
    expect(JSON.stringify(tree)).toContain('"footnoteReference"');
  });

  const LINES = [
    '# H1',
    '## H2 [foo]',
    '### H3 *em*',
    '#not heading',
    '- [ ] task [foo]',
    '- [x] done **bold**',
    '* star item',
    '+ plus item',
    '1. one',
    '2) two',
    '  - nested',
    '    - deeper',
    '  continuation',
    '',
    '',
    '```',
    '~~~',
    '    indented code',
    '<div>',
    '</div>',
    '<!--',
    '-->',
    '<pre>',
    '</pre>',
    '> quote [^n]',
    '> - [ ] quoted task',
    '[foo]: https://example.com',
    '[Foo Bar]: /u "t"',
    'see [foo bar] and [foo][]',
    '[^n]: footnote',
    '    footnote body',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '---',
    '===',
    '***',
    'plain paragraph with `code` and ![img](x.png)',
    'www.example.com autolink',
    '\t- tab item',
    '-',
    '10. ten',
  ];
  it('a front-matter fence never closed: the whole document is one block (seed -727765092)', () => {
    for (const text of ['---\n# H1\n+ plus item\n', '---\n# H1\n\n## H2\n- [ ] a\n']) {
      expect(parseInBlocks(text, parseMarkdown, undefined, { heading: 0, min: 0, max: 0 })).toEqual(parseMarkdown(text));
    }
  });

  it('random documents: the same tree as a whole-document parse', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.boolean(), fc.boolean(), (lines, front, crlf) => {
        let text = `${front ? '---\ntitle: x\n---\n' : ''}${lines.join('\n')}\n`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const whole = parseMarkdown(text);
        expect(parseInBlocks(text, parseMarkdown, undefined, { heading: 0, min: 0, max: 0 })).toEqual(whole);
        const cache = jsonCache();
        parseInBlocks(text, parseMarkdown, cache);
        expect(parseInBlocks(text, parseMarkdown, cache)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });
});

describe('guardBrackets', () => {
  it('refuses a paragraph of `[a](` runs, naming its first line', () => {
    const text = `# T\n\n- [ ] ok\n\nintro\n${'[a]('.repeat(6000)}\n`;
    expect(() => guardBrackets(text, 1)).toThrow(TooManyBrackets);
    try {
      guardBrackets(text, 1);
    } catch (error) {
      expect((error as TooManyBrackets).line).toBe(5);
    }
  });

  it('accepts many brackets spread over list items', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `- [ ] [item](u${i})`).join('\n');
    expect(() => guardBrackets(text, 1)).not.toThrow();
  });
});
