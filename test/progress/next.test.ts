import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, formatDay, parseDay } from '../../src/progress/days.js';
import { HINT_MARGIN, hasPriorityLevels, NEXT_SHOWN, type PlanStart, rankInput, urgentHint } from '../../src/progress/guide.js';
import {
  candidateFacts,
  type ItemFacts,
  nextSuggestions,
  rankItems,
  SCORE_TERMS,
  type Suggestion,
  scoreItem,
  suggestionList,
} from '../../src/progress/next.js';
import type { ItemStatus } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES } from '../helpers/context.js';
import { bundledModel, range, statusesOf } from '../helpers/guide.js';

const model = bundledModel();
const NOW = new Date('2026-05-15T09:00:00Z');
const startedDaysAgo = (days: number) => ({ start: formatDay(dayOf(NOW) - days) });
const ids = (list: ReadonlyArray<{ facts: { id: number } }>) => list.map((s) => s.facts.id);

const facts = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  id: 1,
  track: 'now',
  level: 1,
  priority: 1,
  levelStep: 0.25,
  ranked: true,
  emphasis: null,
  doing: false,
  behind: null,
  planNow: null,
  section: null,
  order: 1,
  ...over,
});
const points = (f: ItemFacts, name: string) => scoreItem(f).terms.find((t) => t.name === name)?.points;

describe('the score terms', () => {
  it('is one table of named terms with coefficients, summed', () => {
    expect(SCORE_TERMS.map((t) => t.name)).toEqual(['doing', 'behind', 'priority', 'plan', 'emphasis', 'momentum', 'order']);
    const s = scoreItem(facts({ doing: true, behind: 'Mois 1-2', section: { title: 'Git', closed: 2, total: 3, remaining: 1 } }));
    expect(s.score).toBeCloseTo(s.terms.reduce((sum, t) => sum + t.coefficient * t.factor, 0));
  });

  it.each([
    ['doing', facts({ doing: true }), 10],
    ['behind', facts({ behind: 'Mois 1-2' }), 5],
    ['priority', facts({ priority: 0.75 }), 6],
    ['plan', facts({ planNow: 'Mois 2-3' }), 3],
    ['emphasis', facts({ emphasis: { value: 'raised', words: 'priorité absolue' } }), 1.8],
    ['emphasis', facts({ emphasis: { value: 'lowered', words: 'bonus' } }), -1.8],
    ['emphasis', facts({ emphasis: { value: 'Medium', words: 'Medium' } }), 0],
    ['momentum', facts({ section: { title: 'Git', closed: 2, total: 3, remaining: 1 } }), 2],
    ['order', facts({ order: 0.5 }), 0.25],
  ])('%s', (name, f, expected) => {
    expect(points(f, name)).toBeCloseTo(expected);
    expect(points(facts({ priority: 0, order: 0 }), name)).toBe(0);
  });

  it('never lets the order tie-break outweigh one level of priority', () => {
    expect(scoreItem(facts({ priority: 0.75, order: 1 })).score).toBeLessThan(scoreItem(facts({ priority: 1, order: 0 })).score);
  });
});

