import { formatDay } from '../progress/days.js';
import type { HistoryEntry, WeeklyRecap } from '../progress/history.js';
import type { ItemStatus } from '../roadmap/model.js';
import { largest } from '../roadmap/numbers.js';
import type { RenderOptions } from './render-status.js';
import { statusMark } from './style.js';
import { padEnd, padStart, sanitize, width } from './text.js';

export interface LogRenderOptions extends RenderOptions {
  /** The day `--since` asked for, shown when nothing is that recent. */
  since: number | undefined;
  /** Renders an ISO date-time as local `YYYY-MM-DD HH:MM`. */
  time: (iso: string) => string;
}

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
      lines.push(
        `  ${chalk.dim(options.time(entry.at))}  ${statusMark(chalk, entry.to)} ${padEnd(name(entry.to), toWidth)}  ` +
          `${chalk.bold(padStart(String(entry.id ?? '?'), idWidth))}  ${text}  ${chalk.dim(entry.via === 'document' ? `(${t.documents.identity.viaDocument})` : `(${name(entry.from)} → ${name(entry.to)})`)}`,
      );
    }
  }
  lines.push('', chalk.bold(t.log.weekly));
  const most = Math.max(1, ...recap.weeks.map((w) => w.done));
  const labels = recap.weeks.map((w) => t.log.weekOf(formatDay(w.start)));
  const labelWidth = largest(labels.map(width));
  const countWidth = String(most).length;
  recap.weeks.forEach((week, index) => {
    const bar = week.done ? chalk.green('█'.repeat(Math.max(1, Math.round((20 * week.done) / most)))) : chalk.dim('·');
    lines.push(`  ${padEnd(labels[index] ?? '', labelWidth)}  ${padStart(String(week.done), countWidth)}  ${bar}`);
  });
  lines.push('', recap.streak > 0 ? chalk.green(t.log.streak(recap.streak)) : t.log.streak(0));
  return `${lines.join('\n')}\n`;
}
