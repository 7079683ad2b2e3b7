import { describe, expect, it } from 'vitest';
import { checkState } from '../../src/progress/state.js';

const withDoc = (extra: Record<string, unknown>) => ({ schemaVersion: 1, documents: { bundled: { items: {}, ...extra } } });
const at = '2026-03-01T09:00:00.000Z';

describe('checkState on notes, project and mentions', () => {
  it.each([
    [
      'notes',
      {
        notes: {
          a: [
            { at, text: 'x' },
            { at, url: 'https://x' },
            { at, text: 'y', url: 'https://y' },
          ],
        },
      },
    ],
    ['project', { project: { p: { status: 'done', at, links: [{ at, url: 'https://x' }] } } }],
    ['mentions', { projectMentions: { p: at } }],
  ])('accepts valid %s', (_name, extra) => {
    expect(checkState(withDoc(extra))).toBeNull();
  });

  it.each([
    ['notes not an object', { notes: [] }],
    ['a note list not an array', { notes: { a: { at } } }],
    ['a note without text or url', { notes: { a: [{ at }] } }],
    ['a note without date', { notes: { a: [{ text: 'x' }] } }],
    ['a note with a number', { notes: { a: [{ at, text: 3 }] } }],
    ['a part with a bad status', { project: { p: { status: 'doing', at, links: [] } } }],
    ['a part without links', { project: { p: { status: 'done', at } } }],
    ['a part with a bad link', { project: { p: { status: 'done', at, links: [{ url: 1 }] } } }],
    ['mentions not dates', { projectMentions: { p: 1 } }],
  ])('refuses %s', (_name, extra) => {
    expect(checkState(withDoc(extra))).toMatchObject({ kind: 'invalid' });
  });
});
