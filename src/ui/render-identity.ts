import type { DocumentChanges } from '../progress/document-changes.js';
import type { Messages } from './messages.js';
import { sanitize } from './text.js';

/** Detail lines shown on stderr after the summary; the rest is in `roadmap doctor`. */
const MAX_DETAILS = 10;

/**
 * What the user is told on stderr when the document changed: the summary line, each transfer once
 * (renamed, moved, removed, with the old and new text; capped, `doctor` has them all), then one line
 * per ambiguous item and per tick that left the document.
 */
export function renderDocumentChanges(changes: DocumentChanges, t: Messages): string[] {
  const m = t.documents.doctor;
  const id = t.documents.identity;
  const prefix = t.errors.prefix;
  const lines: string[] = [];
  const { renamed, moved, removed, added, ambiguous, unticked } = changes;
  if (renamed.length + removed.length + added.length > 0)
    lines.push(`${prefix} ${t.documents.changes.summary(renamed.length, removed.length, added.length)}`);
  if (moved.length) lines.push(`${prefix} ${id.moved(moved.length)}`);
  const details = [
    ...renamed.map((r) => m.renamedLine(r.fromText, r.toText)),
    ...moved.map((r) => id.movedLine(r.text, r.from, r.to)),
    ...removed.map((r) => m.removedItem(r.text)),
    ...changes.restored.map((r) => id.restoredLine(r.text)),
  ];
  for (const row of details.slice(0, MAX_DETAILS)) lines.push(`  ${sanitize(row)}`);
  if (details.length > MAX_DETAILS) lines.push(`  ${m.more(details.length - MAX_DETAILS)}`);
  for (const a of ambiguous) lines.push(`${prefix} ${sanitize(id.ambiguous(a.text, a.candidates.length, a.key))}`);
  for (const u of unticked) lines.push(`${prefix} ${sanitize(id.unticked(u.text, u.key))}`);
  return lines;
}
