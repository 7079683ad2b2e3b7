import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges, attachProgress, diffDocument, orphanProgress } from '../../src/progress/document-changes.js';
import { type PlacedItem, reconcile } from '../../src/progress/identity.js';
import { type DocumentState, emptyDocument } from '../../src/progress/state.js';
import { itemStatuses } from '../../src/progress/stats.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { applyRecordedKeys } from '../../src/roadmap/recorded-keys.js';
import { FIXTURES } from '../helpers/context.js';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';

/** Records a document as seen, then marks the items with these ids done. */
function seen(markdown: string, doneIds: number[]): DocumentState {
  const model = parseRoadmap(markdown);
  const doc = emptyDocument();
  applyChanges(doc, model, diffDocument(model, doc), T0);
  for (const id of doneIds) {
    const key = model.items[id - 1]?.key as string;
    doc.items[key] = { status: 'done', at: T0 };
    doc.log = [...(doc.log ?? []), { at: T0, key, from: 'todo', to: 'done' }];
  }
  return doc;
}

/** The document changed to `markdown`: what was found, and each item's status and key, in order. */
function edit(doc: DocumentState, markdown: string) {
  const model = parseRoadmap(markdown);
  const changes = diffDocument(model, doc);
  applyChanges(doc, model, changes, T1);
  const statuses = itemStatuses(model, doc);
  return { changes, model, rows: model.items.map((i) => [i.text, statuses[i.id - 1], i.key]) };
}

const LONG = 'Read the chapter about consistent hashing and partitioning in the distributed systems book';
const TWINS = `# Plan\n\n## Systems\n\n- [ ] ${LONG}, part one\n- [ ] ${LONG}, part two\n- [ ] Something else\n`;

describe('identity by text and place', () => {
  it('long-prefix twins: swapping the lines keeps the mark on its item, with nothing to report', () => {
    const doc = seen(TWINS, [1]);
    const swapped = TWINS.replace(/(- \[ \] .*part one\n)(- \[ \] .*part two\n)/, '$2$1');
    const { rows, changes } = edit(doc, swapped);
    expect(rows.map(([text, status]) => [String(text).slice(-8), status])).toEqual([
      ['part two', 'todo'],
      ['part one', 'done'],
      ['ing else', 'todo'],
    ]);
    expect(changes).toMatchObject({ renamed: [], moved: [], removed: [], added: [], ambiguous: [] });
    // The key stays with its item: the parser's keys swapped, the recorded ones did not.
    const slug = rows[1]?.[2] as string;
    expect(doc.items[slug]?.status).toBe('done');
    expect(doc.keys).toBeDefined();
  });

  it('long-prefix twins: deleting the checked one leaves its neighbour alone and names the right item', () => {
    const doc = seen(TWINS, [1]);
    const { rows, changes, model } = edit(doc, TWINS.replace(/- \[ \] .*part one\n/, ''));
    expect(rows.map(([, status]) => status)).toEqual(['todo', 'todo']);
    expect(changes.removed.map((r) => r.text)).toEqual([`${LONG}, part one`]);
    expect(orphanProgress(model, doc).map((o) => o.text)).toEqual([`${LONG}, part one`]);
  });

  it('coding-interview-university: swapping two levels that both hold an "Implement:" keeps each mark in its level', () => {
    const source = readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8');
    const lines = source.split('\n');
    const trees = lines.findIndex((l) => l === '## Trees');
    const sorting = lines.findIndex((l) => l === '## Sorting');
    const graphs = lines.findIndex((l) => l === '## Graphs');
    const swapped = [
      ...lines.slice(0, trees),
      ...lines.slice(sorting, graphs),
      ...lines.slice(trees, sorting),
      ...lines.slice(graphs),
    ].join('\n');
    const model = parseRoadmap(source);
    const implementInTrees = model.items.find((i) => i.text === 'Implement:' && model.levels[i.level]?.title === 'Trees');
    const doc = seen(source, [implementInTrees?.id as number]);
    const before = doc.log?.[0]?.key;
    const after = edit(doc, swapped);
    const done = after.model.items.filter((_, n) => after.rows[n]?.[1] === 'done' && !after.model.items[n]?.checked);
    expect(done.map((i) => [i.text, after.model.levels[i.level]?.title])).toEqual([['Implement:', 'Trees']]);
    // The history names the same key, which is still the item's key.
    expect(done[0]?.key).toBe(before);
    expect(after.changes.ambiguous).toEqual([]);
  });

  it('a same-text twin inserted in an earlier section takes nothing', () => {
    const md = '# P\n\n## A\n\n- [ ] Intro\n\n## B\n\n- [ ] Implement:\n';
    const doc = seen(md, [2]);
    const { rows, changes } = edit(doc, md.replace('- [ ] Intro\n', '- [ ] Intro\n- [ ] Implement:\n'));
    expect(rows.map(([text, status]) => [text, status])).toEqual([
      ['Intro', 'todo'],
      ['Implement:', 'todo'],
      ['Implement:', 'done'],
    ]);
    expect(changes.added.map((a) => a.text)).toEqual(['Implement:']);
  });

  it('a twin of a checked item inserted in its own section is an ambiguity: progress stays on its key, attachable by hand', () => {
    const md = '# P\n\n## A\n\n- [ ] Video\n- [ ] Notes\n';
    const doc = seen(md, [1]);
    const { rows, changes, model } = edit(doc, '# P\n\n## A\n\n- [ ] Video\n- [ ] Video\n- [ ] Notes\n');
    expect(rows.map(([, status]) => status)).toEqual(['todo', 'todo', 'todo']);
    expect(changes.ambiguous).toEqual([
      {
        key: 'video',
        text: 'Video',
        section: 'A',
        candidates: [
          { key: 'video-2', text: 'Video' },
          { key: 'video-3', text: 'Video' },
        ],
      },
    ]);
    expect(doc.items.video?.status).toBe('done');
    const [orphan] = orphanProgress(model, doc);
    expect(orphan?.candidates?.map((c) => c.id)).toEqual([1, 2]);
    attachProgress(model, doc, 'video', 2);
    expect(itemStatuses(model, doc)).toEqual(['todo', 'done', 'todo']);
    expect(doc.removed).toBeUndefined();
    expect(doc.log?.map((e) => e.key)).toEqual(['video-3']);
  });

  it('moves an item to another section with its key and reports it once', () => {
    const md = '# P\n\n## A\n\n- [ ] Learn Git\n\n## B\n\n- [ ] Other\n';
    const doc = seen(md, [1]);
    const { rows, changes } = edit(doc, '# P\n\n## A\n\n## B\n\n- [ ] Other\n- [ ] Learn Git\n');
    expect(rows).toEqual([
      ['Other', 'todo', 'other'],
      ['Learn Git', 'done', 'learn-git'],
    ]);
    expect(changes.moved).toEqual([{ key: 'learn-git', text: 'Learn Git', from: 'A', to: 'B' }]);
  });
});

