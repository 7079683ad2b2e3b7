import type { Context } from '../context.js';
import { rankInput } from '../progress/guide.js';
import { nextSuggestions, suggestionList } from '../progress/next.js';
import { type DocumentState, documentState } from '../progress/state.js';
import { itemStatuses } from '../progress/stats.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { nextJson } from '../ui/guide-json.js';
import { toJsonText } from '../ui/json.js';
import { renderNext } from '../ui/render-next.js';

export interface NextOptions {
  /** Suggestions on the main track (default 3). */
  count?: number | undefined;
  explain?: boolean | undefined;
}

export const DEFAULT_COUNT = 3;

/** `roadmap next`: what to work on now (main track, in parallel, ongoing), and why. */
export async function runNext(options: NextOptions, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  const { model, docId } = await ctx.loadRoadmap();
  const doc = documentState(ctx.store.read(), docId);
  const statuses = itemStatuses(model, doc);
  const next = nextSuggestions(rankInput(model, statuses, doc.plan, ctx.now()), options.count ?? DEFAULT_COUNT);
  if (ctx.json) {
    ctx.stdout.write(toJsonText(nextJson(model, suggestionList(next), statuses, ctx.t)));
    return;
  }
  ctx.stdout.write(
    renderNext(model, next, {
      chalk: ctx.chalk,
      t: ctx.t,
      columns: ctx.stdout.columns,
      wrap: ctx.stdout.isTTY,
      explain: options.explain === true,
      planTip: doc.plan === undefined && model.planning !== null && next.remaining > 0,
    }),
  );
  await mentionReadyParts(ctx, model, statuses, doc);
}

/**
 * The capstone project's parts whose preparing items are all done and not yet recorded as mentioned.
 * `next` only reads: it mentions them on every run until the learner acts on the project
 * (`roadmap project check|link` records them as mentioned; see docs/data-safety.md).
 */
async function mentionReadyParts(ctx: Context, model: Roadmap, statuses: ItemStatus[], doc: DocumentState): Promise<void> {
  const { projectNextMention } = await import('../progress/portfolio.js');
  const ready = projectNextMention(model, statuses, doc);
  if (ready.length === 0) return;
  const { renderProjectMention } = await import('../ui/render-project.js');
  ctx.stdout.write(renderProjectMention(ready, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }));
}
