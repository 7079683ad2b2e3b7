import { isAbsolute } from 'node:path';
import type { EXPORT_FORMATS } from '../command-line.js';
import type { Context } from '../context.js';
import { writeExportFile } from '../io/text-files.js';
import { documentState } from '../progress/state.js';
import { countItems, markedStatuses, rollUp } from '../progress/stats.js';
import { progressExport } from '../progress/sync.js';
import { rewriteMarkers } from '../roadmap/markers.js';
import { toJsonText } from '../ui/json.js';
import { sanitize } from '../ui/sanitize.js';

/** The formats `roadmap export` writes. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** When absent: from the output file's extension, else `md`. */
  format?: ExportFormat | undefined;
  /** A file to write (atomically); stdout when absent or `-`. */
  output?: string | undefined;
  /** Markdown: also tick the parents whose children are all done (by default only the user's own marks). */
  rollUp?: boolean | undefined;
}

/** The format an output file's extension names (`.json`, `.html`, `.svg`), else markdown. */
export function formatOf(output: string | undefined): ExportFormat {
  const extension = output?.toLowerCase().match(/\.(json|html?|svg)$/)?.[1];
  if (extension === 'json' || extension === 'svg') return extension;
  return extension ? 'html' : 'md';
}

/**
 * `roadmap export --format md|json|html|svg [-o file]`: the document with `[x]` on done items and every
 * other byte unchanged; the progress as JSON for `roadmap import`; the HTML report; the SVG badge.
 */
export async function runExport(options: ExportOptions, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  const m = ctx.t.documents.export;
  const format = options.format ?? formatOf(options.output);
  const doc = await ctx.loadRoadmap();
  const state = ctx.store.read();
  let docState = documentState(state, doc.docId);
  // The progress export and the report carry the history (read from its own file); the others do not.
  if (format === 'json' || format === 'html') docState = { ...docState, log: ctx.store.history(doc.docId, state) };
  // The markdown carries the marks the user made; a parent done through its children only when asked.
  const marked = markedStatuses(doc.model, docState);
  const statuses = options.rollUp ? rollUp(doc.model, marked) : marked;
  let text: string;
  switch (format) {
    case 'md':
      text = rewriteMarkers(doc.source, doc.model, (item) => statuses[item.id - 1] === 'done');
      break;
    case 'json':
      text = toJsonText(progressExport(doc.model, docState, { path: doc.bundled ? null : doc.path }, ctx.now().toISOString()));
      break;
    case 'html': {
      const { htmlReport } = await import('../ui/report-html.js');
      text = htmlReport(doc.model, docState, ctx.t, ctx.lang, ctx.now());
      break;
    }
    case 'svg': {
      const { svgBadge } = await import('../ui/report-html.js');
      text = svgBadge(doc.model, docState, ctx.t);
      break;
    }
  }
  if (options.output === undefined || options.output === '-') ctx.stdout.write(text);
  else {
    // An export only reads the document and the state: it never replaces them, nor anything beside the state.
    const documents = [doc.path, ...(state.current ? [state.current] : []), ...Object.keys(state.documents).filter((id) => isAbsolute(id))];
    const guard = { folders: [ctx.paths.home, ctx.paths.cacheDir], documents };
    const path = sanitize(writeExportFile(options.output, text, guard, ctx.cwd));
    const counts = countItems(
      doc.model.items.map((item) => item.id),
      statuses,
    );
    const said =
      format === 'md'
        ? m.wroteMd(path, counts.done, counts.total)
        : format === 'json'
          ? m.wroteJson(path, Object.keys(docState.items).length)
          : ctx.t.report.written(path);
    ctx.stderr.write(`${said}\n`);
  }
  if (format === 'md') {
    const doing = statuses.filter((s) => s === 'doing').length;
    const skipped = statuses.filter((s) => s === 'skipped').length;
    if (doing + skipped > 0) ctx.stderr.write(`${ctx.chalk.dim(m.notTicked(doing, skipped))}\n`);
  }
}
