import type { Context } from '../context.js';
import { documentState } from '../progress/state.js';
import { itemStatuses, roadmapProgress } from '../progress/stats.js';
import { levelIndex } from '../roadmap/select.js';
import { statusJson, toJsonText } from '../ui/json.js';
import { renderStatus } from '../ui/render-status.js';

export interface StatusOptions {
  level?: number | undefined;
}

/** `roadmap status`: progress overall, per level and per section. */
export async function runStatus(options: StatusOptions, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  // The outline is enough (levels, sections, item keys): for a large document, a fraction of the model.
  const doc = await ctx.loadOutline();
  const statuses = itemStatuses(doc.outline, documentState(ctx.store.read(), doc.docId));
  const progress = roadmapProgress(doc.outline, statuses);
  if (options.level !== undefined) {
    const index = levelIndex(doc.outline, options.level);
    progress.levels = progress.levels.filter((_, i) => i === index);
  }
  ctx.stdout.write(
    ctx.json ? toJsonText(statusJson(progress)) : renderStatus(progress, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }),
  );
}
