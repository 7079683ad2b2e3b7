import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/progress/days.js';
import { itemPlans, planRows, planTimeline, projectFinish } from '../../src/progress/plan.js';
import type { LogEntry } from '../../src/progress/state.js';
import { bundledModel, range, statusesOf } from '../helpers/guide.js';

const model = bundledModel();
const today = parseDay('2026-05-15') as number;
const rows = planRows(model);

describe('planTimeline', () => {
  it('150 days in: months 1-3 are over, 4-5 and 5-6 current, the ongoing row ongoing', () => {
    const timeline = planTimeline(rows, statusesOf(model, { done: range(1, 7) }), today - 150, today);
    expect(timeline.month).toBe(5);
    expect(timeline.rows.map((r) => r.state)).toEqual(['past', 'past', 'current', 'current', 'ongoing']);
    expect(timeline.rows[0]?.counts).toMatchObject({ total: 8, done: 7 });
    // Behind: item 9 (Mois 1-2), then Git, Docker and AWS (Mois 2-3).
    expect(timeline.behindIds).toEqual([9, ...range(13, 18), ...range(22, 28)]);
  });

  it('is on track when every past period is closed (skipped counts as closed)', () => {
    const timeline = planTimeline(rows, statusesOf(model, { done: range(1, 8), skipped: [9] }), today - 40, today);
    expect(timeline.rows.map((r) => r.state)).toEqual(['current', 'current', 'future', 'future', 'ongoing']);
    expect(timeline.behindIds).toEqual([]);
  });

  it('itemPlans: the earliest period an item is late for, or the current one it is in', () => {
    const statuses = statusesOf(model, { done: range(1, 15) });
    const plans = itemPlans(planTimeline(rows, statuses, today - 75, today), statuses);
    expect(plans[15]).toEqual({ behind: null, now: 'Mois 2-3' }); // item 16, Docker
    expect(plans[18]).toEqual({ behind: null, now: null }); // item 19, Kubernetes: later
    expect(plans[46]).toEqual({ behind: null, now: 'En continu' }); // item 47, certification
    const late = itemPlans(planTimeline(rows, statusesOf(model), today - 150, today), statusesOf(model));
    expect(late[8]).toEqual({ behind: 'Mois 1-2', now: null });
  });
});

describe('projectFinish', () => {
  const keyOf = (id: number) => model.items[id - 1]?.key as string;
  const done = (id: number, day: string): LogEntry => ({ at: `${day}T10:00:00.000Z`, key: keyOf(id), from: 'todo', to: 'done' });

  it('needs a week of history', () => {
    expect(projectFinish(model, statusesOf(model, { done: [1] }), [done(1, '2026-05-12')], today)).toEqual({ kind: 'no-history' });
    expect(projectFinish(model, statusesOf(model), [], today)).toEqual({ kind: 'no-history' });
  });

  it('projects from the items done in the last 4 weeks', () => {
    const log = [done(1, '2026-03-01'), done(2, '2026-04-20'), done(3, '2026-05-01'), done(4, '2026-05-14')];
    const projection = projectFinish(model, statusesOf(model, { done: [1, 2, 3, 4] }), log, today);
    // 3 items in 28 days, 48 left: 448 days.
    expect(projection).toMatchObject({ kind: 'pace', done: 3, days: 28, remaining: 48 });
    expect(projection.kind === 'pace' && formatDay(projection.finishDay)).toBe(formatDay(today + 448));
  });

  it('does not count an item done and then undone', () => {
    const log: LogEntry[] = [done(1, '2026-04-01'), done(2, '2026-05-10'), { ...done(2, '2026-05-11'), from: 'done', to: 'todo' }];
    expect(projectFinish(model, statusesOf(model, { done: [1] }), log, today)).toEqual({ kind: 'stalled', days: 28, remaining: 51 });
  });

  it('says when everything is finished', () => {
    expect(projectFinish(model, statusesOf(model, { done: range(1, 50), skipped: [51, 52] }), [], today)).toEqual({ kind: 'finished' });
  });
});
