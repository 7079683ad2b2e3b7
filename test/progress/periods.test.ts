import { describe, expect, it } from 'vitest';
import { addMonths, dayOf, formatDay, parseDay, parseSince, weekStart } from '../../src/progress/days.js';
import { parsePeriod, periodState, periodWindow, planMonth } from '../../src/progress/periods.js';

const d = (text: string) => parseDay(text) as number;

describe('parsePeriod', () => {
  it.each([
    ['Mois 1-2', { kind: 'range', unit: 'month', from: 1, to: 2 }],
    ['Mois 4-5', { kind: 'range', unit: 'month', from: 4, to: 5 }],
    ['Month 3', { kind: 'range', unit: 'month', from: 3, to: 3 }],
    ['Months 2–4', { kind: 'range', unit: 'month', from: 2, to: 4 }],
    ['mois 6 à 9', { kind: 'range', unit: 'month', from: 6, to: 9 }],
    ['Weeks 1-4', { kind: 'range', unit: 'week', from: 1, to: 4 }],
    ['Semaine 5', { kind: 'range', unit: 'week', from: 5, to: 5 }],
    ['En continu', { kind: 'ongoing' }],
    ['Ongoing', { kind: 'ongoing' }],
    ['Throughout', { kind: 'ongoing' }],
    ['Later', { kind: 'unknown' }],
    ['Mois 3-1', { kind: 'unknown' }],
    ['1-2', { kind: 'unknown' }],
  ])('%s', (text, span) => {
    expect(parsePeriod(text)).toEqual(span);
  });
});

describe('days', () => {
  it('parses only real YYYY-MM-DD days', () => {
    expect(formatDay(d('2026-02-28'))).toBe('2026-02-28');
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 'today']) expect(parseDay(bad)).toBeNull();
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(formatDay(addMonths(d('2026-01-15'), 1))).toBe('2026-02-15');
    expect(formatDay(addMonths(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatDay(addMonths(d('2025-12-16'), 5))).toBe('2026-05-16');
  });

  it('starts weeks on Monday', () => {
    expect(formatDay(weekStart(d('2026-05-15')))).toBe('2026-05-11');
    expect(formatDay(weekStart(d('2026-05-11')))).toBe('2026-05-11');
    expect(formatDay(weekStart(d('2026-05-17')))).toBe('2026-05-11');
  });

  it('takes the local calendar day of an instant', () => {
    expect(formatDay(dayOf(new Date(2026, 4, 15, 23, 59)))).toBe('2026-05-15');
  });

  it('reads --since as a day, a date-time or a duration back from today', () => {
    const today = d('2026-05-15');
    expect(parseSince('2026-05-01', today)).toBe(d('2026-05-01'));
    expect(parseSince('7d', today)).toBe(d('2026-05-08'));
    expect(parseSince('2w', today)).toBe(d('2026-05-01'));
    expect(parseSince('yesterday', today)).toBeNull();
  });
});

describe('period windows', () => {
  const start = d('2026-03-01');

  it('places months and weeks from the start day', () => {
    expect(periodWindow(parsePeriod('Mois 2-3'), start)).toEqual({ start: d('2026-04-01'), end: d('2026-06-01') });
    expect(periodWindow(parsePeriod('Weeks 1-4'), start)).toEqual({ start, end: start + 28 });
    expect(periodWindow(parsePeriod('En continu'), start)).toBeNull();
  });

  it.each([
    ['Mois 1-2', '2026-05-15', 'past'],
    ['Mois 2-3', '2026-05-15', 'current'],
    ['Mois 4-5', '2026-05-15', 'future'],
    ['Mois 2-3', '2026-06-01', 'past'],
    ['Mois 1-2', '2026-03-01', 'current'],
    ['En continu', '2026-05-15', 'ongoing'],
    ['Later', '2026-05-15', 'unknown'],
  ])('%s on %s is %s', (period, today, state) => {
    const span = parsePeriod(period);
    expect(periodState(span, periodWindow(span, start), d(today))).toBe(state);
  });

  it('counts the plan month: 75 days in is month 3, 150 days in month 5', () => {
    const today = d('2026-05-15');
    expect(planMonth(today - 75, today)).toBe(3);
    expect(planMonth(today - 150, today)).toBe(5);
    expect(planMonth(today, today)).toBe(1);
    expect(planMonth(today + 1, today)).toBe(0);
  });
});