describe('ticks written in the document', () => {
  const TICKED = '# P\n\n## A\n\n- [x] One\n- [x] Two\n- [ ] Three\n';

  it('are recorded the first time they are seen, logged as ticked in the document', () => {
    const doc = seen(TICKED, []);
    expect(doc.items).toEqual({ one: { status: 'done', at: T0 }, two: { status: 'done', at: T0 } });
    expect(doc.log).toEqual([
      { at: T0, key: 'one', from: 'todo', to: 'done', via: 'document' },
      { at: T0, key: 'two', from: 'todo', to: 'done', via: 'document' },
    ]);
  });

  it('stay done when a fresh copy without them replaces the file, and the user is told once', () => {
    const doc = seen(TICKED, []);
    const fresh = TICKED.replace(/\[x\]/g, '[ ]');
    const first = edit(doc, fresh);
    expect(first.rows.map(([, status]) => status)).toEqual(['done', 'done', 'todo']);
    expect(first.changes.unticked.map((u) => u.text)).toEqual(['One', 'Two']);
    expect(doc.lastChange?.unticked).toHaveLength(2);
    // Told once: the snapshot now has them unticked.
    const again = edit(doc, `${fresh}\n- [ ] Four\n`);
    expect(again.changes.unticked).toEqual([]);
  });

  it('a tick added later in the file is recorded then', () => {
    const doc = seen(TICKED, []);
    const { changes } = edit(doc, TICKED.replace('- [ ] Three', '- [x] Three'));
    expect(changes.ticked).toEqual([{ key: 'three', text: 'Three' }]);
    expect(doc.items.three).toEqual({ status: 'done', at: T1 });
  });
});

describe('reconcile', () => {
  const item = (key: string, text: string, place = 'A', parent: string | null = null): PlacedItem => ({ key, text, place, parent });

  it('never guesses between equally good renames', () => {
    const found = reconcile(
      [item('a', 'Read chapter 1'), item('anchor', 'Anchor')],
      [item('x', 'Read chapter 1a'), item('y', 'Read chapter 1b'), item('anchor', 'Anchor')],
      (key) => key === 'a',
    );
    expect(found.ambiguous).toEqual([{ seen: 0, candidates: [0, 1] }]);
    expect(found.keys).toEqual(['x', 'y', 'anchor']);
  });

  it('gives new items fresh keys that avoid the kept ones and reserved ones', () => {
    const found = reconcile(
      [item('video', 'Video', 'B')],
      [item('video', 'Video', 'A'), item('video-2', 'Video', 'B')],
      () => true,
      new Set(['video-2']),
    );
    expect(found.keys).toEqual(['video-3', 'video']);
    expect(found.how).toEqual(['new', 'same']);
  });
});

describe('recorded keys', () => {
  it('are applied by item number', () => {
    const items = [{ key: 'a' }, { key: 'b' }];
    applyRecordedKeys(items, { '2': 'kept' });
    expect(items).toEqual([{ key: 'a' }, { key: 'kept' }]);
  });
});

describe('a state recorded before keys were recorded', () => {
  it('keeps every key and its progress: the old snapshot (no parents, no ticks) is matched once, nothing reported', () => {
    const source = readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8');
    const model = parseRoadmap(source);
    // What an earlier version recorded: keys in document order, text and group only, an older fingerprint.
    const known = Object.fromEntries(
      model.items.map((item) => {
        const level = model.levels[item.level];
        const section = item.section === null ? undefined : level?.sections[item.section];
        return [item.key, { text: item.text, section: section ? `${level?.title} › ${section.title}` : (level?.title ?? '') }];
      }),
    );
    const doc: DocumentState = { items: { 'implement-2': { status: 'done', at: T0 } }, fingerprint: 'old', known };
    const { changes, rows } = edit(doc, source);
    expect(changes).toMatchObject({ renamed: [], moved: [], removed: [], added: [], ambiguous: [], unticked: [] });
    expect(doc.keys).toBeUndefined();
    expect(rows.filter(([, status]) => status === 'done').map(([, , key]) => key)).toEqual(
      [...model.items.filter((i) => i.checked).map((i) => i.key), 'implement-2'].sort(
        (a, b) => model.items.findIndex((i) => i.key === a) - model.items.findIndex((i) => i.key === b),
      ),
    );
    // The document's own ticks are recorded now, the first time this version sees them.
    expect(changes.ticked.map((t) => t.key)).toEqual(model.items.filter((i) => i.checked).map((i) => i.key));
  });
});
