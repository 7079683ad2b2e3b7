// Property: whatever edits a document goes through, every recorded mark stays on the item it belongs
// to, or the tool reports it (removed, ambiguous); it never moves silently to another item.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges, diffDocument } from '../../src/progress/document-changes.js';
import { type DocumentState, emptyDocument } from '../../src/progress/state.js';
import { itemStatuses } from '../../src/progress/stats.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';

const LONG = 'Read the chapter about consistent hashing and partitioning in the distributed systems book';
const TEXTS = [`${LONG} alpha`, `${LONG} beta`, `${LONG} gamma`, 'Implement:', 'Video', 'Read the docs', 'Write tests'];

interface Entry {
  uid: number;
  text: string;
  ticked: boolean;
}
interface Doc {
  sections: { title: string; items: Entry[] }[];
}

type Op =
  | { op: 'swapItems'; s: number; i: number; j: number }
  | { op: 'swapSections'; a: number; b: number }
  | { op: 'move'; s: number; i: number; t: number; j: number }
  | { op: 'delete'; s: number; i: number }
  | { op: 'insertTwin'; from: number; t: number; j: number }
  | { op: 'rename'; s: number; i: number }
  | { op: 'dropTicks' };

const n = fc.nat(20);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('swapItems' as const), s: n, i: n, j: n }),
  fc.record({ op: fc.constant('swapSections' as const), a: n, b: n }),
  fc.record({ op: fc.constant('move' as const), s: n, i: n, t: n, j: n }),
  fc.record({ op: fc.constant('delete' as const), s: n, i: n }),
  fc.record({ op: fc.constant('insertTwin' as const), from: n, t: n, j: n }),
  fc.record({ op: fc.constant('rename' as const), s: n, i: n }),
  fc.record({ op: fc.constant('dropTicks' as const) }),
);
const startArb = fc.array(
  fc.array(fc.record({ text: fc.constantFrom(...TEXTS), ticked: fc.boolean(), marked: fc.boolean() }), { maxLength: 5 }),
  { minLength: 1, maxLength: 4 },
);

