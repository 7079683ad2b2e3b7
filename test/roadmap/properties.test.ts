// Property-based tests (fast-check): the parser on any markdown, rendering on any text, ref matching.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roadmapProgress } from '../../src/progress/stats.js';
import { tooDeepLine } from '../../src/roadmap/limits.js';
import type { ItemStatus } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { resolveItemRef } from '../../src/roadmap/refs.js';
import { messagesFor } from '../../src/ui/messages.js';
import { renderChanges } from '../../src/ui/render-changes.js';
import { renderList } from '../../src/ui/render-list.js';
import { renderStatus } from '../../src/ui/render-status.js';

const t = messagesFor('en');
const RUNS = { numRuns: 150 };

// Words that cannot open or close a markdown construct across blocks: letters, digits, accents, emoji,
// and inline marks that stay inline (emphasis, code, links).
const word = fc.oneof(
  fc.stringMatching(/^[A-Za-zÀ-ÿ0-9]{1,8}$/),
  fc.constantFrom(
    '🔴',
    '🟢',
    'Niveau',
    'Level',
    '__proto__',
    'constructor',
    'toString',
    '**gras**',
    '*it*',
    '`code`',
    '[lien](https://x.y)',
    'C#',
    'a/b',
    'é',
  ),
);
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'task'; checked: boolean; text: string; nest: number }
  | { kind: 'quote'; text: string };

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ kind: fc.constant('heading' as const), depth: fc.integer({ min: 1, max: 4 }), text }),
  fc.record({ kind: fc.constant('paragraph' as const), text }),
  fc.record({ kind: fc.constant('bullet' as const), text }),
  fc.record({ kind: fc.constant('task' as const), checked: fc.boolean(), text, nest: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('quote' as const), text }),
);

/** Renders blocks as markdown; returns it with the number of task markers written. */
function toMarkdown(blocks: Block[]): { source: string; tasks: number } {
  let tasks = 0;
  let inList = false;
  let depth = 0;
  const lines: string[] = [];
  for (const b of blocks) {
    const listy = b.kind === 'task' || b.kind === 'bullet';
    if (!listy && inList) lines.push('');
    if (b.kind === 'heading') lines.push(`${'#'.repeat(b.depth)} ${b.text}`, '');
    else if (b.kind === 'paragraph') lines.push(b.text, '');
    else if (b.kind === 'quote') lines.push(`> ${b.text}`, '');
    else if (b.kind === 'bullet') {
      lines.push(`- ${b.text}`);
      depth = 0;
    } else {
      // A nested item is at most one level deeper than the one before it.
      depth = inList ? Math.min(b.nest, depth + 1) : 0;
      lines.push(`${'  '.repeat(depth)}- [${b.checked ? 'x' : ' '}] ${b.text}`);
      tasks++;
    }
    inList = listy;
  }
  return { source: `${lines.join('\n')}\n`, tasks };
}

describe('parser properties', () => {
  it('any markdown made of headings, paragraphs, quotes, bullets and task items: one item per task marker', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        const { source, tasks } = toMarkdown(blocks);
        const model = parseRoadmap(source);
        expect(model.items).toHaveLength(tasks);
        expect(model.items.map((i) => i.id)).toEqual(model.items.map((_, i) => i + 1));
        expect(new Set(model.items.map((i) => i.key)).size).toBe(tasks);
        // The marker offsets point at the boxes of the source.
        for (const item of model.items) expect(source.slice(item.markerOffset - 1, item.markerOffset + 2)).toMatch(/^\[[ x]\]$/);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text (any Unicode, control characters, markdown punctuation)', () => {
    const punctuation = fc.constantFrom(
      '- ',
      '- [ ] ',
      '- [x] ',
      '* ',
      '1. ',
      '> ',
      '# ',
      '```',
      '~~~',
      '|',
      '[',
      ']',
      '(',
      ')',
      '*',
      '_',
      '`',
      '<',
      '>',
      '\\',
      '\n',
      '\t',
      '    ',
      '\x1b[31m',
      '\x00',
      '\u202e',
      '<!--',
      '---\n',
    );
    const chunk = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), punctuation);
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 60 }), (chunks) => {
        const source = chunks.join('');
        const model = parseRoadmap(source);
        expect(model.items.every((item, i) => item.id === i + 1)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the nesting estimate never misses the depth it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 51, max: 400 }), fc.constantFrom('- ', '> ', '* ', '1. '), (depth, marker) => {
        expect(tooDeepLine(`# T\n\n${marker.repeat(depth)}[ ] x\n`)).toBe(3);
        expect(tooDeepLine(`# T\n\n${marker.repeat(40)}[ ] x\n`)).toBeNull();
      }),
      { numRuns: 40 },
    );
  });
});

