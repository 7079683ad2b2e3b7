import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  diffDocument,
  fingerprintOf,
  orphanProgress,
  pruneOrphans,
  RENAME_THRESHOLD,
  registerDocument,
  similarity,
} from '../../src/progress/document-changes.js';
import { type DocumentState, emptyDocument, emptyState } from '../../src/progress/state.js';
import { itemStatuses } from '../../src/progress/stats.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';

const BASE = `# Plan

## Backend

### Databases

- [ ] Learn PostgreSQL indexes
- [ ] Write a migration by hand
- [ ] Understand transactions and isolation levels

### Containers

- [ ] Write a Dockerfile for the API
- [ ] Run the stack with Compose
`;

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';

/** A document seen once, with progress on some items (by text). */
function seen(markdown: string, progress: Record<string, 'done' | 'doing' | 'skipped'>): DocumentState {
  const model = parseRoadmap(markdown);
  const doc = emptyDocument();
  applyChanges(doc, model, diffDocument(model, doc), T0);
  for (const [text, status] of Object.entries(progress)) {
    const item = model.items.find((i) => i.text === text);
    if (!item) throw new Error(`no item ${text}`);
    doc.items[item.key] = { status, at: T0 };
    doc.log ??= [];
    doc.log.push({ at: T0, key: item.key, from: 'todo', to: status });
  }
  return doc;
}

/** Status by item text after the document changed to `markdown`. */
function afterEdit(doc: DocumentState, markdown: string) {
  const model = parseRoadmap(markdown);
  const changes = diffDocument(model, doc);
  applyChanges(doc, model, changes, T1);
  const statuses = itemStatuses(model, doc);
  return { changes, model, byText: Object.fromEntries(model.items.map((i) => [i.text, statuses[i.id - 1]])) };
}

const progress = { 'Learn PostgreSQL indexes': 'done', 'Write a Dockerfile for the API': 'doing' } as const;

