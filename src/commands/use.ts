import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { registerDocument } from '../progress/document-changes.js';
import { toJsonText } from '../ui/json.js';
import { sanitize } from '../ui/sanitize.js';

export interface UseOptions {
  path?: string | undefined;
  bundled?: boolean | undefined;
}

/** `roadmap use <path.md>` / `roadmap use --bundled`: the default document of later commands. Alone: which one it is. */
export async function runUse(options: UseOptions, ctx: Context): Promise<void> {
  const m = ctx.t.documents.use;
  if (options.path !== undefined && options.bundled) throw new UsageError(m.conflict);
  if (options.path === undefined && !options.bundled) {
    const doc = await ctx.loadRoadmap();
    const title = sanitize(doc.model.title ?? ctx.t.untitled);
    if (ctx.json) ctx.stdout.write(toJsonText({ id: doc.docId, path: doc.path, bundled: doc.bundled, title: doc.model.title }));
    else ctx.stdout.write(`${doc.bundled ? m.bundled(title) : m.current(title, sanitize(doc.path))}\n`);
    return;
  }
  const doc = await ctx.loadDocument(options.bundled ? undefined : options.path);
  const at = ctx.now().toISOString();
  await ctx.store.update((state) => {
    if (doc.bundled) {
      delete state.current;
      return;
    }
    state.current = doc.path;
    registerDocument(state, doc, at);
  });
  const title = sanitize(doc.model.title ?? ctx.t.untitled);
  if (ctx.json) {
    ctx.stdout.write(toJsonText({ id: doc.docId, path: doc.path, bundled: doc.bundled, title: doc.model.title }));
  } else if (doc.bundled) {
    ctx.stdout.write(`${m.bundled(title)}\n`);
  } else {
    ctx.stdout.write(`${m.nowUsing(title, sanitize(doc.path), doc.model.items.length)}\n${ctx.chalk.dim(m.backHint)}\n`);
  }
  const by = ctx.env.ROADMAP_FILE ? 'ROADMAP_FILE' : undefined;
  if (by) ctx.stderr.write(`${m.overridden(by)}\n`);
}
