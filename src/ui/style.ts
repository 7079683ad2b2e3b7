import type { ChalkInstance } from 'chalk';
import type { ItemStatus, LevelColor, Span } from '../roadmap/model.js';
import { sanitize } from './text.js';

export type Paint = (text: string) => string;

/** The hex colour of each level colour (terminal paint and the HTML report's bars). */
export const LEVEL_HEX: Record<LevelColor, string> = {
  red: '#e0443e',
  orange: '#f08c00',
  yellow: '#e6c300',
  green: '#2f9e44',
  blue: '#1c7ed6',
  purple: '#9c36b5',
  brown: '#a0522d',
  black: '#868e96',
  white: '#f1f3f5',
};

/** The paint of a level's colour (cyan when the document gives none). */
export function levelPaint(chalk: ChalkInstance, color: LevelColor | null): Paint {
  return color ? chalk.hex(LEVEL_HEX[color]) : chalk.cyan;
}

export const STATUS_MARK: Record<ItemStatus, string> = {
  todo: '☐',
  doing: '◐',
  done: '✔',
  skipped: '⤼',
};

/** An item's mark, coloured by status. */
export function statusMark(chalk: ChalkInstance, status: ItemStatus): string {
  const mark = STATUS_MARK[status];
  if (status === 'done') return chalk.green(mark);
  if (status === 'doing') return chalk.yellow(mark);
  if (status === 'skipped') return chalk.dim(mark);
  return mark;
}

/** Inline text of an item with its formatting, control characters escaped. */
export function renderSpans(chalk: ChalkInstance, spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let text = sanitize(span.text);
      if (span.code) text = chalk.cyan(text);
      if (span.bold) text = chalk.bold(text);
      if (span.italic) text = chalk.italic(text);
      if (span.strike) text = chalk.strikethrough(text);
      return text;
    })
    .join('');
}

/** A progress bar of `columns` cells, the done part in the given paint. */
export function progressBar(chalk: ChalkInstance, paint: Paint, done: number, base: number, columns: number): string {
  const filled = base > 0 ? Math.round((columns * Math.min(done, base)) / base) : 0;
  return paint('█'.repeat(filled)) + chalk.dim('░'.repeat(columns - filled));
}
