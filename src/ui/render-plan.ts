import { formatDay } from '../progress/days.js';
import { type FocusTerm, targetItemIds } from '../progress/focus.js';
import type { Projection, Timeline, TimelineRow } from '../progress/plan.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { largest } from '../roadmap/numbers.js';
import type { Messages } from './messages.js';
import type { RenderOptions } from './render-status.js';
import { levelPaint, progressBar, statusMark } from './style.js';
import { hangWrap, padEnd, padStart, sanitize, truncateWords, width, wrap } from './text.js';

export interface PlanRenderOptions extends RenderOptions {
  /** Wrap long lines (a terminal); otherwise one line each. */
  wrap: boolean;
  /** Show how each period's words matched the document (`plan --explain`). */
  explain?: boolean | undefined;
}

export type RowMark = 'done' | 'behind' | 'now' | 'later' | 'ongoing' | 'unknown';

/** How a row is shown: a period over with everything closed is done, with items left it is behind. */
export function rowMark(row: TimelineRow): RowMark {
  if (row.state === 'past') return row.counts.done + row.counts.skipped === row.counts.total ? 'done' : 'behind';
  if (row.state === 'current') return 'now';
  if (row.state === 'future') return 'later';
  return row.state;
}

/** Columns of a row's progress bar. */
const BAR = 10;

const SYMBOL: Record<RowMark, string> = { done: '✔', behind: '!', now: '▶', later: ' ', ongoing: '∞', unknown: '?' };

/** The days a row covers, first and last inclusive. */
function daysOf(row: TimelineRow): string {
  return row.window ? `${formatDay(row.window.start)} → ${formatDay(row.window.end - 1)}` : '';
}

/** What one focus term maps to: sections with their counts, items with their mark. */
function termTargets(model: Roadmap, term: FocusTerm, statuses: readonly ItemStatus[], { chalk, t }: PlanRenderOptions): string[] {
  const parts: string[] = [];
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
      parts.push(`${t.plan.item(item.id)} ${statusMark(chalk, statuses[item.id - 1] ?? 'todo')} ${truncateWords(sanitize(item.text), 40)}`);
    }
  }
  return parts;
}

/** What a row's focus maps to, or null when nothing (the focus line says what the period is about). */
function targetsText(model: Roadmap, row: TimelineRow, statuses: readonly ItemStatus[], options: PlanRenderOptions): string | null {
  const parts = row.mapping.terms.flatMap((term) => termTargets(model, term, statuses, options));
  return parts.length ? `→ ${parts.join(' · ')}` : null;
}

/**
 * `plan --explain`: each part of a period's focus, what it matched, and the words that matched nothing,
 * each line with its indent under the row.
 */
function explainLines(
  model: Roadmap,
  row: TimelineRow,
  statuses: readonly ItemStatus[],
  options: PlanRenderOptions,
): Array<[indent: number, text: string]> {
  const { chalk, t } = options;
  const lines: Array<[number, string]> = [[0, chalk.dim(t.plan.explainHead)]];
  for (const term of row.mapping.terms) {
    const parts = termTargets(model, term, statuses, options);
    lines.push([2, `“${sanitize(term.text)}” → ${parts.length ? parts.join(' · ') : chalk.dim(t.plan.nothingMatched)}`]);
    if (term.unmatched.length) lines.push([4, chalk.dim(t.plan.unmatched(term.unmatched.map(sanitize).join(', ')))]);
  }
  return lines;
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
  // Text that starts at column `indent`, wrapped under itself in a terminal.
  const indented = (text: string, indent = hang) => ' '.repeat(indent) + (options.wrap ? hangWrap(text, options.columns, indent) : text);
  const stateWidth = largest(timeline.rows.map((row) => width(t.plan.states[rowMark(row)])));
  // A row's head: mark, period, days, bar, count, state. In a narrow terminal the days go on the line
  // under it, then the bar goes.
  const fullHead = 2 + 1 + 2 + periodWidth + 2 + datesWidth + 2 + BAR + 2 + countWidth + 2 + stateWidth;
  const daysUnder = options.wrap && fullHead > options.columns;
  const withBar = !daysUnder || fullHead - datesWidth - 2 <= options.columns;
  for (const row of timeline.rows) {
    const mark = rowMark(row);
    const paint = mark === 'done' ? chalk.green : mark === 'behind' ? chalk.red : mark === 'now' ? chalk.yellow : chalk.dim;
    const bar = progressBar(chalk, chalk.green, row.counts.done, row.counts.total - row.counts.skipped, BAR);
    const head = [
      paint(SYMBOL[mark]),
      chalk.bold(padEnd(sanitize(row.period), periodWidth)),
      ...(daysUnder ? [] : [padEnd(daysOf(row), datesWidth)]),
      ...(withBar ? [bar] : []),
      padStart(`${row.counts.done}/${row.counts.total}`, countWidth),
      paint(t.plan.states[mark]),
    ];
    lines.push(`  ${head.join('  ')}`.replace(/ {2,}$/, ''));
    if (daysUnder && row.window) lines.push(indented(daysOf(row)));
    lines.push(indented(chalk.dim(sanitize(row.focus))));
    const targets = targetsText(model, row, statuses, options);
    if (targets) lines.push(indented(targets));
    if (options.explain)
      for (const [indent, line] of explainLines(model, row, statuses, options)) lines.push(indented(line, hang + indent));
  }
  lines.push('');
  if (timeline.behindIds.length) {
    const periods = timeline.rows.filter((row) => rowMark(row) === 'behind').map((row) => sanitize(row.period));
    lines.push(chalk.red(t.plan.behind(timeline.behindIds.length, periods.join(', '))));
  } else {
    lines.push(chalk.green(t.plan.onTrack));
  }
  lines.push(projectionText(projection, t));
  if (!options.wrap) return `${lines.join('\n')}\n`;
  // The lines under the timeline, and its title, wrapped in a terminal (the rows are fitted above).
  const fitted = lines.map((line) => (line.startsWith(' ') ? line : wrap(line, options.columns, { hard: true, trim: true })));
  return `${fitted.join('\n')}\n`;
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
