import type { ChalkInstance } from 'chalk';
import type { ItemChange } from '../progress/changes.js';
import type { RoadmapProgress } from '../progress/stats.js';
import type { ItemStatus, Level, Roadmap } from '../roadmap/model.js';
import type { Messages } from './messages.js';
import { levelPaint, statusMark } from './style.js';
import { hangWrap, sanitize, truncateWords, width } from './text.js';

export interface ChangeView {
  model: Roadmap;
  /** Progress after the changes. */
  progress: RoadmapProgress;
  chalk: ChalkInstance;
  t: Messages;
  /** Cut item texts to this many columns (a terminal), or undefined to keep them whole (pipes). */
  columns?: number | undefined;
}

/** A level's short name: its label ("Niveau 1") when it has one, else its name or title. */
export function levelName(level: Level, t: Messages): string {
  return sanitize(level.label ?? (level.name || level.title || t.untitled));
}

/** The fewest columns an item's text keeps beside its progress before the progress goes under it. */
const MIN_TEXT = 20;

/**
 * One item with its status and the progress of its section and level:
 * `✔ 9  PostgreSQL en particulier — Bases de données 2/5 · Niveau 1 4/15`.
 */
export function itemLine(view: ChangeView, id: number, status: ItemStatus, note = ''): string {
  const { model, progress, chalk, t } = view;
  const item = model.items[id - 1];
  if (!item) return '';
  const level = model.levels[item.level];
  const levelCounts = progress.levels[item.level];
  const parts: string[] = [];
  if (item.section !== null) {
    const section = level?.sections[item.section];
    const counts = levelCounts?.sections[item.section];
    if (section && counts) parts.push(`${sanitize(section.title)} ${counts.done}/${counts.total}`);
  }
  if (level && levelCounts) parts.push(levelPaint(chalk, level.color)(`${levelName(level, t)} ${levelCounts.done}/${levelCounts.total}`));
  const head = `${statusMark(chalk, status)} ${chalk.bold(String(id))}  `;
  const tail = `${parts.length ? ` ${chalk.dim('—')} ${parts.join(chalk.dim(' · '))}` : ''}${note ? ` ${chalk.dim(note)}` : ''}`;
  const paint = (text: string) => (status === 'skipped' ? chalk.dim(text) : text);
  const text = sanitize(item.text);
  const { columns } = view;
  if (columns === undefined) return `${head}${paint(text)}${tail}`;
  const room = columns - width(head) - width(tail);
  if (room >= MIN_TEXT) return `${head}${paint(truncateWords(text, room))}${tail}`;
  // Too narrow for the text and its progress on one line: the progress goes under the text.
  const hang = width(head);
  return `${head}${paint(truncateWords(text, columns - hang))}\n${' '.repeat(hang)}${hangWrap(tail.trimStart(), columns, hang)}`;
}

/** One line per change (its new status), then one per item that already had the wanted status. */
export function renderChanges(
  view: ChangeView,
  changes: readonly ItemChange[],
  unchanged: ReadonlyArray<{ id: number; status: ItemStatus }> = [],
): string {
  const { chalk, t } = view;
  const lines: string[] = [];
  for (const change of changes) {
    if (change.id === null) lines.push(`${statusMark(chalk, change.to)} ${sanitize(change.key)}  ${chalk.dim(t.progress.gone)}`);
    else lines.push(itemLine(view, change.id, change.to));
  }
  for (const { id, status } of unchanged) lines.push(itemLine(view, id, status, `(${t.progress.already(t.statusWord[status])})`));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Candidates shown when a reference is ambiguous or unknown: `   9  PostgreSQL … (Niveau 1 › Bases de données)`,
 * numbers aligned; item texts cut to fit `columns` (a terminal), whole otherwise.
 */
export function candidateLines(model: Roadmap, ids: readonly number[], t: Messages, limit = 10, columns?: number): string[] {
  const shown = ids.slice(0, limit);
  const idWidth = Math.max(0, ...shown.map((id) => String(id).length));
  const lines = shown.map((id) => {
    const pad = `  ${' '.repeat(idWidth - String(id).length)}`;
    return `${pad}${candidateName(model, id, t, columns === undefined ? undefined : columns - width(pad), 0)}`;
  });
  if (ids.length > limit) lines.push(`  ${t.errors.more(ids.length - limit)}`);
  return lines;
}

/** An item as a candidate: number, text and where it is (`reserve`: columns kept free after it, for a picker's cursor). */
export function candidateName(model: Roadmap, id: number, t: Messages, columns?: number, reserve = 4): string {
  const item = model.items[id - 1];
  if (!item) return String(id);
  const level = model.levels[item.level];
  const section = item.section === null ? null : level?.sections[item.section];
  const where = [level ? levelName(level, t) : null, section ? sanitize(section.title) : null].filter(Boolean).join(' › ');
  const tail = where ? `  (${where})` : '';
  const head = `${id}  `;
  const text = sanitize(item.text);
  if (columns === undefined) return `${head}${text}${tail}`;
  const room = columns - width(head) - width(tail) - reserve;
  if (room >= MIN_TEXT) return `${head}${truncateWords(text, room)}${tail}`;
  return `${head}${truncateWords(text, Math.max(MIN_TEXT, columns - width(head) - reserve - 1))}`;
}

/** An ISO date-time as `2026-03-01 09:00`, in local time. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
