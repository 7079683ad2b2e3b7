import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { type ItemChange, planUndo, revertLast } from '../progress/changes.js';
import { type DocumentState, documentState, type UndoStep } from '../progress/state.js';
import { itemStatuses, roadmapProgress } from '../progress/stats.js';
import { toJsonText } from '../ui/json.js';
import { undoJson } from '../ui/json-changes.js';
import { localDateTime, renderChanges } from '../ui/render-changes.js';

export interface UndoOptions {
  dryRun?: boolean | undefined;
}

/** `roadmap undo`: reverts the last change of the document's progress (one command or one interactive session). */
export async function runUndo(options: UndoOptions, ctx: Context): Promise<void> {
  const doc = await ctx.loadRoadmap();
  const { model } = doc;
  const at = ctx.now().toISOString();
  const nothing = () => new UserError(ctx.t.errors.nothingToUndo);
  let result: { step: UndoStep; changes: ItemChange[]; after: DocumentState };
  if (options.dryRun) {
    const before = documentState(ctx.store.read(), doc.docId);
    const planned = planUndo(model, before);
    if (!planned) throw nothing();
    result = { ...planned, after: revertLast(model, before, at) };
  } else {
    // Checked before taking the lock too, so "nothing to undo" never rewrites the file.
    if (!planUndo(model, documentState(ctx.store.read(), doc.docId))) throw nothing();
    result = await ctx.store.update((state) => {
      const before = documentState(state, doc.docId);
      const planned = planUndo(model, before);
      if (!planned) throw nothing();
      const after = revertLast(model, before, at);
      state.documents[doc.docId] = after;
      return { ...planned, after };
    });
  }

  const { step, changes, after } = result;
  if (ctx.json) {
    ctx.stdout.write(toJsonText(undoJson(model, step, changes, options.dryRun === true)));
    return;
  }
  const { t, chalk } = ctx;
  const when = localDateTime(step.at);
  const progress = roadmapProgress(model, itemStatuses(model, after));
  const view = { model, progress, chalk, t, columns: ctx.stdout.isTTY ? ctx.stdout.columns : undefined };
  let text = changes.length
    ? `${(options.dryRun ? t.progress.wouldUndo : t.progress.undid)(step.command, when, changes.length)}\n${renderChanges(view, changes)}`
    : `${t.progress.undidNothing(step.command, when)}\n`;
  if (options.dryRun) text += `${chalk.dim(t.progress.dryRun)}\n`;
  ctx.stdout.write(text);
}