describe('next on the bundled roadmap (acceptance scenarios)', () => {
  it('1. fresh state, no plan: item 1 first, level 1 now, level 3 in parallel, level 4 ongoing', () => {
    const next = nextSuggestions(rankInput(model, statusesOf(model), undefined, NOW), 3);
    expect(ids(next.now)).toEqual([1, 2, 3]);
    expect(next.now.every((s) => s.facts.level === 1)).toBe(true);
    expect(next.parallel?.facts).toMatchObject({ level: 3, track: 'parallel' });
    expect(next.ongoing?.facts).toMatchObject({ level: 4, track: 'ongoing' });
    expect(suggestionList(next).map((s) => s.track)).toEqual(['now', 'now', 'now', 'parallel', 'ongoing']);
  });

  it('2. an item in progress comes first', () => {
    const next = nextSuggestions(rankInput(model, statusesOf(model, { doing: [10] }), undefined, NOW), 3);
    expect(next.now[0]?.facts).toMatchObject({ id: 10, doing: true });
  });

  it('3. with 13 and 14 done, 15 (finishes Git) ranks above 1', () => {
    const ranked = ids(rankItems(rankInput(model, statusesOf(model, { done: [13, 14] }), undefined, NOW)));
    expect(ranked[0]).toBe(15);
    expect(ranked.indexOf(15)).toBeLessThan(ranked.indexOf(1));
  });

  it('4. level 1 done, plan started 75 days ago: now = Docker and AWS items only (IAM, "c\'est crucial", first)', () => {
    const input = rankInput(model, statusesOf(model, { done: range(1, 15) }), startedDaysAgo(75), NOW);
    const next = nextSuggestions(input, 10);
    expect(ids(next.now)).toEqual([25, 16, 17, 18, 22, 23, 24, 26, 27, 28]);
    expect(next.now.every((s) => s.facts.planNow === 'Mois 2-3')).toBe(true);
  });

  it('5. plan started 150 days ago, items 1-7 done: a past-period level-1 item first, behind', () => {
    const input = rankInput(model, statusesOf(model, { done: range(1, 7) }), startedDaysAgo(150), NOW);
    const next = nextSuggestions(input, 4);
    expect(ids(next.now)).toEqual([9, 13, 14, 15]);
    expect(next.now[0]?.facts).toMatchObject({ level: 1, behind: 'Mois 1-2' });
    expect(next.now[1]?.facts.behind).toBe('Mois 2-3');
  });

  it('6. everything done or skipped: no suggestion', () => {
    const next = nextSuggestions(rankInput(model, statusesOf(model, { done: range(1, 40), skipped: range(41, 52) }), undefined, NOW), 3);
    expect(next).toMatchObject({ now: [], parallel: null, ongoing: null, remaining: 0 });
  });

  it('never suggests done or skipped items', () => {
    const ranked = ids(rankItems(rankInput(model, statusesOf(model, { done: [1, 2], skipped: [3, 34] }), undefined, NOW)));
    expect(ranked).toHaveLength(48);
    for (const id of [1, 2, 3, 34]) expect(ranked).not.toContain(id);
  });

  it('honours --count on the main track only', () => {
    const next = nextSuggestions(rankInput(model, statusesOf(model), undefined, NOW), 1);
    expect(suggestionList(next)).toHaveLength(3);
  });

  it('a plan start in the future gives no plan terms, and an unreadable one none either', () => {
    const future = rankInput(model, statusesOf(model), { start: '2027-01-01' }, NOW);
    expect(future.plans?.every((p) => p.behind === null && (p.now === null || p.now === 'En continu'))).toBe(true);
    expect(rankInput(model, statusesOf(model), { start: 'soon' }, NOW).plans).toBeNull();
  });

  it('once the main track is done, one ranked list of what is left', () => {
    const next = nextSuggestions(rankInput(model, statusesOf(model, { done: range(1, 33) }), undefined, NOW), 3);
    expect(next.tracked).toBe(false);
    expect(ids(next.now)).toEqual([34, 35, 36]);
  });
});

describe('nextSuggestions ranks by score alone, then gives the shown suggestions their terms', () => {
  it.each([0, 1, 2, 3, 5, 8, 13, 21, 34, 51])('shows what rankItems ranks first, with %i items closed', (closed) => {
    const statuses = statusesOf(model, {
      done: model.items.filter((item) => ((item.id - 1) * 7) % model.items.length < closed).map((item) => item.id),
      doing: model.items.filter((item) => item.id % 11 === 3).map((item) => item.id),
    });
    for (const start of [undefined, startedDaysAgo(75), startedDaysAgo(150)]) {
      const input = rankInput(model, statuses, start, NOW);
      const ranked = rankItems(input);
      const next = nextSuggestions(input, 3);
      expect(next.remaining).toBe(ranked.length);
      const main = ranked.filter((s) => s.facts.track === 'now');
      if (next.tracked) {
        expect(next.now).toEqual(main.slice(0, 3));
        expect(next.parallel).toEqual(ranked.find((s) => s.facts.track === 'parallel') ?? null);
        expect(next.ongoing).toEqual(ranked.find((s) => s.facts.track === 'ongoing') ?? null);
      } else {
        expect(next.now).toEqual(ranked.slice(0, 3));
      }
    }
  });
});

