import { fold } from '../roadmap/select.js';
import { addMonths } from './days.js';

/** A planning period as written ("Mois 1-2", "Month 3", "Weeks 1-4", "En continu"). */
export type PeriodSpan = { kind: 'range'; unit: 'month' | 'week'; from: number; to: number } | { kind: 'ongoing' } | { kind: 'unknown' };

const MONTH = /\b(?:mois|months?|mo|m)\b/;
const WEEK = /\b(?:semaines?|sem|weeks?|wk|w|s)\b/;
const RANGE = /(\d+)(?:\s*(?:-|\u2013|\u2014|a|au|to|through|until|jusqu'?a)\s*(\d+))?/;
const ONGOING =
  /\b(?:en continu|continu|continuous(?:ly)?|ongoing|throughout|all along|tout au long|toujours|always|en permanence|permanent)\b/;

/** Reads a period of the planning table, in French or English. */
export function parsePeriod(text: string): PeriodSpan {
  const folded = fold(text);
  if (ONGOING.test(folded)) return { kind: 'ongoing' };
  const range = RANGE.exec(folded);
  if (!range) return { kind: 'unknown' };
  const from = Number(range[1]);
  const to = range[2] === undefined ? from : Number(range[2]);
  if (from < 1 || to < from) return { kind: 'unknown' };
  const unit = MONTH.test(folded) ? 'month' : WEEK.test(folded) ? 'week' : null;
  return unit ? { kind: 'range', unit, from, to } : { kind: 'unknown' };
}

/** Days a dated period covers, counted from the plan's start day: [start, end). */
export interface PeriodWindow {
  start: number;
  /** First day after the period. */
  end: number;
}

/** The days of a period when the plan started on `startDay`; null for ongoing or unreadable periods. */
export function periodWindow(span: PeriodSpan, startDay: number): PeriodWindow | null {
  if (span.kind !== 'range') return null;
  if (span.unit === 'week') return { start: startDay + 7 * (span.from - 1), end: startDay + 7 * span.to };
  return { start: addMonths(startDay, span.from - 1), end: addMonths(startDay, span.to) };
}

export type PeriodState = 'past' | 'current' | 'future' | 'ongoing' | 'unknown';

/** Where `today` stands relative to a period. */
export function periodState(span: PeriodSpan, window: PeriodWindow | null, today: number): PeriodState {
  if (span.kind === 'ongoing') return 'ongoing';
  if (!window) return 'unknown';
  if (today >= window.end) return 'past';
  return today >= window.start ? 'current' : 'future';
}

/** The 1-based month of the plan `today` falls in (month 1 starts on the start day). */
export function planMonth(startDay: number, today: number): number {
  if (today < startDay) return 0;
  let month = 1;
  while (addMonths(startDay, month) <= today) month++;
  return month;
}
