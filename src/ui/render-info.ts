import { noteNumber } from '../progress/portfolio.js';
import type { LogEntry, NoteRecord } from '../progress/state.js';
import type { CapstonePart } from '../roadmap/capstone.js';
import type { ItemLink } from '../roadmap/links.js';
import type { Item, ItemStatus, Roadmap } from '../roadmap/model.js';
import { largest } from '../roadmap/numbers.js';
import type { RenderOptions } from './render-status.js';
import { renderSpans, statusMark } from './style.js';
import { hangWrap, padEnd, sanitize, width } from './text.js';

/** What `roadmap info` shows about one item. */
export interface ItemInfo {
  item: Item;
  status: ItemStatus;
  /** Date of the last change of status, or null. */
  since: string | null;
  changes: LogEntry[];
  notes: NoteRecord[];
  /** The parts of the capstone project this item prepares. */
  prepares: CapstonePart[];
  /** The links written in the item's text, numbered from 1 as `roadmap open <item> <n>` takes them. */
  links: ItemLink[];
}

const day = (iso: string) => sanitize(iso.slice(0, 10));

/** One note or link as a line: the link's address, its label first when it has one. */
export function noteLine(note: NoteRecord): string {
  if (!note.url) return sanitize(note.text ?? '');
  return note.text ? `🔗 ${sanitize(note.text)} ${sanitize(note.url)}` : `🔗 ${sanitize(note.url)}`;
}

/** The `info` view: where the item is, its status and dates, its details, notes, links and project parts. */
export function renderInfo(model: Roadmap, info: ItemInfo, options: RenderOptions & { wrap?: boolean | undefined }): string {
  const { chalk, t } = options;
  // Text that starts at column `hang`, wrapped under itself in a terminal; whole in a pipe.
  const indented = (hang: number, text: string) => (options.wrap ? hangWrap(text, options.columns, hang) : text);
  const { item } = info;
  const words = t.info.statusWords;
  const level = model.levels[item.level];
  const section = item.section === null ? null : level?.sections[item.section];
  const labels = [t.info.key, t.info.level, t.info.section, t.info.status, ...(item.priority ? [t.info.priority] : [])];
  const labelWidth = largest(labels.map(width));
  const field = (label: string, value: string) => `   ${chalk.dim(padEnd(label, labelWidth))}  ${indented(3 + labelWidth + 2, value)}`;
  const since = info.since
    ? chalk.dim(` · ${t.info.since(day(info.since))}`)
    : item.checked && !info.since
      ? chalk.dim(` · ${t.info.fromDocument}`)
      : '';
  const lines = [
    `${chalk.bold(String(item.id))}  ${chalk.bold(indented(String(item.id).length + 2, renderSpans(chalk, item.spans)))}`,
    field(t.info.key, item.key),
    field(t.info.level, sanitize(level?.title || t.untitled)),
    field(t.info.section, section ? sanitize(section.title) : t.info.none),
    field(t.info.status, `${statusMark(chalk, info.status)} ${words[info.status]}${since}`),
  ];
  if (item.priority) {
    const value = t.info.priorityWords[item.priority.value] ?? item.priority.value;
    lines.push(field(t.info.priority, sanitize(t.info.prioritySays(value, item.priority.words))));
  }
  if (info.links.length) {
    lines.push('', chalk.bold(t.info.links));
    const linkWidth = String(info.links.length).length;
    info.links.forEach((link, i) => {
      const label = link.text === link.url ? '' : `${sanitize(link.text)} `;
      lines.push(`   ${chalk.dim(String(i + 1).padStart(linkWidth))}  ${label}${chalk.underline(sanitize(link.url))}`);
    });
  }
  if (item.details.length) {
    lines.push('', chalk.bold(t.info.details));
    for (const detail of item.details) lines.push(`   ${indented(3, sanitize(detail))}`);
  }
  lines.push('', chalk.bold(t.info.history));
  if (!info.changes.length) lines.push(`   ${chalk.dim(t.info.noHistory)}`);
  for (const change of info.changes) {
    const marks = `${statusMark(chalk, change.from)} → ${statusMark(chalk, change.to)}`;
    const head = `   ${day(change.at)}  ${statusMark(chalk, change.from)} → ${statusMark(chalk, change.to)}  `;
    lines.push(`   ${chalk.dim(day(change.at))}  ${marks}  ${indented(width(head), `${words[change.from]} → ${words[change.to]}`)}`);
  }
  lines.push('', chalk.bold(t.info.notes));
  if (!info.notes.length) lines.push(`   ${chalk.dim(indented(3, t.info.noNotes(item.id)))}`);
  const numberWidth = String(Math.max(0, ...info.notes.map(noteNumber))).length;
  info.notes.forEach((note, i) => {
    const number = String(noteNumber(note, i)).padStart(numberWidth);
    const head = `   ${number}  ${day(note.at)}  `;
    lines.push(`   ${chalk.dim(number)}  ${chalk.dim(day(note.at))}  ${indented(width(head), noteLine(note))}`);
  });
  if (info.prepares.length) {
    lines.push('', chalk.bold(t.info.prepares));
    for (const part of info.prepares) lines.push(`   ${part.number}  ${indented(3 + String(part.number).length + 2, sanitize(part.text))}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The notes of an item as JSON, numbered as `info` numbers them (the number `note --remove` takes). */
export function notesJson(notes: readonly NoteRecord[]) {
  return notes.map((note, i) => ({ n: noteNumber(note, i), at: note.at, text: note.text ?? null, url: note.url ?? null }));
}
