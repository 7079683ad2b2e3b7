import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { SCHEMA_VERSION, type State } from '../../src/progress/state.js';
import { historyFileOf } from '../../src/store/history.js';
import { statePaths } from '../../src/store/paths.js';
import { readSnapshot, snapshotFileOf } from '../../src/store/snapshots.js';
import { Store } from '../../src/store/store.js';

const record = { status: 'done' as const, at: '2026-03-01T09:00:00.000Z' };

function scratchStore() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-store-'));
  const paths = statePaths({ ROADMAP_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') });
  return { dir, paths, store: new Store(paths, () => new Date('2026-03-01T09:00:00Z')) };
}

describe('Store on a real folder', () => {
  it('reads an empty state when there is no file yet, without creating one', () => {
    const { store, paths } = scratchStore();
    expect(store.read()).toEqual({ schemaVersion: SCHEMA_VERSION, documents: {} });
    expect(existsSync(paths.stateFile)).toBe(false);
  });

  it('round-trips a state through update and read, with its schema version, and leaves no lock behind', async () => {
    const { store, paths } = scratchStore();
    const result = await store.update((state) => {
      state.documents.bundled = {
        items: { a: record },
        log: [{ at: record.at, key: 'a', from: 'todo', to: 'done' }],
        undo: [{ at: record.at, command: 'check', changes: [{ key: 'a', from: null, to: record }] }],
      };
      return 42;
    });
    expect(result).toBe(42);
    const onDisk = JSON.parse(readFileSync(paths.stateFile, 'utf8')) as State;
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.read()).toEqual(onDisk);
    expect(onDisk.documents.bundled?.items).toEqual({ a: record });
    // The history went to its own file, named by the state's committed length.
    expect(readdirSync(paths.home).sort()).toEqual(['history', 'state.json']);
    expect(onDisk.documents.bundled?.log).toBeUndefined();
    expect(onDisk.documents.bundled?.historyBytes).toBe(statSync(historyFileOf(paths.home, 'bundled')).size);
    expect(store.history('bundled')).toEqual([{ at: record.at, key: 'a', from: 'todo', to: 'done' }]);
    // A second update sees the first one's data.
    await store.update((state) => {
      expect(state.documents.bundled?.items.a).toEqual(record);
      state.documents.other = { items: {} };
    });
    expect(Object.keys(store.read().documents)).toEqual(['bundled', 'other']);
  });

  it('keeps the replaced version as a backup: an independent copy (never a link to the live file), never changed by the write', async () => {
    const { store, paths } = scratchStore();
    await store.update((state) => {
      state.documents.bundled = { items: { a: record } };
    });
    const before = readFileSync(paths.stateFile, 'utf8');
    const replaced = statSync(paths.stateFile).ino;
    await store.update((state) => {
      state.documents.other = { items: {} };
    });
    const [backup, ...more] = readdirSync(join(paths.home, 'backups'));
    expect(more).toEqual([]);
    const file = join(paths.home, 'backups', backup as string);
    expect(statSync(file).ino).not.toBe(replaced);
    expect(statSync(file).ino).not.toBe(statSync(paths.stateFile).ino);
    expect(statSync(file).nlink).toBe(1);
    expect(statSync(paths.stateFile).nlink).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(Object.keys(store.read().documents)).toEqual(['bundled', 'other']);
  });

  it.each([
    ['bad JSON', '{"schemaVersion":1,'],
    ['an empty file', ''],
    ['only spaces', '  \n'],
    ['a JSON array', '[]'],
    ['no schema version', '{"documents":{}}'],
    ['a wrong record', '{"schemaVersion":1,"documents":{"bundled":{"items":{"a":{"status":"finished","at":"x"}}}}}'],
    ['a bad undo history', '{"schemaVersion":1,"documents":{"bundled":{"items":{},"undo":[{"at":"x"}]}}}'],
    ['a newer schema', '{"schemaVersion":2,"documents":{}}'],
  ])('refuses %s: read and update throw a UserError naming the file, which stays byte for byte', async (_name, content) => {
    const { store, paths } = scratchStore();
    mkdirSync(paths.home, { recursive: true });
    writeFileSync(paths.stateFile, content);
    expect(() => store.read()).toThrow(UserError);
    expect(() => store.read()).toThrow(paths.stateFile);
    let called = false;
    await expect(
      store.update(() => {
        called = true;
      }),
    ).rejects.toThrow(UserError);
    expect(called).toBe(false);
    expect(readFileSync(paths.stateFile, 'utf8')).toBe(content);
    expect(readdirSync(paths.home)).toEqual(['state.json']);
  });

  it('reads the file once per command, and again after an update', async () => {
    const { store, paths } = scratchStore();
    await store.update((state) => {
      state.documents.bundled = { items: { a: record } };
    });
    const first = store.read();
    // Another process writes meanwhile: this command keeps the state it read.
    writeFileSync(paths.stateFile, JSON.stringify({ schemaVersion: SCHEMA_VERSION, documents: {} }));
    expect(store.read()).toBe(first);
    // An update reads the file itself, under the lock; reads after it see what it wrote.
    await store.update((state) => {
      expect(state.documents).toEqual({});
      state.documents.other = { items: {} };
    });
    expect(Object.keys(store.read().documents)).toEqual(['other']);
  });

  it('keeps each document snapshot in a file of its own, and moves one out of a state written before', async () => {
    const { store, paths } = scratchStore();
    const known = { a: { text: 'A', section: 'L › S' } };
    await store.update((state) => {
      state.documents['/x/plan.md'] = { items: { a: record }, fingerprint: 'f1', known };
    });
    const onDisk = JSON.parse(readFileSync(paths.stateFile, 'utf8')) as State;
    expect(onDisk.documents['/x/plan.md']).toEqual({ items: { a: record }, fingerprint: 'f1' });
    expect(readSnapshot(paths.home, '/x/plan.md')).toEqual(known);
    expect(store.snapshot('/x/plan.md', store.read().documents['/x/plan.md'])).toEqual(known);
    expect(readSnapshot(paths.home, '/other.md')).toBeUndefined();

    // A state file from before: its snapshot is used as it is, and moved out by the next write.
    const legacy = { schemaVersion: SCHEMA_VERSION, documents: { bundled: { items: {}, fingerprint: 'f2', known } } };
    writeFileSync(paths.stateFile, JSON.stringify(legacy));
    const fresh = new Store(paths, () => new Date('2026-03-01T09:00:00Z'));
    expect(fresh.snapshot('bundled', fresh.read().documents.bundled)).toEqual(known);
    await fresh.update((state) => {
      (state.documents.bundled as { items: object }).items = { a: record };
    });
    expect(JSON.parse(readFileSync(paths.stateFile, 'utf8')).documents.bundled.known).toBeUndefined();
    expect(readSnapshot(paths.home, 'bundled')).toEqual(known);

    // A damaged snapshot is not used.
    writeFileSync(snapshotFileOf(paths.home, 'bundled'), '{"docId":"bundled","known":{"a":{"text":1}}}');
    expect(readSnapshot(paths.home, 'bundled')).toBeUndefined();
    writeFileSync(snapshotFileOf(paths.home, 'bundled'), JSON.stringify({ docId: 'someone else', known }));
    expect(readSnapshot(paths.home, 'bundled')).toBeUndefined();
  });

  it('writes nothing when the change throws', async () => {
    const { store, paths } = scratchStore();
    await store.update((state) => {
      state.documents.bundled = { items: { a: record } };
    });
    const before = readFileSync(paths.stateFile);
    await expect(
      store.update((state) => {
        state.documents.bundled = { items: {} };
        throw new UserError('no');
      }),
    ).rejects.toThrow('no');
    expect(readFileSync(paths.stateFile)).toEqual(before);
  });

  it('takes over a stale lock left by a killed process', async () => {
    const { store, paths } = scratchStore();
    mkdirSync(`${paths.stateFile}.lock`, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${paths.stateFile}.lock`, old, old);
    await store.update((state) => {
      state.documents.bundled = { items: { a: record } };
    });
    expect(store.read().documents.bundled?.items).toEqual({ a: record });
    expect(existsSync(`${paths.stateFile}.lock`)).toBe(false);
  });
});