describe('rendering properties', () => {
  const hostile = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u202e', '\u2066', 'é', '🔴'),
    ),
    minLength: 1,
    maxLength: 20,
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters rendering must never emit.
  const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

  it('status, list and change lines never emit a control character, whatever the document says', () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        fc.array(hostile, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<ItemStatus>('todo', 'doing', 'done', 'skipped'),
        (level, section, items, status) => {
          const source = `# Title ${level}\n\n## ${level}\n\n### ${section}\n\n${items.map((i) => `- [ ] x${i}`).join('\n')}\n`;
          const model = parseRoadmap(source);
          const statuses = model.items.map(() => status);
          const progress = roadmapProgress(model, statuses);
          const chalk = new Chalk({ level: 0 });
          const outputs = [
            renderStatus(progress, { chalk, t, columns: 60 }),
            renderList(model, statuses, progress, new Set(model.items.map((i) => i.id)), { chalk, t, columns: 60, wrap: true }),
            renderList(model, statuses, progress, new Set(model.items.map((i) => i.id)), { chalk, t, columns: 60, wrap: false }),
            renderChanges(
              { model, progress, chalk, t, columns: 60 },
              model.items.map((i) => ({ id: i.id, key: i.key, from: 'todo' as const, to: status })),
            ),
          ];
          for (const out of outputs) expect(out.replace(/\n/g, '')).not.toMatch(CONTROL);
        },
      ),
      RUNS,
    );
  });
});

describe('ref matching properties', () => {
  const doc = fc
    .array(text, { minLength: 1, maxLength: 12 })
    .map((texts) => parseRoadmap(`# T\n\n## L\n\n${texts.map((x) => `- [ ] ${x}`).join('\n')}\n`));

  it('a number names its item; a key names its item; past the end is out of range', () => {
    fc.assert(
      fc.property(doc, fc.nat(), (model, pick) => {
        const item = model.items[pick % model.items.length];
        if (!item) return;
        expect(resolveItemRef(model, String(item.id))).toEqual({ kind: 'item', id: item.id });
        expect(resolveItemRef(model, `#${item.id}`)).toEqual({ kind: 'item', id: item.id });
        // A key made of digits only (an item titled `2024`) reads as a number: numbers name items first.
        if (!/^\d+$/.test(item.key)) expect(resolveItemRef(model, item.key)).toEqual({ kind: 'item', id: item.id });
        expect(resolveItemRef(model, String(model.items.length + 1))).toMatchObject({ kind: 'out-of-range', max: model.items.length });
      }),
      RUNS,
    );
  });

  it("an item's whole text (any case) designates it, or several items that include it", () => {
    fc.assert(
      fc.property(doc, fc.nat(), fc.boolean(), (model, pick, upper) => {
        const item = model.items[pick % model.items.length];
        if (!item || /^#?\d+$/.test(item.text.trim())) return;
        // A number, then a key, come before text (README, "How an item is found"): "lien" is the key
        // of an item "lien 🔴" before it is the whole text of another item.
        if (model.items.some((other) => other.key === item.text.trim().toLowerCase())) return;
        const result = resolveItemRef(model, upper ? item.text.toUpperCase() : item.text);
        if (result.kind === 'item') expect(model.items[result.id - 1]?.text.toLowerCase()).toBe(item.text.toLowerCase());
        else {
          expect(result.kind).toBe('ambiguous');
          expect(result.kind === 'ambiguous' && result.ids).toContain(item.id);
        }
      }),
      RUNS,
    );
  });

  it('any reference resolves to one of the documented outcomes, never throws, and only names existing items', () => {
    fc.assert(
      fc.property(doc, fc.string({ maxLength: 40 }), (model, ref) => {
        const result = resolveItemRef(model, ref);
        const ids =
          result.kind === 'item'
            ? [result.id]
            : result.kind === 'ambiguous'
              ? result.ids
              : result.kind === 'none'
                ? result.suggestions
                : [];
        for (const id of ids) expect(id >= 1 && id <= model.items.length).toBe(true);
        expect(['item', 'ambiguous', 'none', 'empty', 'out-of-range', 'not-a-number']).toContain(result.kind);
        // Only a number-like reference (a sign, a decimal point, an exponent) is `not-a-number`.
        if (result.kind === 'not-a-number') expect(ref.trim()).toMatch(/^#?[-+\u2212]?[\d.,eE+-]*\d[\d.,eE+-]*$/);
      }),
      RUNS,
    );
  });
});
