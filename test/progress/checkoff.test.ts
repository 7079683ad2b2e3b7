import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkoffRule, checkoffTargets, itemGroups, matchGroups } from '../../src/progress/checkoff.js';
import type { ItemStatus } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { ROOT } from '../helpers/context.js';

const model = parseRoadmap(readFileSync(join(ROOT, 'test', 'fixtures', 'level-without-sections.md'), 'utf8'));
// Items: 1 One, 2 Two (First section), 3 Three (Last section), 4-5 Extra one/two (level "Extras", no section).
const statuses: ItemStatus[] = ['done', 'todo', 'doing', 'skipped', 'todo'];

describe('itemGroups', () => {
  it('groups by section, and a level’s own items together', () => {
    expect(itemGroups(model, [1, 2, 3, 4, 5]).map((g) => [g.level, g.section, g.ids])).toEqual([
      [0, 0, [1, 2]],
      [0, 1, [3]],
      [1, null, [4, 5]],
    ]);
    expect(itemGroups(model, [3, 5]).map((g) => g.ids)).toEqual([[3], [5]]);
  });
});

describe('checkoffTargets', () => {
  it.each([
    ['done', [1, 2], [{ id: 2, to: 'done' }]],
    ['done', [], [{ id: 1, to: 'todo' }]],
    [
      'done',
      [3],
      [
        { id: 1, to: 'todo' },
        { id: 3, to: 'done' },
      ],
    ],
    ['doing', [3], []],
    ['doing', [], [{ id: 3, to: 'todo' }]],
    ['skipped', [4, 5], [{ id: 5, to: 'skipped' }]],
    [
      'todo',
      [1, 4],
      [
        { id: 1, to: 'todo' },
        { id: 4, to: 'todo' },
      ],
    ],
  ] as const)('to %s with %j ticked → %j', (to, ticked, targets) => {
    expect(checkoffTargets([1, 2, 3, 4, 5], statuses, new Set(ticked), to)).toEqual(targets);
  });

  it('uncheck offers only items that are not to do, none ticked', () => {
    const rule = checkoffRule('todo');
    expect(statuses.map((s) => rule.offered(s))).toEqual([true, false, true, true, false]);
    expect(statuses.some((s) => rule.ticked(s))).toBe(false);
  });
});

describe('matchGroups', () => {
  const groups = itemGroups(model, [1, 2, 3, 4, 5]);
  it.each([
    ['', 3],
    ['last', 1],
    ['EXTRA', 1],
    ['two', 2], // "Two" in the first section, "Extra two" in Extras
    ['nothing here', 0],
  ])('%j → %i groups', (term, count) => {
    expect(matchGroups(model, groups, term)).toHaveLength(count);
  });
  it('counts the matching items', () => {
    expect(matchGroups(model, groups, 'extra')[0]?.matching).toBe(2);
  });
});