const render = (doc: Doc) =>
  `# Plan\n\n${doc.sections
    .map((s) => `## ${s.title}\n\n${s.items.map((e) => `- [${e.ticked ? 'x' : ' '}] ${e.text}`).join('\n')}\n`)
    .join('\n')}`;
const flat = (doc: Doc) => doc.sections.flatMap((s) => s.items.map((e) => ({ ...e, token: `${s.title}\0${e.text}` })));

function apply(doc: Doc, op: Op, nextUid: () => number): number[] {
  const { sections } = doc;
  const pick = <T>(list: T[], k: number) => (list.length ? k % list.length : -1);
  const deleted: number[] = [];
  switch (op.op) {
    case 'swapItems': {
      const items = sections[pick(sections, op.s)]?.items ?? [];
      const i = pick(items, op.i);
      const j = pick(items, op.j);
      if (i >= 0) [items[i], items[j]] = [items[j] as Entry, items[i] as Entry];
      break;
    }
    case 'swapSections': {
      const a = pick(sections, op.a);
      const b = pick(sections, op.b);
      [sections[a], sections[b]] = [sections[b] as Doc['sections'][number], sections[a] as Doc['sections'][number]];
      break;
    }
    case 'move': {
      const items = sections[pick(sections, op.s)]?.items ?? [];
      const i = pick(items, op.i);
      if (i < 0) break;
      const [entry] = items.splice(i, 1);
      const target = sections[pick(sections, op.t)]?.items ?? [];
      target.splice(op.j % (target.length + 1), 0, entry as Entry);
      break;
    }
    case 'delete': {
      const items = sections[pick(sections, op.s)]?.items ?? [];
      const i = pick(items, op.i);
      if (i >= 0) deleted.push(...items.splice(i, 1).map((e) => e.uid));
      break;
    }
    case 'insertTwin': {
      const all = flat(doc);
      const source = all[pick(all, op.from)];
      if (!source) break;
      const target = sections[pick(sections, op.t)]?.items ?? [];
      target.splice(op.j % (target.length + 1), 0, { uid: nextUid(), text: source.text, ticked: false });
      break;
    }
    case 'rename': {
      const items = sections[pick(sections, op.s)]?.items ?? [];
      const entry = items[pick(items, op.i)];
      if (entry) entry.text = `${entry.text} again`;
      break;
    }
    case 'dropTicks':
      for (const s of sections) for (const e of s.items) e.ticked = false;
  }
  return deleted;
}

/** Runs a start document and an edit script; returns a description of the first silent transfer, or null. */
function silentTransfer(start: { text: string; ticked: boolean; marked: boolean }[][], ops: Op[]): string | null {
  let uid = 0;
  const marked = new Set<number>();
  const doc: Doc = {
    sections: start.map((items, s) => ({
      title: `Part ${s + 1}`,
      items: items.map((e) => {
        const entry = { uid: ++uid, text: e.text, ticked: e.ticked };
        if (e.marked || e.ticked) marked.add(entry.uid);
        return entry;
      }),
    })),
  };
  const state: DocumentState = emptyDocument();
  let model = parseRoadmap(render(doc));
  applyChanges(state, model, diffDocument(model, state), '2026-01-01T00:00:00.000Z');
  flat(doc).forEach((e, p) => {
    const key = model.items[p]?.key as string;
    if (marked.has(e.uid) && !state.items[key]) state.items[key] = { status: 'done', at: '2026-01-01T00:00:00.000Z' };
  });
  const lost = new Set<number>();
  const aside: string[] = [];
  let before = flat(doc);
  let keyToUid = new Map(model.items.map((item, p) => [item.key, before[p]?.uid as number]));
  for (const [step, op] of ops.entries()) {
    const deleted = apply(doc, op, () => ++uid);
    const tokenBefore = new Map(before.map((e) => [e.uid, e.token]));
    for (const d of deleted) if (marked.has(d) && !lost.has(d)) aside.push(tokenBefore.get(d) as string);
    model = parseRoadmap(render(doc));
    const changes = diffDocument(model, state);
    applyChanges(state, model, changes, `2026-01-${String(step + 2).padStart(2, '0')}T00:00:00.000Z`);
    // Each reported key names the item that held it; identical twins (same text, same place) are one
    // and the same to anyone, so a report on an unmarked twin stands for a marked one.
    const holders = [...changes.ambiguous.map((a) => a.key), ...changes.removed.map((r) => r.key)]
      .map((key) => keyToUid.get(key))
      .filter((holder): holder is number => holder !== undefined);
    const own = holders.filter((h) => marked.has(h) && !lost.has(h));
    for (const holder of [...own, ...holders.filter((h) => !own.includes(h))]) {
      const token = tokenBefore.get(holder) as string;
      const owner = own.includes(holder)
        ? holder
        : before.find((e) => e.token === token && marked.has(e.uid) && !lost.has(e.uid) && !deleted.includes(e.uid))?.uid;
      if (owner === undefined || deleted.includes(owner)) continue;
      lost.add(owner);
      aside.push(token);
    }
    const now = flat(doc);
    // A removed item back in its place, said so: its mark is its own again.
    for (const { key } of changes.restored) {
      const entry = now[model.items.findIndex((item) => item.key === key)];
      const at = entry ? aside.indexOf(entry.token) : -1;
      if (!entry || at === -1) return `step ${step} (${op.op}): “${key}” restored with no progress put aside in its place`;
      aside.splice(at, 1);
      marked.add(entry.uid);
      lost.delete(entry.uid);
    }
    // A tick of the document recorded now is a mark of its own.
    for (const { key } of changes.ticked) {
      const owner = now[model.items.findIndex((item) => item.key === key)]?.uid;
      if (owner !== undefined) {
        marked.add(owner);
        lost.delete(owner);
      }
    }
    const statuses = itemStatuses(model, state);
    const shown = new Map<string, number>();
    const expected = new Map<string, number>();
    now.forEach((e, p) => {
      // Ticked in the document: done because the document says so.
      if (e.ticked) return;
      if (statuses[p] === 'done') shown.set(e.token, (shown.get(e.token) ?? 0) + 1);
      if (marked.has(e.uid) && !lost.has(e.uid)) expected.set(e.token, (expected.get(e.token) ?? 0) + 1);
    });
    for (const token of new Set([...shown.keys(), ...expected.keys()])) {
      const s = shown.get(token) ?? 0;
      const x = expected.get(token) ?? 0;
      const back = aside.filter((t) => t === token).length;
      if (s < x) return `step ${step} (${op.op}): a mark left “${token.replace('\0', ' › ')}” unreported`;
      if (s > x + back) return `step ${step} (${op.op}): “${token.replace('\0', ' › ')}” shows a mark it never had`;
    }
    before = now;
    keyToUid = new Map(model.items.map((item, p) => [item.key, now[p]?.uid as number]));
  }
  return null;
}

describe('identity across random edit scripts', () => {
  const X = `${LONG} alpha`;
  // Counter-examples fast-check found (shrunk), kept as fixed cases.
  it.each([
    [
      'a ticked twin renamed',
      [
        [
          { text: X, ticked: true, marked: false },
          { text: X, ticked: false, marked: false },
        ],
      ],
      [{ op: 'rename', s: 0, i: 0 }],
    ],
    [
      'a ticked twin moved above its twin',
      [
        [
          { text: X, ticked: true, marked: false },
          { text: X, ticked: false, marked: false },
        ],
      ],
      [{ op: 'move', s: 0, i: 1, t: 0, j: 0 }],
    ],
    [
      'a checked item moved into the section of its twin',
      [[{ text: X, ticked: true, marked: false }], []],
      [
        { op: 'insertTwin', from: 0, t: 9, j: 0 },
        { op: 'move', s: 0, i: 0, t: 7, j: 0 },
      ],
    ],
    [
      'twins swapped after their ticks were dropped, then a third one inserted',
      [
        [
          { text: 'Video', ticked: false, marked: false },
          { text: 'Video', ticked: true, marked: false },
        ],
        [],
      ],
      [{ op: 'dropTicks' }, { op: 'swapItems', s: 2, i: 15, j: 0 }, { op: 'insertTwin', from: 0, t: 2, j: 0 }],
    ],
    [
      'a record put aside as ambiguous does not count as a twin, and a renamed item is not taken for a move',
      [[{ text: X, ticked: false, marked: true }], [{ text: X, ticked: true, marked: false }]],
      [
        { op: 'insertTwin', from: 0, t: 1, j: 0 },
        { op: 'rename', s: 0, i: 0 },
      ],
    ],
    [
      'an ambiguous record never comes back to a twin by itself',
      [
        [{ text: 'Read the docs', ticked: false, marked: true }],
        [
          { text: X, ticked: false, marked: false },
          { text: X, ticked: false, marked: false },
          { text: 'Read the docs', ticked: false, marked: true },
        ],
      ],
      [
        { op: 'insertTwin', from: 0, t: 9, j: 1 },
        { op: 'move', s: 3, i: 3, t: 0, j: 0 },
        { op: 'rename', s: 3, i: 16 },
      ],
    ],
    [
      'a twin moved where a removed twin was: its progress comes back, said so',
      [
        [
          { text: 'Write tests', ticked: false, marked: false },
          { text: 'Write tests', ticked: false, marked: true },
        ],
        [{ text: 'Write tests', ticked: false, marked: true }],
      ],
      [
        { op: 'delete', s: 3, i: 0 },
        { op: 'move', s: 0, i: 0, t: 3, j: 0 },
        { op: 'rename', s: 3, i: 0 },
      ],
    ],
    [
      'twins without progress never take an item whose tick says it is another',
      [
        [
          { text: `${LONG} beta`, ticked: false, marked: false },
          { text: `${LONG} beta`, ticked: true, marked: false },
        ],
        [],
      ],
      [
        { op: 'rename', s: 0, i: 0 },
        { op: 'swapSections', a: 0, b: 3 },
        { op: 'insertTwin', from: 2, t: 15, j: 5 },
        { op: 'rename', s: 13, i: 4 },
      ],
    ],
  ] as [string, Parameters<typeof silentTransfer>[0], Op[]][])('%s', (_name, start, ops) => {
    expect(silentTransfer(start, ops)).toBeNull();
  });

  it('every recorded mark stays on its item, or the tool reports it; never a silent transfer', () => {
    fc.assert(
      fc.property(startArb, fc.array(opArb, { minLength: 1, maxLength: 8 }), (start, ops) => {
        expect(silentTransfer(start, ops)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
