import { formatDay } from '../progress/days.js';
import type { HistoryEntry, WeeklyRecap } from '../progress/history.js';
import type { Suggestion } from '../progress/next.js';
import type { Projection, Timeline } from '../progress/plan.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import type { Track } from '../roadmap/tracks.js';
import { itemJson } from './json.js';
import type { Messages } from './messages.js';
import { reasonsOf } from './render-next.js';
import { rowMark } from './render-plan.js';

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * `next --json`: `{ suggestions: [ { id, key, text, level, section, score, reasons, track } ] }` in
 * display order (now, parallel, ongoing), plus each suggestion's `status` and score `terms`.
 */
export function nextJson(
  model: Roadmap,
  suggestions: ReadonlyArray<Suggestion & { track: Track }>,
  statuses: readonly ItemStatus[],
  t: Messages,
) {
  return {
    suggestions: suggestions.map((s) => {
      const { id, key, text, level, section } = itemJson(model, s.facts.id, statuses[s.facts.id - 1] ?? 'todo');
      return {
        id,
        key,
        text,
        level,
        section,
        score: round(s.score),
        reasons: reasonsOf(s, t),
        track: s.track,
        status: statuses[s.facts.id - 1] ?? 'todo',
        terms: s.terms.map((term) => ({ ...term, factor: round(term.factor), points: round(term.points) })),
      };
    }),
  };
}

/** `plan --json`: the start, today, each period with its days, mapping and progress, behind, projection. */
export function planJson(model: Roadmap, timeline: Timeline, projection: Projection) {
  return {
    title: model.planning?.title ?? null,
    start: formatDay(timeline.startDay),
    today: formatDay(timeline.today),
    month: timeline.month,
    onTrack: timeline.behindIds.length === 0,
    behind: timeline.behindIds.length,
    behindIds: timeline.behindIds,
    periods: timeline.rows.map((row) => ({
      period: row.period,
      focus: row.focus,
      span: row.span,
      first: row.window ? formatDay(row.window.start) : null,
      last: row.window ? formatDay(row.window.end - 1) : null,
      state: row.state,
      mark: rowMark(row),
      total: row.counts.total,
      done: row.counts.done,
      skipped: row.counts.skipped,
      itemIds: row.mapping.itemIds,
      terms: row.mapping.terms.map((term) => ({
        text: term.text,
        targets: term.targets.map((target) =>
          target.kind === 'item'
            ? { kind: 'item', id: target.id }
            : {
                kind: 'section',
                level: model.levels[target.level]?.number ?? null,
                title: model.levels[target.level]?.sections[target.section]?.title ?? null,
              },
        ),
        unmatched: term.unmatched,
      })),
      unmatched: row.mapping.unmatched,
    })),
    projection:
      projection.kind === 'pace'
        ? {
            kind: projection.kind,
            done: projection.done,
            days: projection.days,
            remaining: projection.remaining,
            finish: formatDay(projection.finishDay),
          }
        : projection,
  };
}

/** `log --json`: the changes newest first, items done per week (oldest first) and the streak. */
export function logJson(entries: readonly HistoryEntry[], recap: WeeklyRecap) {
  return {
    entries: entries.map((e) => ({ at: e.at, id: e.id, key: e.key, text: e.text, from: e.from, to: e.to })),
    weeks: recap.weeks.map((w) => ({ start: formatDay(w.start), done: w.done })),
    streak: recap.streak,
  };
}
