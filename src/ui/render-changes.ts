import type { ChalkInstance } from 'chalk';
import type { ItemChange } from '../progress/changes.js';
import type { RoadmapProgress } from '../progress/stats.js';
import type { ItemStatus, Level, Roadmap } from '../roadmap/model.js';
import type { Messages } from './messages.js';
import { levelPaint, statusMark } from './style.js';
import { sanitize, truncate, width } from './text.js';

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
  let text = sanitize(item.text);
  if (view.columns !== undefined) text = truncate(text, Math.max(20, view.columns - width(head) - width(tail) - 1));
  return `${head}${status === 'skipped' ? chalk.dim(text) : text}${tail}`;
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

/** Candidates shown when a reference is ambiguous or unknown: `  9  PostgreSQL … (Niveau 1 › Bases de données)`. */
export function candidateLines(model: Roadmap, ids: readonly number[], t: Messages, limit = 10): string[] {
  const lines = ids.slice(0, limit).map((id) => `  ${candidateName(model, id, t)}`);
  if (ids.length > limit) lines.push(`  ${t.errors.more(ids.length - limit)}`);
  return lines;
}

/** An item as a candidate: number, text and where it is. */
export function candidateName(model: Roadmap, id: number, t: Messages, columns?: number): string {
  const item = model.items[id - 1];
  if (!item) return String(id);
  const level = model.levels[item.level];
  const section = item.section === null ? null : level?.sections[item.section];
  const where = [level ? levelName(level, t) : null, section ? sanitize(section.title) : null].filter(Boolean).join(' › ');
  const tail = where ? `  (${where})` : '';
  const head = `${id}  `;
  const text = sanitize(item.text);
  return `${head}${columns === undefined ? text : truncate(text, Math.max(20, columns - width(head) - width(tail) - 4))}${tail}`;
}

/** An ISO date-time as `2026-03-01 09:00`, in local time. */
export function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
