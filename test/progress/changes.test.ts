import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planChanges, planUndo, recordChanges, revertLast, statusOfKey, UNDO_LIMIT } from '../../src/progress/changes.js';
import { checkState, type DocumentState, emptyDocument } from '../../src/progress/state.js';
import { itemStatuses } from '../../src/progress/stats.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { ROOT } from '../helpers/context.js';

const model = parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
// In nested.md, "Generics" is ticked in the document itself.
const nested = parseRoadmap(readFileSync(join(ROOT, 'test', 'fixtures', 'nested.md'), 'utf8'));
const key = (id: number) => model.items[id - 1]?.key as string;
const T1 = '2026-03-01T09:00:00.000Z';
const T2 = '2026-03-02T09:00:00.000Z';
const T3 = '2026-03-03T09:00:00.000Z';

describe('planChanges', () => {
  it.each([
    ['done', 'todo', true],
    ['doing', 'todo', true],
    ['skipped', 'todo', true],
    ['todo', 'todo', false],
  ] as const)('to %s from %s: changes=%s', (to, from, changes) => {
    const plan = planChanges(model, emptyDocument(), [{ id: 9, to }]);
    expect(plan.changes).toEqual(changes ? [{ id: 9, key: key(9), from, to }] : []);
    expect(plan.unchanged).toEqual(changes ? [] : [{ id: 9, status: 'todo' }]);
  });

  it('reports items already in the wanted status, counts an item named twice once', () => {
    const doc: DocumentState = { items: { [key(9)]: { status: 'done', at: T1 } } };
    const plan = planChanges(model, doc, [
      { id: 9, to: 'done' },
      { id: 12, to: 'done' },
      { id: 12, to: 'done' },
    ]);
    expect(plan.changes).toEqual([{ id: 12, key: key(12), from: 'todo', to: 'done' }]);
    expect(plan.unchanged).toEqual([{ id: 9, status: 'done' }]);
  });

  it('starts from what the document ticks when the state records nothing', () => {
    const generics = nested.items.find((i) => i.text === 'Generics');
    expect(generics?.checked).toBe(true);
    const id = generics?.id as number;
    expect(planChanges(nested, emptyDocument(), [{ id, to: 'done' }]).unchanged).toEqual([{ id, status: 'done' }]);
    expect(planChanges(nested, emptyDocument(), [{ id, to: 'todo' }]).changes).toEqual([
      { id, key: generics?.key, from: 'done', to: 'todo' },
    ]);
  });
});

describe('recordChanges', () => {
  it('sets each record, logs each change and makes one undo step, without touching the input', () => {
    const before = emptyDocument();
    const plan = planChanges(model, before, [
      { id: 9, to: 'done' },
      { id: 10, to: 'doing' },
    ]);
    const after = recordChanges(before, plan.changes, T1, 'check');
    expect(before).toEqual({ items: {} });
    expect(after.items).toEqual({ [key(9)]: { status: 'done', at: T1 }, [key(10)]: { status: 'doing', at: T1 } });
    expect(after.log).toEqual([
      { at: T1, key: key(9), from: 'todo', to: 'done' },
      { at: T1, key: key(10), from: 'todo', to: 'doing' },
    ]);
    expect(after.undo).toEqual([
      {
        at: T1,
        command: 'check',
        changes: [
          { key: key(9), from: null, to: { status: 'done', at: T1 } },
          { key: key(10), from: null, to: { status: 'doing', at: T1 } },
        ],
      },
    ]);
    expect(checkState({ schemaVersion: 1, documents: { bundled: after } })).toBeNull();
  });

  it('returns the same state when nothing changes', () => {
    const doc = emptyDocument();
    expect(recordChanges(doc, [], T1, 'check')).toBe(doc);
  });

  it(`keeps the last ${UNDO_LIMIT} undo steps, and the whole log`, () => {
    let doc = emptyDocument();
    for (let n = 0; n < UNDO_LIMIT + 5; n++) {
      const to = n % 2 === 0 ? 'done' : 'todo';
      doc = recordChanges(
        doc,
        planChanges(model, doc, [{ id: 1, to }]).changes,
        `2026-03-01T09:00:${String(n % 60).padStart(2, '0')}Z`,
        'check',
      );
    }
    expect(doc.undo).toHaveLength(UNDO_LIMIT);
    expect(doc.log).toHaveLength(UNDO_LIMIT + 5);
  });

  it('keeps keys such as __proto__ as data', () => {
    const doc = recordChanges(emptyDocument(), [{ id: null, key: '__proto__', from: 'todo', to: 'done' }], T1, 'check');
    expect(Object.hasOwn(doc.items, '__proto__')).toBe(true);
    // biome-ignore lint/suspicious/noProto: reading the key named __proto__ as data is what is tested.
    expect(JSON.parse(JSON.stringify(doc)).items.__proto__).toEqual({ status: 'done', at: T1 });
  });
});

