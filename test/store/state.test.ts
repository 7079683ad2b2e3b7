import { describe, expect, it } from 'vitest';
import { checkState } from '../../src/store/state.js';

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
    [withDoc({ log: {} }), 'document "/a.md": "log" is not a list'],
  ])('rejects a bad field (%#): %s', (state, reason) => {
    expect(checkState(state)).toEqual({ kind: 'invalid', reason });
  });
});
