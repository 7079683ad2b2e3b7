import { describe, expect, it } from 'vitest';
import { checkState, MAX_STATE_DEPTH, type Migration, migrateState, nestedTooDeep, SCHEMA_VERSION } from '../../src/progress/state.js';
import { parseStateText } from '../../src/store/inspect.js';

const record = { status: 'done', at: '2026-03-01T09:00:00Z' };

describe('checkState', () => {
  it.each([
    ['empty state', { schemaVersion: 1, documents: {} }],
    ['items only', { schemaVersion: 1, documents: { bundled: { items: { a: record } } } }],
    [
      'log and undo',
      {
        schemaVersion: 1,
        documents: {
          bundled: {
            items: { a: record },
            log: [{ at: record.at, key: 'a', from: 'todo', to: 'done' }],
            undo: [{ at: record.at, command: 'check', changes: [{ key: 'a', from: null, to: record }] }],
          },
        },
      },
    ],
  ])('accepts %s', (_name, data) => {
    expect(checkState(data)).toBeNull();
  });

  it.each([
    ['not an object', [], 'not a JSON object'],
    ['no version', { documents: {} }, 'no schemaVersion'],
    ['a bad status', { schemaVersion: 1, documents: { d: { items: { a: { status: 'finished', at: 'x' } } } } }, 'item "a"'],
    ['a bad log', { schemaVersion: 1, documents: { d: { items: {}, log: [{ at: 'x', key: 'a', from: 'todo' }] } } }, 'log'],
    ['a log that is no list', { schemaVersion: 1, documents: { d: { items: {}, log: {} } } }, 'log'],
    [
      'a bad undo step',
      {
        schemaVersion: 1,
        documents: { d: { items: {}, undo: [{ at: 'x', command: 'check', changes: [{ key: 'a', from: 3, to: record }] }] } },
      },
      'undo',
    ],
    ['an undo step without changes', { schemaVersion: 1, documents: { d: { items: {}, undo: [{ at: 'x', command: 'check' }] } } }, 'undo'],
  ])('refuses %s', (_name, data, reason) => {
    const problem = checkState(data);
    expect(problem?.kind).toBe('invalid');
    expect(problem?.kind === 'invalid' && problem.reason).toContain(reason);
  });

  it('tells a newer schema apart', () => {
    expect(checkState({ schemaVersion: SCHEMA_VERSION + 1, documents: {} })).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
  });
});

describe('migrateState', () => {
  it('leaves a current state as it is (same object)', () => {
    const state = { schemaVersion: SCHEMA_VERSION, documents: {} };
    expect(migrateState(state)).toBe(state);
  });

  it('runs each step from the file version up to the target', () => {
    const migrations: Record<number, Migration> = {
      1: (s) => ({ ...s, progress: s.documents }),
      2: (s) => ({ schemaVersion: s.schemaVersion, documents: s.progress, renamed: true }),
    };
    expect(migrateState({ schemaVersion: 1, documents: { a: 1 } }, migrations, 3)).toEqual({
      schemaVersion: 3,
      documents: { a: 1 },
      renamed: true,
    });
    expect(migrateState({ schemaVersion: 2, documents: {}, progress: { b: 2 } }, migrations, 3)).toEqual({
      schemaVersion: 3,
      documents: { b: 2 },
      renamed: true,
    });
  });

  it('stops where a step is missing, so checkState refuses the file', () => {
    const migrated = migrateState({ schemaVersion: 1, documents: {} }, {}, 2);
    expect(migrated).toEqual({ schemaVersion: 1, documents: {} });
  });

  it('passes anything that is not a state through untouched', () => {
    expect(migrateState('text')).toBe('text');
    expect(migrateState(null)).toBeNull();
  });
});

const withDoc = (extra: Record<string, unknown>, top: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  documents: { '/a.md': { items: { a: { status: 'done', at: '2026-01-01T00:00:00Z' } }, ...extra } },
  ...top,
});

describe('checkState and the document-tracking fields', () => {
  it('accepts the optional fields when well formed', () => {
    const state = withDoc(
      {
        path: '/a.md',
        title: null,
        fingerprint: 'abc',
        known: { a: { text: 'A', section: 'L › S' } },
        removed: { b: { text: 'B', section: 'L', at: '2026-01-01T00:00:00Z' } },
        lastChange: { at: '2026-01-01T00:00:00Z', renamed: [], removed: [], added: [] },
        log: [],
      },
      { current: '/a.md' },
    );
    expect(checkState(state)).toBeNull();
  });

  it.each([
    [withDoc({}, { current: 3 }), '"current" is not a path'],
    [withDoc({ path: 1 }), 'document "/a.md": "path" is not a string'],
    [withDoc({ known: { a: { text: 'A' } } }), 'document "/a.md": "known" is not valid'],
    [withDoc({ removed: { a: { text: 'A', section: '' } } }), 'document "/a.md": "removed" is not valid'],
    [withDoc({ lastChange: { at: 'x', renamed: [] } }), 'document "/a.md": "lastChange" is not valid'],
    [withDoc({ log: {} }), 'the log of "/a.md" is not a list of changes'],
  ])('rejects a bad field (%#): %s', (state, reason) => {
    expect(checkState(state)).toEqual({ kind: 'invalid', reason });
  });
});

describe('state validation: nulls and absurd nesting (audit)', () => {
  const withLastChange = (lastChange: unknown) => ({ schemaVersion: 1, documents: { bundled: { items: {}, lastChange } } });

  it.each([
    ['added: [null]', { at: 'x', renamed: [], removed: [], added: [null] }],
    ['removed: [1]', { at: 'x', renamed: [], removed: [1], added: [] }],
    ['renamed without texts', { at: 'x', renamed: [{ from: 'a', to: 'b' }], removed: [], added: [] }],
    ['added without text', { at: 'x', renamed: [], removed: [], added: [{ key: 'a' }] }],
  ])('rejects a lastChange with %s', (_name, change) => {
    expect(checkState(withLastChange(change))).toEqual({ kind: 'invalid', reason: 'document "bundled": "lastChange" is not valid' });
  });

  it('accepts a full lastChange', () => {
    const change = {
      at: 'x',
      renamed: [{ from: 'a', to: 'b', fromText: 'A', toText: 'B' }],
      removed: [{ key: 'c', text: 'C' }],
      added: [{ key: 'd', text: 'D' }],
    };
    expect(checkState(withLastChange(change))).toBeNull();
  });

  it('finds nesting deeper than the limit, skipping brackets inside strings', () => {
    expect(nestedTooDeep(`{"a":${'['.repeat(64)}${']'.repeat(64)}}`)).toBe(true);
    expect(nestedTooDeep(`{"a":${'['.repeat(63)}${']'.repeat(63)}}`)).toBe(false);
    expect(nestedTooDeep(`{"a":"${'['.repeat(200)}"}`)).toBe(false);
    expect(nestedTooDeep(`{"a":"\\\\\\"${'{'.repeat(200)}"}`)).toBe(false);
    expect(nestedTooDeep(`{"a\\\\":${'['.repeat(100)}`)).toBe(true);
  });

  it('a state nested 200 000 levels deep is unreadable (never parsed into something no write can serialise)', () => {
    const text = `{"schemaVersion":1,"documents":{},"extra":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(parseStateText(text)).toEqual({ issue: { kind: 'invalid', reason: `nested more than ${MAX_STATE_DEPTH} levels deep` } });
  });
});
