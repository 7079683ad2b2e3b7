import type { ChalkInstance } from 'chalk';
import type { Finding } from '../progress/doctor.js';
import type { OrphanProgress } from '../progress/document-changes.js';
import type { MarkdownImport, MergeResult } from '../progress/sync.js';
import type { ItemStatus } from '../roadmap/model.js';
import type { Messages } from './messages.js';
import { progressBar, STATUS_MARK, statusMark } from './style.js';
import { padStart, sanitize, truncate } from './text.js';

export interface DocRenderOptions {
  chalk: ChalkInstance;
  t: Messages;
  columns: number;
}

/** One known roadmap in `roadmap roadmaps`. */
export interface RoadmapRow {
  id: string;
  path: string | null;
  bundled: boolean;
  current: boolean;
  title: string | null;
  total: number;
  done: number;
  percent: number;
  /** Why the document could not be read, or null. */
  error: string | null;
}

/** The `roadmaps` view: one line per document (current one starred), its progress and where it is. */
export function renderRoadmaps(rows: readonly RoadmapRow[], { chalk, t }: DocRenderOptions): string {
  const m = t.documents;
  const lines = rows.map((row) => {
    const star = row.current ? chalk.bold('*') : ' ';
    const where = row.bundled ? `(${m.roadmaps.bundled})` : (row.path ?? row.id);
    if (row.error !== null)
      return `${star} ${chalk.dim('     ----     ')} ${sanitize(row.title ?? where)}  ${chalk.red(`(${sanitize(row.error)})`)} ${chalk.dim(sanitize(where))}`;
    const counts = padStart(`${row.done}/${row.total}`, 8);
    const bar = progressBar(chalk, chalk.green, row.done, row.total, 10);
    return `${star} ${bar} ${padStart(t.percent(row.percent), 5)} ${chalk.dim(counts)}  ${sanitize(row.title ?? t.untitled)}  ${chalk.dim(sanitize(where))}`;
  });
  return `${lines.join('\n')}\n\n${chalk.dim(m.roadmaps.legend)}\n`;
}

const statusName = (t: Messages, status: ItemStatus) => t.documents.status[status];

/** The report of `import <file.md>`: what matched, what became done, what could not be matched. */
export function renderMarkdownImport(plan: MarkdownImport, dryRun: boolean, { chalk, t, columns }: DocRenderOptions): string {
  const m = t.documents.import;
  const lines: string[] = [];
  const matched = plan.newlyDone.length + plan.alreadyDone.length;
  lines.push(`${m.matched(matched)} ${m.newlyDone(plan.newlyDone.length)}, ${m.alreadyDone(plan.alreadyDone.length)}`);
  for (const item of plan.newlyDone)
    lines.push(`  ${chalk.green(STATUS_MARK.done)} ${padStart(String(item.id), 3)}  ${truncate(sanitize(item.text), columns - 9)}`);
  if (plan.unmatched.length) {
    lines.push(chalk.yellow(m.unmatched(plan.unmatched.length)));
    for (const text of plan.unmatched) lines.push(`  ? ${truncate(sanitize(text), columns - 4)}`);
  }
  if (plan.untickedHere.length) {
    lines.push(m.untickedHere(plan.untickedHere.length));
    for (const item of plan.untickedHere)
      lines.push(`  ${statusMark(chalk, 'done')} ${padStart(String(item.id), 3)}  ${truncate(sanitize(item.text), columns - 9)}`);
  }
  lines.push(dryRun ? chalk.dim(m.dryRun) : plan.newlyDone.length > 0 ? m.saved : m.unchanged);
  return `${lines.join('\n')}\n`;
}

/** The report of `import <file.json>`: the items the merge changed, and the keys it could not place. */
export function renderMerge(result: MergeResult, dryRun: boolean, { chalk, t, columns }: DocRenderOptions): string {
  const m = t.documents.import;
  const lines = [m.merged(result.changed.length, result.kept)];
  for (const change of result.changed) {
    const line = m.changedLine(truncate(sanitize(change.text), columns - 30), statusName(t, change.from), statusName(t, change.to));
    lines.push(`  ${statusMark(chalk, change.to)} ${line}`);
  }
  if (result.unknown.length) {
    lines.push(chalk.yellow(m.unknownKeys(result.unknown.length)));
    for (const key of result.unknown) lines.push(`  ? ${sanitize(key)}`);
  }
  lines.push(dryRun ? chalk.dim(m.dryRun) : result.changed.length > 0 ? m.saved : m.unchanged);
  return `${lines.join('\n')}\n`;
}

const MAX_LISTED = 20;

/** The `doctor` report: the document, then each finding with its details. */
export function renderDoctor(
  doc: { title: string | null; where: string },
  findings: readonly Finding[],
  { chalk, t }: DocRenderOptions,
): string {
  const m = t.documents.doctor;
  const lines = [chalk.bold(m.document(sanitize(doc.title ?? t.untitled), sanitize(doc.where)))];
  const cut = (text: string) => sanitize(text);
  const date = (iso: string) => iso.slice(0, 10);
  const capped = (list: string[]) => (list.length > MAX_LISTED ? [...list.slice(0, MAX_LISTED), m.more(list.length - MAX_LISTED)] : list);
  if (!findings.some((f) => f.level !== 'info')) lines.push(chalk.green(`✔ ${m.ok}`));
  for (const finding of findings) {
    if (finding.check === 'removed-progress') {
      lines.push(chalk.yellow(`! ${m.removed(finding.items.length)}`));
      const rows = finding.items.map((o: OrphanProgress) => m.removedLine(statusName(t, o.status), o.text, o.key, date(o.at)));
      for (const row of capped(rows)) lines.push(`    ${cut(row)}`);
      lines.push(`  ${chalk.dim(m.pruneHint)}`);
    } else if (finding.check === 'ambiguous-progress') {
      const id = t.documents.identity;
      lines.push(chalk.yellow(`! ${id.ambiguousTitle(finding.items.length)}`));
      for (const o of finding.items) {
        const candidates = (o.candidates ?? []).map((c) => `${c.id} “${c.text}”`).join(', ');
        lines.push(`    ${cut(id.ambiguousLine(statusName(t, o.status), o.text, o.key, candidates))}`);
        const first = o.candidates?.[0];
        if (first) lines.push(`  ${chalk.dim(cut(id.attachHint(o.key, String(first.id))))}`);
      }
    } else if (finding.check === 'last-change') {
      const change = finding.change;
      const id = t.documents.identity;
      lines.push(`ℹ ${m.lastChange(date(change.at))}`);
      const rows = [
        ...change.renamed.map((r) => m.renamedLine(r.fromText, r.toText)),
        ...(change.moved ?? []).map((r) => id.movedLine(r.text, r.from, r.to)),
        ...change.removed.map((r) => m.removedItem(r.text)),
        ...change.added.map((r) => m.addedItem(r.text)),
        ...(change.ambiguous ?? []).map((r) => id.ambiguous(r.text, r.candidates.length, r.key)),
        ...(change.ticked ?? []).map((r) => id.tickedLine(r.text)),
        ...(change.unticked ?? []).map((r) => id.untickedLine(r.text)),
        ...(change.restored ?? []).map((r) => id.restoredLine(r.text)),
      ];
      for (const row of capped(rows)) lines.push(`    ${cut(row)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
