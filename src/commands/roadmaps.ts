import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { BUNDLED_ID } from '../io/load-roadmap.js';
import { documentState } from '../progress/state.js';
import { countItems, itemStatuses } from '../progress/stats.js';
import { errorMessage } from '../ui/error-words.js';
import { toJsonText } from '../ui/json.js';
import { type RoadmapRow, renderRoadmaps } from '../ui/render-documents.js';

/** `roadmap roadmaps`: every document with progress (and the bundled one), the current one starred. */
export async function runRoadmaps(ctx: Context): Promise<void> {
  ctx.store.readOnly();
  const state = ctx.store.read();
  let currentId: string | null = null;
  try {
    currentId = (await ctx.loadRoadmap()).docId;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    currentId = state.current ?? null;
  }
  const ids = [BUNDLED_ID, ...Object.keys(state.documents).filter((id) => id !== BUNDLED_ID)];
  for (const extra of [state.current, currentId]) if (extra && !ids.includes(extra)) ids.push(extra);
  const rows: RoadmapRow[] = [];
  for (const id of ids) {
    const bundled = id === BUNDLED_ID;
    const base = { id, path: bundled ? null : id, bundled, current: id === currentId };
    try {
      const doc = await ctx.loadDocument(bundled ? undefined : id);
      const statuses = itemStatuses(doc.model, documentState(state, id));
      const counts = countItems(
        doc.model.items.map((item) => item.id),
        statuses,
      );
      rows.push({ ...base, title: doc.model.title, total: counts.total, done: counts.done, percent: counts.percent, error: null });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const title = Object.hasOwn(state.documents, id) ? (state.documents[id]?.title ?? null) : null;
      rows.push({ ...base, title, total: 0, done: 0, percent: 0, error: errorMessage(error, ctx.t) });
    }
  }
  if (ctx.json) ctx.stdout.write(toJsonText({ roadmaps: rows }));
  else ctx.stdout.write(renderRoadmaps(rows, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }));
}
