import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { readTextFile } from '../io/text-files.js';
import { registerDocument } from '../progress/document-changes.js';
import { documentState } from '../progress/state.js';
import { itemStatuses } from '../progress/stats.js';
import { checkProgressExport, markDone, mergeProgress, planMarkdownImport } from '../progress/sync.js';
import { toJsonText } from '../ui/json.js';
import { renderMarkdownImport, renderMerge } from '../ui/render-documents.js';
import { sanitize } from '../ui/sanitize.js';

export interface ImportOptions {
  file: string;
  dryRun?: boolean | undefined;
}

/**
 * `roadmap import <file.md|file.json> [--dry-run]`: the `[x]` of an edited copy of the document
 * (matched by key), or a JSON export merged item by item (the latest change wins).
 */
export async function runImport(options: ImportOptions, ctx: Context): Promise<void> {
  const text = readTextFile(options.file, ctx.cwd);
  const isJson = options.file.toLowerCase().endsWith('.json') || /^\uFEFF?\s*\{/.test(text);
  if (isJson) await importJson(options, text, ctx);
  else await importMarkdown(options, ctx);
}

async function importMarkdown(options: ImportOptions, ctx: Context): Promise<void> {
  const doc = await ctx.loadRoadmap();
  const copy = await ctx.loadDocument(options.file);
  const render = { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns };
  const planFrom = (statuses: Parameters<typeof planMarkdownImport>[1]) => planMarkdownImport(doc.model, statuses, copy.model);
  let plan = planFrom(itemStatuses(doc.model, documentState(ctx.store.read(), doc.docId)));
  if (!copy.model.items.some((item) => item.checked)) {
    ctx.stderr.write(`${ctx.t.documents.import.nothing(sanitize(copy.path))}\n`);
    return;
  }
  if (!options.dryRun && plan.newlyDone.length) {
    const at = ctx.now().toISOString();
    plan = await ctx.store.update((state) => {
      const docState = registerDocument(state, doc, at);
      const statuses = itemStatuses(doc.model, docState);
      const fresh = planFrom(statuses);
      markDone(docState, fresh.newlyDone, statuses, at);
      return fresh;
    });
  }
  if (ctx.json) {
    const ref = (item: { id: number; key: string; text: string }) => ({ id: item.id, key: item.key, text: item.text });
    ctx.stdout.write(
      toJsonText({
        dryRun: options.dryRun === true,
        newlyDone: plan.newlyDone.map(ref),
        alreadyDone: plan.alreadyDone.map(ref),
        unmatched: plan.unmatched,
        untickedHere: plan.untickedHere.map(ref),
      }),
    );
  } else ctx.stdout.write(renderMarkdownImport(plan, options.dryRun === true, render));
}

async function importJson(options: ImportOptions, text: string, ctx: Context): Promise<void> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UserError(ctx.t.documents.import.notExport(options.file, 'invalid JSON'));
  }
  const exported = checkProgressExport(data);
  if (typeof exported === 'string') throw new UserError(ctx.t.documents.import.notExport(options.file, exported));
  const doc = await ctx.loadRoadmap();
  if (exported.document.title !== null && exported.document.title !== doc.model.title) {
    ctx.stderr.write(`${ctx.t.documents.import.otherDocument(sanitize(exported.document.title))}\n`);
  }
  const at = ctx.now().toISOString();
  const result = options.dryRun
    ? mergeProgress(structuredClone(documentState(ctx.store.read(), doc.docId)), exported, doc.model, ctx.store.history(doc.docId))
    : await ctx.store.update((state) =>
        mergeProgress(registerDocument(state, doc, at), exported, doc.model, ctx.store.history(doc.docId, state)),
      );
  if (ctx.json) ctx.stdout.write(toJsonText({ dryRun: options.dryRun === true, ...result }));
  else ctx.stdout.write(renderMerge(result, options.dryRun === true, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }));
}
