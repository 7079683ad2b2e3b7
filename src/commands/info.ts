import type { Context } from '../context.js';
import { itemChanges, itemNotes } from '../progress/portfolio.js';
import { documentState } from '../progress/state.js';
import { itemStatuses } from '../progress/stats.js';
import { findCapstone, preparationOf } from '../roadmap/capstone.js';
import { itemLinks } from '../roadmap/links.js';
import { itemJson, toJsonText } from '../ui/json.js';
import { type ItemInfo, notesJson, renderInfo } from '../ui/render-info.js';
import { resolveItem } from './item-ref.js';

export interface InfoOptions {
  item: string;
}

/** `roadmap info <item>`: text, level, section, status, dated changes, notes and links, project parts. */
export async function runInfo(options: InfoOptions, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  const loaded = await ctx.loadRoadmap();
  const { model } = loaded;
  const item = await resolveItem(model, options.item, ctx);
  const state = ctx.store.read();
  const doc = { ...documentState(state, loaded.docId), log: ctx.store.history(loaded.docId, state) };
  const status = itemStatuses(model, doc)[item.id - 1] ?? 'todo';
  const capstone = findCapstone(model);
  const info: ItemInfo = {
    item,
    status,
    since: Object.hasOwn(doc.items, item.key) ? (doc.items[item.key]?.at ?? null) : null,
    changes: itemChanges(doc, item.key),
    notes: itemNotes(doc, item.key),
    prepares: capstone ? capstone.parts.filter((part) => preparationOf(model, part).itemIds.includes(item.id)) : [],
    links: itemLinks(item),
  };
  if (ctx.json) {
    ctx.stdout.write(
      toJsonText({
        ...itemJson(model, item.id, status),
        since: info.since,
        details: item.details,
        links: info.links,
        changes: info.changes.map(({ at, from, to }) => ({ at, from, to })),
        notes: notesJson(info.notes),
        project: info.prepares.map(({ number, key, text }) => ({ number, key, text })),
      }),
    );
    return;
  }
  ctx.stdout.write(renderInfo(model, info, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns, wrap: ctx.stdout.isTTY }));
}
