import type { Context } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { addNote, checkedUrl, itemNotes, removeNote, writableDocument } from '../progress/portfolio.js';
import type { NoteRecord } from '../progress/state.js';
import { itemJson, toJsonText } from '../ui/json.js';
import { noteLine, notesJson } from '../ui/render-info.js';
import { sanitize, truncate } from '../ui/text.js';
import { resolveItem } from './item-ref.js';

export interface NoteOptions {
  item: string;
  /** The note's words (joined with spaces). */
  text: string[];
  link?: string | undefined;
  /** Number of the note or link to remove, as `info` numbers them. */
  remove?: string | undefined;
}

/** `roadmap note <item> "text"`, `--link <url>`, `--remove <n>`: dated notes and evidence links on an item. */
export async function runNote(options: NoteOptions, ctx: Context): Promise<void> {
  const { t } = ctx;
  const text = options.text.join(' ').trim();
  if (options.remove !== undefined && (text !== '' || options.link !== undefined)) throw new UsageError(t.note.textAndRemove);
  if (options.remove === undefined && options.link === undefined) {
    if (options.text.length === 0) throw new UsageError(t.note.nothingToAdd);
    if (text === '') throw new UserError(t.note.empty);
  }
  const url = options.link === undefined ? undefined : checkedUrl(options.link);
  const loaded = await ctx.loadRoadmap();
  const item = await resolveItem(loaded.model, options.item, ctx);
  const label = truncate(sanitize(item.text), 60);
  const at = ctx.now().toISOString();
  let line: string;
  if (options.remove !== undefined) {
    const wanted = options.remove.trim();
    const removed = await ctx.store.update((state) => {
      const doc = writableDocument(state, loaded.docId);
      const count = itemNotes(doc, item.key).length;
      const gone = /^\d+$/.test(wanted) ? removeNote(doc, item.key, Number(wanted)) : null;
      if (!gone) throw new UserError(t.note.noSuchNote(options.remove as string, item.id, count));
      return gone;
    });
    line = t.note.removed(Number(wanted), item.id, noteLine(removed));
  } else {
    const note: NoteRecord = { at, ...(text ? { text } : {}), ...(url ? { url } : {}) };
    const n = await ctx.store.update((state) => addNote(writableDocument(state, loaded.docId), item.key, note));
    line = url ? t.note.linked(n, item.id, label) : t.note.added(n, item.id, label);
  }
  if (ctx.json) {
    const { documentState } = await import('../progress/state.js');
    const notes = itemNotes(documentState(ctx.store.read(), loaded.docId), item.key);
    const { id, key } = itemJson(loaded.model, item.id, 'todo');
    ctx.stdout.write(toJsonText({ id, key, notes: notesJson(notes) }));
    return;
  }
  ctx.stdout.write(`${line}\n`);
}
