import type { RoadmapProgress } from '../progress/stats.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import type { RenderOptions } from './render-status.js';
import { levelPaint, renderSpans, statusMark } from './style.js';
import { padStart, sanitize, truncateWords, width, wrap } from './text.js';

export interface ListOptions extends RenderOptions {
  /** Wrap long item texts under themselves (a terminal); otherwise one line per item (pipes, grep). */
  wrap: boolean;
  /** Items to mark with ✎ (`list --notes`: they have notes or links). */
  marked?: ReadonlySet<number> | undefined;
}

/** The mark `list --notes` puts after the number of an item that has notes or links. */
export const NOTE_MARK = '✎';

/** The `list` view: levels → sections → items (only the ids in `shown`), each with its mark and number. */
export function renderList(
  model: Roadmap,
  statuses: readonly ItemStatus[],
  progress: RoadmapProgress,
  shown: ReadonlySet<number>,
  options: ListOptions,
): string {
  const { chalk, t } = options;
  const idWidth = String(model.items.length).length;
  const lines: string[] = [];
  // A level or section title, cut at a word to leave room for its count on the line (in a terminal).
  const heading = (title: string, indent: number, count: string) =>
    options.wrap ? truncateWords(title, Math.max(10, options.columns - indent - 2 - width(count))) : title;
  const itemLine = (id: number, indent: number) => {
    const item = model.items[id - 1];
    const status = statuses[id - 1];
    if (!item || !status) return;
    const pad = ' '.repeat(indent + 2 * item.depth);
    const note = options.marked ? (options.marked.has(id) ? ` ${chalk.cyan(NOTE_MARK)}` : '  ') : '';
    const head = `${pad}${statusMark(chalk, status)} ${chalk.dim(padStart(String(id), idWidth))}${note}  `;
    let text = renderSpans(chalk, item.spans);
    if (status === 'skipped') text = chalk.dim(text);
    if (options.wrap) {
      const hang = width(head);
      const wrapped = wrap(text, Math.max(10, options.columns - hang), { hard: true, trim: true });
      text = wrapped.split('\n').join(`\n${' '.repeat(hang)}`);
    }
    lines.push(head + text);
  };
  model.levels.forEach((level, index) => {
    if (!level.itemIds.some((id) => shown.has(id))) return;
    const counts = progress.levels[index];
    const paint = levelPaint(chalk, level.color);
    if (lines.length) lines.push('');
    const levelCount = `${counts?.done}/${counts?.total}`;
    lines.push(`${chalk.bold(paint(heading(sanitize(level.title || t.untitled), 0, levelCount)))}  ${chalk.dim(levelCount)}`);
    const inSection = new Set(level.sections.flatMap((s) => s.itemIds));
    const indent = level.sections.length ? 4 : 2;
    for (const id of level.itemIds) if (!inSection.has(id) && shown.has(id)) itemLine(id, 2);
    level.sections.forEach((section, s) => {
      if (!section.itemIds.some((id) => shown.has(id))) return;
      const sc = counts?.sections[s];
      const sectionCount = `${sc?.done}/${sc?.total}`;
      lines.push(`  ${chalk.bold(heading(sanitize(section.title), 2, sectionCount))}  ${chalk.dim(sectionCount)}`);
      for (const id of section.itemIds) if (shown.has(id)) itemLine(id, indent);
    });
  });
  if (!lines.length) lines.push(t.list.nothing);
  return `${lines.join('\n')}\n`;
}
