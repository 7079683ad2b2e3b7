import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { documentState } from '../store/state.js';

/** The formats `roadmap export` writes. */
export const EXPORT_FORMATS = ['html', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  /** A file to write; stdout when absent. */
  output?: string | undefined;
}

/** `roadmap export --format <f> [-o file]`: one format per module, chosen here. */
export async function runExport(options: ExportOptions, ctx: Context): Promise<void> {
  const loaded = await ctx.loadRoadmap();
  const doc = documentState(ctx.store.read(), loaded.docId);
  let text: string;
  switch (options.format) {
    case 'html': {
      const { htmlReport } = await import('../report/report.js');
      text = htmlReport(loaded.model, doc, ctx.t, ctx.lang, ctx.now());
      break;
    }
    case 'svg': {
      const { svgBadge } = await import('../report/report.js');
      text = svgBadge(loaded.model, doc, ctx.t);
      break;
    }
  }
  writeExport(text, options.output, ctx);
}

/** Writes an export to stdout, or to a file (then says where on stdout). */
function writeExport(text: string, output: string | undefined, ctx: Context): void {
  if (output === undefined || output === '-') {
    ctx.stdout.write(text);
    return;
  }
  const path = resolve(ctx.cwd, output);
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code);
    throw new UserError(ctx.t.report.cannotWrite(path, reason));
  }
  if (!ctx.json) ctx.stdout.write(`${ctx.t.report.written(path)}\n`);
}