describe('progress across document edits', () => {
  it('survives reordering items and sections, with nothing to report', () => {
    const reordered = BASE.replace(
      /### Databases\n\n([\s\S]*?)\n### Containers\n\n([\s\S]*)$/,
      '### Containers\n\n$2\n### Databases\n\n- [ ] Understand transactions and isolation levels\n- [ ] Learn PostgreSQL indexes\n- [ ] Write a migration by hand\n',
    );
    const doc = seen(BASE, progress);
    const { changes, byText } = afterEdit(doc, reordered);
    expect(changes).toMatchObject({ renamed: [], removed: [], added: [] });
    expect(byText['Learn PostgreSQL indexes']).toBe('done');
    expect(byText['Write a Dockerfile for the API']).toBe('doing');
  });

  it('survives inserting items, reported as new', () => {
    const inserted = BASE.replace('- [ ] Learn PostgreSQL', '- [ ] Install PostgreSQL locally\n- [ ] Learn PostgreSQL');
    const doc = seen(BASE, progress);
    const { changes, byText } = afterEdit(doc, inserted);
    expect(changes.added.map((a) => a.text)).toEqual(['Install PostgreSQL locally']);
    expect(changes.renamed).toEqual([]);
    expect(byText['Learn PostgreSQL indexes']).toBe('done');
    expect(byText['Install PostgreSQL locally']).toBe('todo');
  });

  it('follows an edited item within its section: it keeps its key, progress and history', () => {
    const edited = BASE.replace('Learn PostgreSQL indexes', 'Learn PostgreSQL indexes (B-tree, GIN)').replace(
      'Write a Dockerfile for the API',
      'Write a multi-stage Dockerfile for the API',
    );
    const doc = seen(BASE, progress);
    const { changes, byText } = afterEdit(doc, edited);
    expect(changes.renamed.map((r) => [r.fromText, r.toText])).toEqual([
      ['Learn PostgreSQL indexes', 'Learn PostgreSQL indexes (B-tree, GIN)'],
      ['Write a Dockerfile for the API', 'Write a multi-stage Dockerfile for the API'],
    ]);
    expect(changes.removed).toEqual([]);
    expect(changes.added).toEqual([]);
    expect(byText['Learn PostgreSQL indexes (B-tree, GIN)']).toBe('done');
    expect(byText['Write a multi-stage Dockerfile for the API']).toBe('doing');
    expect(Object.keys(doc.items).sort()).toEqual(['learn-postgresql-indexes', 'write-a-dockerfile-for-the-api']);
    expect(doc.log?.map((e) => e.key)).toEqual(['learn-postgresql-indexes', 'write-a-dockerfile-for-the-api']);
    // The parser's keys for the new texts differ: the recorded ones are kept, by item number.
    expect(doc.keys).toEqual({ '1': 'learn-postgresql-indexes', '4': 'write-a-dockerfile-for-the-api' });
    expect(doc.lastChange?.renamed).toHaveLength(2);
  });

  it('does not take an unrelated new item, or a similar one in another section, for a rename', () => {
    const swapped = BASE.replace('- [ ] Learn PostgreSQL indexes\n', '- [ ] Benchmark with pgbench\n').replace(
      '- [ ] Run the stack with Compose\n',
      '- [ ] Run the stack with Compose\n- [ ] Learn PostgreSQL indexes deeply\n',
    );
    const doc = seen(BASE, progress);
    const { changes, byText } = afterEdit(doc, swapped);
    expect(changes.renamed).toEqual([]);
    expect(changes.removed.map((r) => r.text)).toEqual(['Learn PostgreSQL indexes']);
    expect(changes.added.map((a) => a.text).sort()).toEqual(['Benchmark with pgbench', 'Learn PostgreSQL indexes deeply']);
    expect(byText['Learn PostgreSQL indexes deeply']).toBe('todo');
    // The removed item's progress is kept aside, never deleted.
    expect(doc.items['learn-postgresql-indexes']).toEqual({ status: 'done', at: T0 });
    expect(doc.removed?.['learn-postgresql-indexes']?.text).toBe('Learn PostgreSQL indexes');
  });

  it('keeps the progress of deleted items until pruned, and restores it when the item comes back', () => {
    const doc = seen(BASE, progress);
    const deleted = BASE.replace('- [ ] Learn PostgreSQL indexes\n', '');
    const { model } = afterEdit(doc, deleted);
    expect(orphanProgress(model, doc)).toEqual([
      { key: 'learn-postgresql-indexes', text: 'Learn PostgreSQL indexes', status: 'done', at: T0 },
    ]);
    const back = afterEdit(doc, BASE);
    expect(back.byText['Learn PostgreSQL indexes']).toBe('done');
    expect(doc.removed).toBeUndefined();
    const again = afterEdit(doc, deleted);
    expect(pruneOrphans(again.model, doc)).toBe(1);
    expect(doc.items['learn-postgresql-indexes']).toBeUndefined();
    expect(doc.items['write-a-dockerfile-for-the-api']?.status).toBe('doing');
    expect(orphanProgress(again.model, doc)).toEqual([]);
  });

  it('matches progress recorded before the document was first seen by the words of its key', () => {
    const doc = emptyDocument();
    doc.items['learn-postgresql-indexes'] = { status: 'done', at: T0 };
    const edited = BASE.replace('Learn PostgreSQL indexes', 'Learn PostgreSQL indexes well');
    const { changes, byText } = afterEdit(doc, edited);
    expect(changes.renamed.map((r) => [r.from, r.to])).toEqual([['learn-postgresql-indexes', 'learn-postgresql-indexes-well']]);
    expect(changes.seenBefore).toBe(false);
    expect(byText['Learn PostgreSQL indexes well']).toBe('done');
  });

  it('fingerprints items, texts, sections and ticks only', () => {
    const a = fingerprintOf(parseRoadmap(BASE));
    expect(fingerprintOf(parseRoadmap(`${BASE}\nSome prose added at the end.\n`))).toBe(a);
    expect(fingerprintOf(parseRoadmap(BASE.replace('Compose', 'compose')))).not.toBe(a);
    expect(fingerprintOf(parseRoadmap(BASE.replace('- [ ] Run', '- [x] Run')))).not.toBe(a);
  });

  it('registers a document once, with its path and snapshot', () => {
    const state = emptyState();
    const model = parseRoadmap(BASE);
    const doc = registerDocument(state, { docId: '/x/plan.md', path: '/x/plan.md', bundled: false, model }, T0);
    expect(state.documents['/x/plan.md']).toBe(doc);
    expect(doc.path).toBe('/x/plan.md');
    expect(doc.title).toBe('Plan');
    expect(Object.keys(doc.known ?? {})).toHaveLength(5);
  });
});

describe('similarity', () => {
  it.each([
    ['Learn Docker', 'Learn Docker', true],
    ['Kubernetes basisc', 'Kubernetes basics', true],
    ['Learn Docker', 'Learn Docker and Compose', true],
    ['Hash tables (video)', 'Hash tables (videos)', true],
    ['Implement a stack', 'Implement a queue', false],
    ['Arrays (video)', 'Stacks (video)', false],
    ['Learn Docker', 'Read about Rust', false],
  ])('%s ~ %s: a rename? %s', (a, b, rename) => {
    expect(similarity(a, b) >= RENAME_THRESHOLD).toBe(rename);
  });

  it('ignores case and accents', () => {
    expect(similarity('Réseaux et HTTP', 'reseaux ET http')).toBe(1);
  });
});
