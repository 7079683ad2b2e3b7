import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { itemNotes, itemsWithNotes } from '../progress/portfolio.js';
import { documentState } from '../progress/state.js';
import { itemStatuses, roadmapProgress } from '../progress/stats.js';
import { levelIndex, sectionItemIds } from '../roadmap/select.js';
import { itemJson, toJsonText } from '../ui/json.js';
import { renderList } from '../ui/render-list.js';

export interface ListOptions {
  level?: number | undefined;
  section?: string | undefined;
  todo?: boolean | undefined;
  done?: boolean | undefined;
  /** Mark the items that have notes or links. */
  notes?: boolean | undefined;
}

/** `roadmap list`: every item with its number and state, filtered by level, section and state. */
export async function runList(options: ListOptions, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  if (options.todo && options.done) throw new UsageError(ctx.t.errors.conflictingFilters);
  const doc = await ctx.loadRoadmap();
  const { model } = doc;
  const docState = documentState(ctx.store.read(), doc.docId);
  const statuses = itemStatuses(model, docState);
  const withNotes = options.notes ? itemsWithNotes(model, docState) : undefined;
  const level = options.level === undefined ? undefined : levelIndex(model, options.level);
  const inSections = options.section === undefined ? undefined : sectionItemIds(model, options.section);
  const shown = new Set(
    model.items
      .filter((item) => {
        const status = statuses[item.id - 1];
        if (level !== undefined && item.level !== level) return false;
        if (inSections && !inSections.has(item.id)) return false;
        if (options.todo && status !== 'todo' && status !== 'doing') return false;
        if (options.done && status !== 'done') return false;
        return true;
      })
      .map((item) => item.id),
  );
  if (ctx.json) {
    const items = [...shown].map((id) => {
      const json = itemJson(model, id, statuses[id - 1] ?? 'todo');
      return withNotes ? { ...json, notes: itemNotes(docState, json.key).length } : json;
    });
    ctx.stdout.write(toJsonText({ items }));
    return;
  }
  const progress = roadmapProgress(model, statuses);
  ctx.stdout.write(
    renderList(model, statuses, progress, shown, {
      chalk: ctx.chalk,
      t: ctx.t,
      columns: ctx.stdout.columns,
      wrap: ctx.stdout.isTTY,
      marked: withNotes,
    }),
  );
}
