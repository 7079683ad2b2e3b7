import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/progress/days.js';
import { history, logEntries, weeklyRecap } from '../../src/progress/history.js';
import type { DocumentState, LogEntry } from '../../src/progress/state.js';
import { bundledModel } from '../helpers/guide.js';

const model = bundledModel();
const keyOf = (id: number) => model.items[id - 1]?.key as string;
const entry = (id: number, at: string, to: LogEntry['to'] = 'done', from: LogEntry['from'] = 'todo'): LogEntry => ({
  at,
  key: keyOf(id),
  from,
  to,
});
const today = parseDay('2026-05-15') as number; // a Friday

describe('history', () => {
  const log = [
    entry(1, '2026-04-01T08:00:00Z', 'doing'),
    entry(1, '2026-04-02T08:00:00Z', 'done', 'doing'),
    { at: '2026-04-03T08:00:00Z', key: 'gone-from-the-document', from: 'todo', to: 'done' } as LogEntry,
    entry(9, '2026-05-14T18:30:00Z'),
  ];

  it('lists changes newest first, joined to the document', () => {
    expect(history(model, log).map((e) => [e.id, e.to])).toEqual([
      [9, 'done'],
      [null, 'done'],
      [1, 'done'],
      [1, 'doing'],
    ]);
    expect(history(model, log)[0]?.text).toBe('PostgreSQL en particulier (le plus utilisé en prod)');
  });

  it('keeps changes from the --since day on', () => {
    expect(history(model, log, parseDay('2026-04-02') as number).map((e) => e.at)).toEqual([
      '2026-05-14T18:30:00Z',
      '2026-04-03T08:00:00Z',
      '2026-04-02T08:00:00Z',
    ]);
  });

  it('drops malformed entries of a hand-edited file', () => {
    const doc = {
      items: {},
      log: [...log, { at: 'never', key: 'x', from: 'todo', to: 'done' }, null, { key: 3 }],
    } as unknown as DocumentState;
    expect(logEntries(doc)).toHaveLength(4);
    expect(logEntries({ items: {} })).toEqual([]);
  });
});

describe('weeklyRecap', () => {
  it('counts distinct items done per week over 8 weeks, oldest first', () => {
    const log = [
      entry(1, '2026-05-11T09:00:00Z'),
      entry(2, '2026-05-12T09:00:00Z'),
      entry(2, '2026-05-13T09:00:00Z', 'done', 'todo'),
      entry(3, '2026-05-13T09:00:00Z', 'doing'),
      entry(4, '2026-05-08T09:00:00Z'),
      entry(5, '2026-03-01T09:00:00Z'), // older than the 8 weeks
    ];
    const recap = weeklyRecap(log, today);
    expect(recap.weeks).toHaveLength(8);
    expect(formatDay(recap.weeks[0]?.start as number)).toBe('2026-03-23');
    expect(formatDay(recap.weeks[7]?.start as number)).toBe('2026-05-11');
    expect(recap.weeks.map((w) => w.done)).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
    expect(recap.streak).toBe(2);
  });

  it('does not break the streak for a week still under way, but does for a missed week', () => {
    const lastTwo = [entry(1, '2026-05-04T09:00:00Z'), entry(2, '2026-04-27T09:00:00Z'), entry(3, '2026-04-13T09:00:00Z')];
    expect(weeklyRecap(lastTwo, today).streak).toBe(2);
    expect(weeklyRecap([entry(1, '2026-04-27T09:00:00Z')], today).streak).toBe(0);
    expect(weeklyRecap([], today)).toMatchObject({ streak: 0 });
  });
});
