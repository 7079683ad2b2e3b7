import type { DocumentState } from '../progress/state.js';
import type { Planning } from '../roadmap/model.js';

/** The document's planning as a timeline: the date the learner started and the row of the current month. */
export interface Timeline {
  planning: Planning;
  /** ISO date-time of the first recorded change, or null when nothing was recorded yet. */
  startedAt: string | null;
  /** Index of the row whose months ("Mois 2-3", "Month 4") hold the current month since the start, or null. */
  current: number | null;
}

const MONTHS = /(\d+)\s*(?:[-\u2013\u2014\u00e0]|to)\s*(\d+)|(\d+)/u;
const DAYS_PER_MONTH = 30.44;

/** Where the learner stands in the document's planning, counted from their first recorded change. */
export function planTimeline(planning: Planning, doc: DocumentState, now: Date): Timeline {
  const dates = [...(doc.log ?? []).map((entry) => entry.at), ...Object.values(doc.items).map((record) => record.at)]
    .filter((at) => !Number.isNaN(Date.parse(at)))
    .sort();
  const startedAt = dates[0] ?? null;
  let current: number | null = null;
  if (startedAt) {
    const month = Math.floor((now.getTime() - Date.parse(startedAt)) / (DAYS_PER_MONTH * 86_400_000)) + 1;
    const index = planning.rows.findIndex((row) => {
      const match = MONTHS.exec(row.period);
      if (!match) return false;
      const from = Number(match[1] ?? match[3]);
      const to = Number(match[2] ?? match[3]);
      return month >= from && month <= to;
    });
    current = index >= 0 ? index : null;
  }
  return { planning, startedAt, current };
}
