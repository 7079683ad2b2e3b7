import type { ChalkInstance } from 'chalk';
import type { Counts, RoadmapProgress } from '../progress/stats.js';
import { largest } from '../roadmap/numbers.js';
import type { Messages } from './messages.js';
import { levelPaint, type Paint, progressBar } from './style.js';
import { padEnd, padStart, sanitize, truncate, width } from './text.js';

export interface RenderOptions {
  chalk: ChalkInstance;
  t: Messages;
  /** Terminal width. */
  columns: number;
}

interface Row {
  label: string;
  indent: number;
  counts: Counts;
  paint: Paint;
  strong: boolean;
  percent: boolean;
}

/** Below this width, each row's bar goes on its own line under the label. */
const NARROW = 50;

/** The `status` view: title, overall bar, then each level and its sections. */
export function renderStatus(progress: RoadmapProgress, options: RenderOptions): string {
  const { chalk, t } = options;
  const lines: string[] = [];
  if (progress.title) lines.push(chalk.bold(truncate(sanitize(progress.title), options.columns)), '');
  if (progress.levels.length === 0) {
    lines.push(t.status.noLevels);
    return `${lines.join('\n')}\n`;
  }
  const overall: Row = {
    label: t.status.overall,
    indent: 0,
    counts: progress,
    paint: chalk.green,
    strong: true,
    percent: true,
  };
  const groups: Row[][] = progress.levels.map((level) => {
    const paint = levelPaint(chalk, level.color);
    return [
      { label: sanitize(level.title || t.untitled), indent: 0, counts: level, paint, strong: true, percent: true },
      ...level.sections.map((s) => ({
        label: sanitize(s.title),
        indent: 2,
        counts: s,
        paint,
        strong: false,
        percent: false,
      })),
    ];
  });
  const all = [overall, ...groups.flat()];
  const layout = columnsFor(all, options);
  lines.push(...renderRow(overall, layout, options));
  const extras = [progress.doing ? t.status.doing(progress.doing) : '', progress.skipped ? t.status.skipped(progress.skipped) : ''].filter(
    Boolean,
  );
  if (extras.length) lines.push(chalk.dim(truncate(`  ${extras.join(' · ')}`, options.columns)));
  for (const group of groups) {
    lines.push('');
    for (const row of group) lines.push(...renderRow(row, layout, options));
  }
  return `${lines.join('\n')}\n`;
}

interface Layout {
  label: number;
  bar: number;
  count: number;
  percent: number;
  narrow: boolean;
}

function columnsFor(rows: readonly Row[], { columns, t }: RenderOptions): Layout {
  const count = largest(rows.map((r) => width(`${r.counts.done}/${r.counts.total}`)));
  const percent = width(t.percent(100));
  const narrow = columns < NARROW;
  const bar = columns >= 100 ? 24 : columns >= 70 ? 16 : narrow ? Math.max(3, columns - count - percent - 6) : 10;
  const widest = largest(rows.map((r) => r.indent + width(r.label)));
  const room = columns - (2 + bar + 2 + count + 2 + percent);
  return { label: narrow ? columns - 1 : Math.max(8, Math.min(widest, room)), bar, count, percent, narrow };
}

function renderRow(row: Row, layout: Layout, { chalk, t }: RenderOptions): string[] {
  const { counts } = row;
  const label = ' '.repeat(row.indent) + truncate(row.label, layout.label - row.indent);
  const styled = row.strong ? chalk.bold(label) : label;
  const bar = progressBar(chalk, row.paint, counts.done, counts.total - counts.skipped, layout.bar);
  const complete = counts.total > 0 && counts.done + counts.skipped === counts.total;
  const countText = padStart(`${counts.done}/${counts.total}`, layout.count);
  const count = complete ? chalk.green(countText) : countText;
  const percent = row.percent ? `  ${padStart(t.percent(counts.percent), layout.percent)}` : '';
  const figures = `${bar}  ${count}${percent}`;
  if (layout.narrow) return [styled, `${' '.repeat(row.indent)}${figures}`.trimEnd()];
  return [`${padEnd(styled, layout.label)}  ${figures}`.trimEnd()];
}
