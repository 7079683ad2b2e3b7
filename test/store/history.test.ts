import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveKeys } from '../../src/progress/document-changes.js';
import type { DocumentState, LogEntry, State } from '../../src/progress/state.js';
import { diagnoseState } from '../../src/store/doctor.js';
import { appendHistory, detachHistory, historyFileOf, readHistory } from '../../src/store/history.js';
import { parseStateText } from '../../src/store/inspect.js';
import { statePaths } from '../../src/store/paths.js';
import { Store } from '../../src/store/store.js';

const entry = (n: number, key = 'a', to: LogEntry['to'] = n % 2 ? 'done' : 'todo'): LogEntry => ({
  at: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
  key,
  from: to === 'done' ? 'todo' : 'done',
  to,
});

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-history-'));
  const paths = statePaths({ ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') });
  mkdirSync(paths.home);
  return { dir, paths, store: new Store(paths, () => new Date('2026-03-01T09:00:00Z')) };
}

/** Appends a document's pending log (and key moves) the way a write does; returns the document. */
function append(home: string, doc: DocumentState, docId = 'bundled'): DocumentState {
  const state: State = { schemaVersion: 1, documents: { [docId]: doc } };
  for (const a of detachHistory(state)) appendHistory(home, a, 0o644);
  return doc;
}

describe('the history file (append-only, committed by the state)', () => {
  it('appends complete lines at the committed length and reads back exactly those entries', () => {
    const { paths } = scratch();
    const doc: DocumentState = { items: {}, log: [entry(1), entry(2)] };
    append(paths.home, doc);
    expect(doc.log).toBeUndefined();
    const file = historyFileOf(paths.home, 'bundled');
    expect(doc.historyBytes).toBe(statSync(file).size);
    doc.log = [entry(3)];
    append(paths.home, doc);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(4);
    expect(readHistory(paths.home, 'bundled', doc.historyBytes ?? 0)).toEqual({
      entries: [entry(1), entry(2), entry(3)],
      badLines: 0,
      tail: 0,
      missing: 0,
      foreign: false,
    });
  });

  it('ignores what follows the committed length (an unacknowledged append, a torn line) and drops it at the next append', () => {
    const { paths } = scratch();
    const doc = append(paths.home, { items: {}, log: [entry(1)] });
    const committed = doc.historyBytes ?? 0;
    const file = historyFileOf(paths.home, 'bundled');
    appendFileSync(file, `${JSON.stringify(entry(2))}\n{"at":"2025-01-0`);
    const torn = readHistory(paths.home, 'bundled', committed);
    expect(torn.entries).toEqual([entry(1)]);
    expect(torn.tail).toBe(statSync(file).size - committed);
    doc.log = [entry(3)];
    append(paths.home, doc);
    const after = readHistory(paths.home, 'bundled', doc.historyBytes ?? 0);
    expect(after.entries).toEqual([entry(1), entry(3)]);
    expect(after.tail).toBe(0);
    expect(statSync(file).size).toBe(doc.historyBytes);
  });

  it('reads a large history in chunks (lines cut across 1 MB reads)', () => {
    const { paths } = scratch();
    const log = Array.from({ length: 30_000 }, (_, i) => entry(i, `item-${i % 97}-${'é'.repeat(i % 5)}`));
    const doc = append(paths.home, { items: {}, log: [...log] });
    expect(doc.historyBytes).toBeGreaterThan(2 << 20);
    expect(readHistory(paths.home, 'bundled', doc.historyBytes ?? 0).entries).toEqual(log);
  });

  it('gives earlier entries the key their item has now (move lines), later ones keep theirs, swaps included', () => {
    const { paths } = scratch();
    const doc = append(paths.home, { items: {}, log: [entry(1, 'a'), entry(2, 'b'), entry(3, 'c')] });
    moveKeys(
      doc,
      new Map([
        ['a', 'b'],
        ['b', 'a'],
      ]),
    );
    doc.log = [entry(4, 'a')];
    moveKeys(doc, new Map([['c', 'd']]));
    append(paths.home, doc);
    expect(readHistory(paths.home, 'bundled', doc.historyBytes ?? 0).entries.map((e) => e.key)).toEqual(['b', 'a', 'd', 'a']);
  });

  it('reads nothing from another document’s file, and reports bad lines and lost bytes', () => {
    const { paths } = scratch();
    const doc = append(paths.home, { items: {}, log: [entry(1), entry(2)] });
    const file = historyFileOf(paths.home, 'bundled');
    const committed = doc.historyBytes ?? 0;
    // Another document's file at this one's name (a copy by hand, a hash collision): not read.
    copyFileSync(file, historyFileOf(paths.home, 'other'));
    expect(readHistory(paths.home, 'other', committed)).toMatchObject({ entries: [], foreign: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"to":"todo"', '"to":"gone"'));
    expect(readHistory(paths.home, 'bundled', committed)).toMatchObject({ entries: [entry(1)], badLines: 1 });
    truncateSync(file, committed - 10);
    expect(readHistory(paths.home, 'bundled', committed)).toMatchObject({ entries: [entry(1)], missing: 10, badLines: 1 });
  });
});

describe('Store: the history beside the state', () => {
  const legacyState = (entries: number): State => ({
    schemaVersion: 1,
    documents: {
      bundled: {
        items: { a: { status: 'done', at: entry(entries - 1).at } },
        log: Array.from({ length: entries }, (_, i) => entry(i)),
        undo: [
          { at: entry(entries - 1).at, command: 'check', changes: [{ key: 'a', from: null, to: { status: 'done', at: entry(1).at } }] },
        ],
      },
      other: { items: {}, log: [entry(1, 'x')] },
    },
  });

  it('migrates a state with its log inside on the first write that changes something, losing nothing', async () => {
    const { paths, store } = scratch();
    const legacy = `${JSON.stringify(legacyState(1000), undefined, '\t')}`;
    writeFileSync(paths.stateFile, legacy);
    expect(store.history('bundled')).toHaveLength(1000);
    // A change that changes nothing writes nothing: the state keeps its log inside.
    await store.update(() => {});
    expect(readFileSync(paths.stateFile, 'utf8')).toBe(legacy);
    expect(existsSync(historyFileOf(paths.home, 'bundled'))).toBe(false);

    await store.update((state) => {
      const doc = state.documents.bundled as DocumentState;
      doc.items.b = { status: 'done', at: entry(1000).at };
      doc.log?.push(entry(1000, 'b'));
    });
    const onDisk = JSON.parse(readFileSync(paths.stateFile, 'utf8')) as State;
    for (const doc of Object.values(onDisk.documents)) expect(doc.log).toBeUndefined();
    expect(onDisk.documents.bundled?.undo).toHaveLength(1);
    const fresh = new Store(paths, () => new Date());
    expect(fresh.history('bundled')).toEqual([...Array.from({ length: 1000 }, (_, i) => entry(i)), entry(1000, 'b')]);
    expect(fresh.history('other')).toEqual([entry(1, 'x')]);
    // The backup taken before the migration is the legacy file itself: restoring it reads its own log.
    expect(diagnoseState(paths).history).toEqual([]);
  });

  it('appends one line per change; the state does not grow with the history', async () => {
    const { paths, store } = scratch();
    const sizes: number[] = [];
    for (let n = 0; n < 40; n++) {
      await store.update((state) => {
        state.documents.bundled ??= { items: {} };
        const doc = state.documents.bundled;
        doc.items.a = { status: n % 2 ? 'todo' : 'done', at: entry(n).at };
        doc.log = [...(doc.log ?? []), entry(n)];
      });
      sizes.push(statSync(paths.stateFile).size);
    }
    const lines = readFileSync(historyFileOf(paths.home, 'bundled'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(41);
    // Only the digits of the committed length change.
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
    expect(store.history('bundled')).toHaveLength(40);
  });

  it('doctor reports an unacknowledged tail, and the next change drops it', async () => {
    const { paths, store } = scratch();
    await store.update((state) => {
      state.documents.bundled = { items: {}, log: [entry(1)] };
    });
    const file = historyFileOf(paths.home, 'bundled');
    appendFileSync(file, '{"at":"2025-');
    expect(diagnoseState(paths).history).toEqual([{ docId: 'bundled', file, tail: 12, badLines: 0, missing: 0, foreign: false }]);
    await store.update((state) => {
      (state.documents.bundled as DocumentState).log = [entry(2)];
    });
    expect(diagnoseState(paths).history).toEqual([]);
    expect(new Store(paths, () => new Date()).history('bundled')).toEqual([entry(1), entry(2)]);
  });
});

describe('a state file cut short (now small, with its history moved out) reads as truncated wherever the cut falls', () => {
  it.each([
    ['inside a string', '{"schemaVersion": 1, "documents": {"bundled": {"items": {}, "title": "Road'],
    ['after a number', '{"schemaVersion": 1, "documents": {"bundled": {"items": {}, "historyBytes": 12'],
    ['after a comma', '{"schemaVersion": 1, "documents": {"bundled": {"items": {},\n\t\t'],
  ])('%s', (_, text) => {
    expect(parseStateText(text)).toEqual({ issue: { kind: 'truncated' } });
  });

  it('a lone brace stays plain invalid JSON', () => {
    expect(parseStateText('{')).toMatchObject({ issue: { kind: 'json' } });
  });
});