describe('a document without track notes', () => {
  it('gets one ranked list, in document order when nothing else differs', () => {
    const cui = parseRoadmap(readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8'));
    const next = nextSuggestions({ model: cui, statuses: statusesOf(cui), plans: null }, 3);
    expect(next).toMatchObject({ tracked: false, parallel: null, ongoing: null });
    expect(ids(next.now)).toEqual([1, 2, 3]);
  });
});

describe('urgentHint', () => {
  it('names a more urgent item after starting a lower-priority one', () => {
    const hint = urgentHint(model, statusesOf(model, { doing: [20] }), [20], NOW, undefined);
    expect(hint).toMatchObject({ changedId: 20, better: { facts: { id: 1 } } });
  });

  it('stays quiet when the changed item was the right one (or only beaten by document order)', () => {
    expect(urgentHint(model, statusesOf(model, { done: [1] }), [1], NOW, undefined)).toBeNull();
    expect(urgentHint(model, statusesOf(model, { doing: [2] }), [2], NOW, undefined)).toBeNull();
    expect(urgentHint(model, statusesOf(model, { done: [13] }), [13], NOW, undefined)).toBeNull();
  });

  it('compares within the changed item’s track: parallel work is not nagged about level 1', () => {
    expect(urgentHint(model, statusesOf(model, { done: [34] }), [34], NOW, undefined)).toBeNull();
  });

  it('points at an item the plan is behind on', () => {
    const hint = urgentHint(model, statusesOf(model, { done: [...range(1, 7), 8] }), [8], NOW, startedDaysAgo(150));
    expect(hint?.better.facts).toMatchObject({ id: 9, behind: 'Mois 1-2' });
    expect(hint && hint.better.score - 0.5 >= HINT_MARGIN).toBe(true);
  });

  it('is what scoring every candidate with its terms and sorting gives (random progress, plans and changes)', () => {
    // The definition, written plainly: urgentHint adds scores up without their terms.
    const reference = (statuses: ItemStatus[], changedIds: number[], plan: PlanStart | undefined) => {
      const changed = new Set(changedIds);
      const asTodo = statuses.map((status, index) => (changed.has(index + 1) ? 'todo' : status));
      const input = rankInput(model, asTodo, plan, NOW);
      // Doing what `next` suggested is never second-guessed.
      if (suggestionList(nextSuggestions(input, NEXT_SHOWN)).some((s) => changed.has(s.facts.id))) return null;
      const all = candidateFacts(input).map(scoreItem);
      const without = (s: Suggestion) => s.score - (s.terms.find((t) => t.name === 'order')?.points ?? 0);
      const mine = all.filter((s) => changed.has(s.facts.id)).sort((a, b) => without(b) - without(a))[0];
      if (!mine) return null;
      const better = all
        .filter((s) => !changed.has(s.facts.id) && statuses[s.facts.id - 1] === 'todo' && s.facts.track === mine.facts.track)
        .sort((a, b) => b.score - a.score || a.facts.id - b.facts.id)[0];
      if (!better || without(better) < without(mine) + HINT_MARGIN) return null;
      return { changedId: mine.facts.id, better };
    };
    const status = fc.constantFrom<ItemStatus>('todo', 'todo', 'doing', 'done', 'skipped');
    const n = model.items.length;
    fc.assert(
      fc.property(
        fc.array(status, { minLength: n, maxLength: n }),
        fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        (statuses, changedIds, daysAgo) => {
          const plan = daysAgo === undefined ? undefined : startedDaysAgo(daysAgo);
          for (const id of changedIds) statuses[id - 1] = 'done';
          expect(urgentHint(model, statuses, changedIds, NOW, plan)).toEqual(reference(statuses, changedIds, plan));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ignores unknown ids', () => {
    expect(urgentHint(model, statusesOf(model), [0, 99], NOW, undefined)).toBeNull();
  });

  it('never after doing what `next` suggested', () => {
    // Level 1 items 1-3 are what `next` shows first; 3 is beaten by 1 by more than the tie-break but was suggested.
    const next = nextSuggestions(rankInput(model, statusesOf(model), undefined, NOW), NEXT_SHOWN);
    const suggested = suggestionList(next).map((s) => s.facts.id);
    for (const id of suggested) expect(urgentHint(model, statusesOf(model, { done: [id] }), [id], NOW, undefined)).toBeNull();
  });

  it('never names an item already in progress', () => {
    expect(urgentHint(model, statusesOf(model, { doing: [1], done: [20] }), [20], NOW, undefined)?.better.facts.id).not.toBe(1);
    const allLevel1Doing = model.levels[0]?.itemIds ?? [];
    const hint = urgentHint(model, statusesOf(model, { doing: allLevel1Doing, done: [20] }), [20], NOW, undefined);
    if (hint) expect(allLevel1Doing).not.toContain(hint.better.facts.id);
  });

  it('stays quiet on a document without priority levels', () => {
    const cui = parseRoadmap(readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8'));
    expect(hasPriorityLevels(cui)).toBe(false);
    expect(hasPriorityLevels(model)).toBe(true);
    const last = cui.items.length;
    expect(urgentHint(cui, statusesOf(cui, { done: [last] }), [last], NOW, undefined)).toBeNull();
  });
});

describe('the plan start day', () => {
  it('is a calendar day in the state', () => {
    expect(parseDay(startedDaysAgo(75).start)).toBe(dayOf(NOW) - 75);
  });
});
