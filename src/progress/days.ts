/**
 * Calendar days as integers (days since 1970-01-01), so plan and history arithmetic never meets time
 * zones or daylight saving: an instant is first turned into the local calendar day it falls on.
 */

const DAY_MS = 86_400_000;

/** The local calendar day an instant falls on. */
export function dayOf(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** A strict `YYYY-MM-DD` date as a day number, or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / DAY_MS);
}

/** The day of an ISO date-time as recorded in the state (local calendar day), or null when unreadable. */
export function dayOfIso(iso: string): number | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dayOf(date);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same day of the month, `months` later; clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), last)) / DAY_MS);
}

/** The Monday that starts the (ISO) week of a day. */
export function weekStart(day: number): number {
  // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (day + 3) mod 7.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** Local `YYYY-MM-DD HH:MM` of an ISO date-time (the text as given when unreadable). */
export function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(dayOf(date))} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** The first day `--since` asks for, or null when the value is not understood. */
export function parseSince(value: string, today: number): number | null {
  const relative = /^(\d+)\s*([dw])$/i.exec(value.trim());
  if (relative) return today - Number(relative[1]) * (relative[2]?.toLowerCase() === 'w' ? 7 : 1);
  return parseDay(value) ?? (/^\d{4}-\d{2}-\d{2}T/.test(value.trim()) ? dayOfIso(value.trim()) : null);
}
