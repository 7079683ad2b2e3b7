import type { Context } from '../context.js';
import { writeTextFile } from '../io/text-files.js';
import { countItems, itemStatuses } from '../progress/stats.js';
import { progressExport } from '../progress/sync.js';
import { rewriteMarkers } from '../roadmap/markers.js';
import { documentState } from '../store/state.js';
import { toJsonText } from '../ui/json.js';

export type ExportFormat = 'md' | 'json';

export interface ExportOptions {
  format?: ExportFormat | undefined;
  output?: string | undefined;
}

/**
 * `roadmap export --format md|json [-o file]`: the document with `[x]` on done items and every other
 * byte unchanged, or the progress as JSON (with timestamps and history) for `roadmap import`.
 */
export async function runExport(options: ExportOptions, ctx: Context): Promise<void> {
  const m = ctx.t.documents.export;
  const format: ExportFormat = options.format ?? (options.output?.toLowerCase().endsWith('.json') ? 'json' : 'md');
  const doc = await ctx.loadRoadmap();
  const docState = documentState(ctx.store.read(), doc.docId);
  const statuses = itemStatuses(doc.model, docState);
  let text: string;
  if (format === 'md') {
    text = rewriteMarkers(doc.source, doc.model, (item) => statuses[item.id - 1] === 'done');
  } else {
    const exported = progressExport(doc.model, docState, { path: doc.bundled ? null : doc.path }, ctx.now().toISOString());
    text = toJsonText(exported);
  }
  if (options.output === undefined) ctx.stdout.write(text);
  else {
    const path = writeTextFile(options.output, text, ctx.cwd, ctx.t);
    const counts = countItems(
      doc.model.items.map((item) => item.id),
      statuses,
    );
    ctx.stderr.write(`${format === 'md' ? m.wroteMd(path, counts.done, counts.total) : m.wroteJson(path, Object.keys(docState.items).length)}\n`);
  }
  if (format === 'md') {
    const doing = statuses.filter((s) => s === 'doing').length;
    const skipped = statuses.filter((s) => s === 'skipped').length;
    if (doing + skipped > 0) ctx.stderr.write(`${ctx.chalk.dim(m.notTicked(doing, skipped))}\n`);
  }
}
