import { formatDay } from '../progress/days.js';
import { targetItemIds } from '../progress/focus.js';
import type { Projection, Timeline, TimelineRow } from '../progress/plan.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { largest } from '../roadmap/numbers.js';
import type { Messages } from './messages.js';
import type { RenderOptions } from './render-status.js';
import { levelPaint, progressBar, statusMark } from './style.js';
import { padEnd, padStart, sanitize, truncate, width, wrap } from './text.js';

export interface PlanRenderOptions extends RenderOptions {
  /** Wrap long lines (a terminal); otherwise one line each. */
  wrap: boolean;
}

export type RowMark = 'done' | 'behind' | 'now' | 'later' | 'ongoing' | 'unknown';

/** How a row is shown: a period over with everything closed is done, with items left it is behind. */
export function rowMark(row: TimelineRow): RowMark {
  if (row.state === 'past') return row.counts.done + row.counts.skipped === row.counts.total ? 'done' : 'behind';
  if (row.state === 'current') return 'now';
  if (row.state === 'future') return 'later';
  return row.state;
}

const SYMBOL: Record<RowMark, string> = { done: '✔', behind: '!', now: '▶', later: ' ', ongoing: '∞', unknown: '?' };

/** The days a row covers, first and last inclusive. */
function daysOf(row: TimelineRow): string {
  return row.window ? `${formatDay(row.window.start)} → ${formatDay(row.window.end - 1)}` : '';
}

/** What a row's focus maps to: sections with their counts, items with their mark. */
function targetsText(model: Roadmap, row: TimelineRow, statuses: readonly ItemStatus[], options: PlanRenderOptions): string {
  const { chalk, t } = options;
  const parts: string[] = [];
  for (const term of row.mapping.terms) {
    for (const target of term.targets) {
      if (target.kind === 'section') {
        const level = model.levels[target.level];
        const section = level?.sections[target.section];
        if (!level || !section) continue;
        const ids = targetItemIds(model, target);
        const done = ids.filter((id) => statuses[id - 1] === 'done').length;
        parts.push(`${levelPaint(chalk, level.color)(sanitize(section.title))} ${chalk.dim(`${done}/${ids.length}`)}`);
      } else {
        const item = model.items[target.id - 1];
        if (!item) continue;
        parts.push(`${t.plan.item(item.id)} ${statusMark(chalk, statuses[item.id - 1] ?? 'todo')} ${truncate(sanitize(item.text), 40)}`);
      }
    }
  }
  return parts.length ? `→ ${parts.join(' · ')}` : chalk.yellow(`→ ${t.plan.nothingMatched}`);
}

/** The `plan` view: the planning table as a timeline, then on track / behind, then the projected finish. */
export function renderPlan(
  model: Roadmap,
  timeline: Timeline,
  statuses: readonly ItemStatus[],
  projection: Projection,
  options: PlanRenderOptions,
): string {
  const { chalk, t } = options;
  const start = formatDay(timeline.startDay);
  const today = formatDay(timeline.today);
  const lines = [
    chalk.bold(sanitize(model.planning?.title ?? t.plan.title)),
    timeline.month > 0 ? t.plan.started(start, today, timeline.month) : t.plan.notStarted(start, today),
    '',
  ];
  const periodWidth = largest(timeline.rows.map((row) => width(sanitize(row.period))));
  const datesWidth = Math.max(0, ...timeline.rows.map((row) => width(daysOf(row))));
  const countWidth = largest(timeline.rows.map((row) => width(`${row.counts.done}/${row.counts.total}`)));
  const hang = 4;
  const wrapped = (text: string) =>
    options.wrap
      ? wrap(text, Math.max(20, options.columns - hang), { hard: true })
          .split('\n')
          .join(`\n${' '.repeat(hang)}`)
      : text;
  for (const row of timeline.rows) {
    const mark = rowMark(row);
    const paint = mark === 'done' ? chalk.green : mark === 'behind' ? chalk.red : mark === 'now' ? chalk.yellow : chalk.dim;
    const bar = progressBar(chalk, chalk.green, row.counts.done, row.counts.total - row.counts.skipped, 10);
    const head = [
      paint(SYMBOL[mark]),
      chalk.bold(padEnd(sanitize(row.period), periodWidth)),
      padEnd(daysOf(row), datesWidth),
      bar,
      padStart(`${row.counts.done}/${row.counts.total}`, countWidth),
      paint(t.plan.states[mark]),
    ];
    lines.push(`  ${head.join('  ')}`.replace(/ {2,}$/, ''));
    lines.push(' '.repeat(hang) + wrapped(chalk.dim(sanitize(row.focus))));
    lines.push(' '.repeat(hang) + wrapped(targetsText(model, row, statuses, options)));
    if (row.mapping.unmatched.length) {
      lines.push(' '.repeat(hang) + wrapped(chalk.dim(t.plan.unmatched(row.mapping.unmatched.map(sanitize).join(', ')))));
    }
  }
  lines.push('');
  if (timeline.behindIds.length) {
    const periods = timeline.rows.filter((row) => rowMark(row) === 'behind').map((row) => sanitize(row.period));
    lines.push(chalk.red(t.plan.behind(timeline.behindIds.length, periods.join(', '))));
  } else {
    lines.push(chalk.green(t.plan.onTrack));
  }
  lines.push(projectionText(projection, t));
  return `${lines.join('\n')}\n`;
}

/** The projected-finish line. */
export function projectionText(projection: Projection, t: Messages): string {
  switch (projection.kind) {
    case 'finished':
      return t.plan.finished;
    case 'no-history':
      return t.plan.noHistory;
    case 'stalled':
      return t.plan.stalled(projection.days);
    case 'pace':
      return t.plan.pace(projection.done, projection.days, formatDay(projection.finishDay), projection.remaining);
  }
}
