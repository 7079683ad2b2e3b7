import { formatDay } from '../progress/days.js';
import type { HistoryEntry, WeeklyRecap } from '../progress/history.js';
import type { ItemStatus } from '../roadmap/model.js';
import { largest } from '../roadmap/numbers.js';
import type { RenderOptions } from './render-status.js';
import { statusMark } from './style.js';
import { hangWrap, padEnd, padStart, sanitize, width, wrap } from './text.js';

export interface LogRenderOptions extends RenderOptions {
  /** The day `--since` asked for, shown when nothing is that recent. */
  since: number | undefined;
  /** Renders an ISO date-time as local `YYYY-MM-DD HH:MM`. */
  time: (iso: string) => string;
  /** Fit every line to `columns` (a terminal); otherwise one line per change (pipes, grep). */
  wrap?: boolean | undefined;
}

/** Below this many columns left for an item's text, it goes under its change instead of beside it. */
const MIN_TEXT = 24;
/** The indent of an item's text put under its change. */
const UNDER = 6;

/** The `log` view: the changes newest first, then items done per week and the streak. */
export function renderLog(entries: readonly HistoryEntry[], recap: WeeklyRecap, options: LogRenderOptions): string {
  const { chalk, t } = options;
  const lines: string[] = [chalk.bold(t.log.history)];
  if (entries.length === 0) {
    lines.push(`  ${options.since === undefined ? t.log.empty : t.log.emptySince(formatDay(options.since))}`);
  } else {
    const name = (status: ItemStatus) => t.statusNames[status];
    const idWidth = largest(entries.map((e) => String(e.id ?? '?').length));
    const toWidth = largest(entries.map((e) => width(name(e.to))));
    for (const entry of entries) {
      const text = entry.text === null ? chalk.dim(`${sanitize(entry.key)} ${t.log.removed}`) : sanitize(entry.text);
      const head =
        `  ${chalk.dim(options.time(entry.at))}  ${statusMark(chalk, entry.to)} ${padEnd(name(entry.to), toWidth)}  ` +
        `${chalk.bold(padStart(String(entry.id ?? '?'), idWidth))}  `;
      const body = `${text}  ${chalk.dim(entry.via === 'document' ? `(${t.documents.identity.viaDocument})` : `(${name(entry.from)} → ${name(entry.to)})`)}`;
      if (!options.wrap) lines.push(head + body);
      else if (options.columns - width(head) >= MIN_TEXT) lines.push(head + hangWrap(body, options.columns, width(head)));
      else lines.push(head.trimEnd(), ' '.repeat(UNDER) + hangWrap(body, options.columns, UNDER));
    }
  }
  lines.push('', chalk.bold(t.log.weekly));
  const most = Math.max(1, ...recap.weeks.map((w) => w.done));
  const labels = recap.weeks.map((w) => t.log.weekOf(formatDay(w.start)));
  const labelWidth = largest(labels.map(width));
  const countWidth = String(most).length;
  // 20 columns for the best week, fewer when the terminal is narrower than the row.
  const barRoom = options.wrap ? Math.max(1, Math.min(20, options.columns - 2 - labelWidth - 2 - countWidth - 2)) : 20;
  recap.weeks.forEach((week, index) => {
    const bar = week.done ? chalk.green('█'.repeat(Math.max(1, Math.round((barRoom * week.done) / most)))) : chalk.dim('·');
    lines.push(`  ${padEnd(labels[index] ?? '', labelWidth)}  ${padStart(String(week.done), countWidth)}  ${bar}`);
  });
  const streak = options.wrap ? wrap(t.log.streak(recap.streak), options.columns, { hard: true, trim: true }) : t.log.streak(recap.streak);
  lines.push('', recap.streak > 0 ? chalk.green(streak) : streak);
  return `${lines.join('\n')}\n`;
}