describe('undo', () => {
  const apply = (
    doc: DocumentState,
    targets: Array<{ id: number; to: 'todo' | 'doing' | 'done' | 'skipped' }>,
    at: string,
    command = 'check',
  ) => recordChanges(doc, planChanges(model, doc, targets).changes, at, command);

  it('has nothing to undo on a fresh document', () => {
    expect(planUndo(model, emptyDocument())).toBeNull();
    const doc = emptyDocument();
    expect(revertLast(model, doc, T1)).toBe(doc);
  });

  it('walks back step by step, restoring records and logging each revert', () => {
    const s0 = emptyDocument();
    const s1 = apply(s0, [{ id: 9, to: 'doing' }], T1, 'start');
    const s2 = apply(
      s1,
      [
        { id: 9, to: 'done' },
        { id: 12, to: 'done' },
      ],
      T2,
    );
    expect(planUndo(model, s2)?.changes).toEqual([
      { id: 9, key: key(9), from: 'done', to: 'doing' },
      { id: 12, key: key(12), from: 'done', to: 'todo' },
    ]);
    const r1 = revertLast(model, s2, T3);
    expect(r1.items).toEqual(s1.items);
    expect(r1.undo).toEqual(s1.undo);
    expect(r1.log?.slice(-2)).toEqual([
      { at: T3, key: key(9), from: 'done', to: 'doing' },
      { at: T3, key: key(12), from: 'done', to: 'todo' },
    ]);
    const r2 = revertLast(model, r1, T3);
    expect(r2.items).toEqual({});
    expect(r2.undo).toEqual([]);
    expect(itemStatuses(model, r2).every((s) => s === 'todo')).toBe(true);
    expect(r2.log).toHaveLength(6); // 1 start + 2 checks + 2 reverts + 1 revert
    expect(planUndo(model, r2)).toBeNull();
  });

  it('puts back what the document says for an item that had no record', () => {
    const generics = nested.items.find((i) => i.text === 'Generics');
    const doc = recordChanges(
      emptyDocument(),
      planChanges(nested, emptyDocument(), [{ id: generics?.id as number, to: 'todo' }]).changes,
      T1,
      'uncheck',
    );
    expect(statusOfKey(nested, doc, generics?.key as string)).toBe('todo');
    const reverted = revertLast(nested, doc, T2);
    expect(reverted.items).toEqual({});
    expect(reverted.log?.at(-1)).toEqual({ at: T2, key: generics?.key, from: 'todo', to: 'done' });
  });

  it('reverts a key the document no longer has (id null)', () => {
    const doc = recordChanges(emptyDocument(), [{ id: null, key: 'gone-item', from: 'todo', to: 'done' }], T1, 'check');
    expect(planUndo(model, doc)?.changes).toEqual([{ id: null, key: 'gone-item', from: 'done', to: 'todo' }]);
    expect(revertLast(model, doc, T2).items).toEqual({});
  });
});
