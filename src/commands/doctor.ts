import type { Context } from '../context.js';
import { pruneOrphans } from '../progress/document-changes.js';
import { runDoctorChecks } from '../progress/doctor.js';
import { documentState } from '../store/state.js';
import { toJsonText } from '../ui/json.js';
import { renderDoctor } from '../ui/render-documents.js';

export interface DoctorOptions {
  prune?: boolean | undefined;
}

/**
 * `roadmap doctor [--prune]`: runs the checks on the current document's progress (removed items that
 * still hold progress, the last change of the document); `--prune` drops the progress of removed items.
 */
export async function runDoctor(options: DoctorOptions, ctx: Context): Promise<void> {
  const doc = await ctx.loadRoadmap();
  let pruned: number | undefined;
  if (options.prune) {
    pruned = await ctx.store.update((state) => pruneOrphans(doc.model, documentState(state, doc.docId)));
  }
  const docState = documentState(ctx.store.read(), doc.docId);
  const findings = runDoctorChecks({ model: doc.model, doc: docState });
  if (ctx.json) {
    const document = { id: doc.docId, path: doc.path, bundled: doc.bundled, title: doc.model.title };
    ctx.stdout.write(toJsonText({ document, findings, ...(pruned === undefined ? {} : { pruned }) }));
    return;
  }
  const m = ctx.t.documents.doctor;
  if (pruned !== undefined) ctx.stdout.write(`${pruned ? m.pruned(pruned) : m.nothingToPrune}\n`);
  const where = doc.bundled ? ctx.t.documents.roadmaps.bundled : doc.path;
  ctx.stdout.write(renderDoctor({ title: doc.model.title, where }, findings, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }));
}
