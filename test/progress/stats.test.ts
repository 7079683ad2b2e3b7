import { describe, expect, it } from 'vitest';
import { countItems, itemStatuses, percentOf, roadmapProgress } from '../../src/progress/stats.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';

describe('percentOf', () => {
  it.each([
    [0, 10, 0, 0],
    [1, 3, 0, 33],
    [2, 3, 0, 67],
    [1, 200, 0, 1],
    [199, 200, 0, 99],
    [5, 10, 5, 100],
    [4, 10, 5, 80],
    [0, 3, 3, 100],
    [0, 0, 0, 0],
  ])('%i done of %i with %i skipped → %i %%', (done, total, skipped, expected) => {
    expect(percentOf(done, total, skipped)).toBe(expected);
  });
});

describe('progress', () => {
  const model = parseRoadmap('# T\n## A\n### S\n- [x] one\n- [ ] two\n## B\n- [ ] three\n- [ ] four\n');

  it('takes recorded statuses over the document, and [x] as done otherwise', () => {
    const statuses = itemStatuses(model, {
      items: { one: { status: 'todo', at: '2026-01-01T00:00:00Z' }, three: { status: 'skipped', at: '2026-01-01T00:00:00Z' } },
    });
    expect(statuses).toEqual(['todo', 'todo', 'skipped', 'todo']);
    expect(itemStatuses(model, { items: {} })).toEqual(['done', 'todo', 'todo', 'todo']);
  });

  it('counts per level and section', () => {
    const progress = roadmapProgress(model, ['done', 'doing', 'skipped', 'todo']);
    expect(progress).toMatchObject({ total: 4, done: 1, doing: 1, skipped: 1, percent: 33 });
    expect(progress.levels.map((l) => [l.title, l.total, l.done, l.percent])).toEqual([
      ['A', 2, 1, 50],
      ['B', 2, 0, 0],
    ]);
    expect(progress.levels[0]?.sections).toEqual([{ title: 'S', total: 2, done: 1, doing: 1, skipped: 0, percent: 50 }]);
    expect(countItems([], [])).toEqual({ total: 0, done: 0, doing: 0, skipped: 0, percent: 0 });
  });
});
