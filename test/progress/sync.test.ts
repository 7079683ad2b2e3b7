import { describe, expect, it } from 'vitest';
import { type DocumentState, emptyDocument, type LogEntry } from '../../src/progress/state.js';
import { itemStatuses } from '../../src/progress/stats.js';
import { checkProgressExport, markDone, mergeProgress, planMarkdownImport, progressExport } from '../../src/progress/sync.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';

const DOC = '# Plan\n\n## One\n\n- [ ] Alpha\n- [ ] Beta\n- [x] Gamma\n- [ ] Delta\n';
const model = parseRoadmap(DOC);

/** A machine's progress: each change applied in order, recorded as `check` would. */
function machine(changes: [string, 'todo' | 'doing' | 'done' | 'skipped', string][]): DocumentState {
  const doc = emptyDocument();
  for (const [key, to, at] of changes) {
    const from = doc.items[key]?.status ?? (model.items.find((i) => i.key === key)?.checked ? 'done' : 'todo');
    doc.items[key] = { status: to, at };
    doc.log ??= [];
    doc.log.push({ at, key, from, to });
  }
  return doc;
}

describe('merging two diverged JSON exports', () => {
  // Both machines started from the same export, then diverged.
  const laptop = machine([
    ['alpha', 'done', '2026-01-01T10:00:00.000Z'],
    ['beta', 'doing', '2026-01-05T10:00:00.000Z'],
  ]);
  const desktop = machine([
    ['alpha', 'done', '2026-01-01T10:00:00.000Z'],
    ['beta', 'done', '2026-01-07T10:00:00.000Z'],
    ['delta', 'skipped', '2026-01-03T10:00:00.000Z'],
    ['gamma', 'todo', '2026-01-02T10:00:00.000Z'],
  ]);
  laptop.items.delta = { status: 'doing', at: '2026-01-09T10:00:00.000Z' };
  laptop.log?.push({ at: '2026-01-09T10:00:00.000Z', key: 'delta', from: 'todo', to: 'doing' });

  const exportOf = (doc: DocumentState) => {
    const checked = checkProgressExport(
      JSON.parse(JSON.stringify(progressExport(model, doc, { path: '/p.md' }, '2026-02-01T00:00:00.000Z'))),
    );
    if (typeof checked === 'string') throw new Error(checked);
    return checked;
  };

  it('keeps, per item, the latest change, whichever way it is merged', () => {
    const a = structuredClone(laptop);
    const resultA = mergeProgress(a, exportOf(desktop), model);
    const b = structuredClone(desktop);
    mergeProgress(b, exportOf(laptop), model);
    const expected = {
      alpha: { status: 'done', at: '2026-01-01T10:00:00.000Z' },
      beta: { status: 'done', at: '2026-01-07T10:00:00.000Z' },
      gamma: { status: 'todo', at: '2026-01-02T10:00:00.000Z' },
      delta: { status: 'doing', at: '2026-01-09T10:00:00.000Z' },
    };
    expect(a.items).toEqual(expected);
    expect(b.items).toEqual(expected);
    expect(itemStatuses(model, a)).toEqual(['done', 'done', 'todo', 'doing']);
    expect(resultA.changed.map((c) => [c.key, c.from, c.to])).toEqual([
      ['beta', 'doing', 'done'],
      ['gamma', 'done', 'todo'],
    ]);
    expect(resultA.kept).toBe(2);
  });

  it('merges both histories without duplicates: the entries it lacked appended, oldest first (the history file is append-only)', () => {
    const a = structuredClone(laptop);
    const laptopLog = structuredClone(laptop.log ?? []);
    mergeProgress(a, exportOf(desktop), model);
    const b = structuredClone(desktop);
    mergeProgress(b, exportOf(laptop), model);
    // What was there stays first, untouched; what is added follows in date order.
    expect(a.log?.slice(0, laptopLog.length)).toEqual(laptopLog);
    const added = a.log?.slice(laptopLog.length) ?? [];
    expect(added.map((e) => e.at)).toEqual(added.map((e) => e.at).sort());
    const byDate = (log: LogEntry[] | undefined) => [...(log ?? [])].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
    expect(byDate(a.log)).toEqual(byDate(b.log));
    expect(byDate(a.log).map((e) => `${e.at.slice(5, 10)} ${e.key} ${e.to}`)).toEqual([
      '01-01 alpha done',
      '01-02 gamma todo',
      '01-03 delta skipped',
      '01-05 beta doing',
      '01-07 beta done',
      '01-09 delta doing',
    ]);
    // Merging again changes nothing.
    const before = structuredClone(a);
    expect(mergeProgress(a, exportOf(desktop), model).changed).toEqual([]);
    expect(a).toEqual(before);
  });

  it('logs a change the export has no history for, and leaves out keys of another document', () => {
    const doc = emptyDocument();
    const result = mergeProgress(
      doc,
      {
        format: 'roadmap-progress',
        version: 1,
        exportedAt: '',
        document: { title: null, path: null },
        items: { beta: { status: 'done', at: '2026-01-01T00:00:00Z' }, elsewhere: { status: 'done', at: '2026-01-01T00:00:00Z' } },
        log: [],
      },
      model,
    );
    expect(result.unknown).toEqual(['elsewhere']);
    expect(doc.items).toEqual({ beta: { status: 'done', at: '2026-01-01T00:00:00Z' } });
    expect(doc.log).toEqual([{ at: '2026-01-01T00:00:00Z', key: 'beta', from: 'todo', to: 'done' }]);
  });

  it.each([
    [[], 'not a JSON object'],
    [{ format: 'other' }, '"format" is not "roadmap-progress"'],
    [{ format: 'roadmap-progress', version: 2, items: {} }, 'unknown version 2'],
    [{ format: 'roadmap-progress', version: 1 }, 'no "items" object'],
    [{ format: 'roadmap-progress', version: 1, items: { a: { status: 'finished', at: '2026-01-01' } } }, 'item "a" is not a valid record'],
    [{ format: 'roadmap-progress', version: 1, items: { a: { status: 'done', at: 'yesterday' } } }, 'item "a" is not a valid record'],
    [{ format: 'roadmap-progress', version: 1, items: {}, log: [{ key: 'a' }] }, 'a "log" entry is not valid'],
  ])('rejects %j: %s', (data, reason) => {
    expect(checkProgressExport(data)).toBe(reason);
  });
});

describe('importing the ticks of an edited markdown copy', () => {
  it('matches by key: newly done, already done, unmatched, and done items left unticked', () => {
    const doc = emptyDocument();
    doc.items.delta = { status: 'done', at: '2026-01-01T00:00:00Z' };
    const statuses = itemStatuses(model, doc);
    const copy = parseRoadmap('# Plan\n\n## One\n\n- [x] Alpha\n- [ ] Beta\n- [x] Gamma\n- [ ] Delta\n- [x] Epsilon, added in the copy\n');
    const plan = planMarkdownImport(model, statuses, copy);
    expect(plan.newlyDone.map((i) => i.key)).toEqual(['alpha']);
    expect(plan.alreadyDone.map((i) => i.key)).toEqual(['gamma']);
    expect(plan.unmatched).toEqual(['Epsilon, added in the copy']);
    expect(plan.untickedHere.map((i) => i.key)).toEqual(['delta']);
    markDone(doc, plan.newlyDone, statuses, '2026-02-01T00:00:00Z');
    expect(doc.items.alpha).toEqual({ status: 'done', at: '2026-02-01T00:00:00Z' });
    expect(doc.log).toEqual([{ at: '2026-02-01T00:00:00Z', key: 'alpha', from: 'todo', to: 'done' }]);
  });
});
