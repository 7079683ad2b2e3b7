import { MARK_COMMANDS, type MarkCommand } from '../command-line.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { type ChangePlan, planChanges, recordChanges, type Target } from '../progress/changes.js';
import { dayOf, formatDay } from '../progress/days.js';
import { registerDocument } from '../progress/document-changes.js';
import { type DocumentState, documentState } from '../progress/state.js';
import { itemStatuses, roadmapProgress } from '../progress/stats.js';
import type { Roadmap } from '../roadmap/model.js';
import { levelIndex, sectionItemIds } from '../roadmap/select.js';
import { askCheckoff } from '../ui/checkoff.js';
import { toJsonText } from '../ui/json.js';
import { changesJson } from '../ui/json-changes.js';
import { renderChanges } from '../ui/render-changes.js';
import { checkRef, pickRef } from './item-ref.js';

export interface CheckOptions {
  command: MarkCommand;
  /** Numbers, keys or text fragments; none: the interactive list. */
  refs: string[];
  level?: number | undefined;
  section?: string | undefined;
  dryRun?: boolean | undefined;
}

/** `roadmap check|uncheck|start|skip [items...]`: sets items' status, by reference or in an interactive list. */
export async function runCheck(options: CheckOptions, ctx: Context): Promise<void> {
  const to = MARK_COMMANDS[options.command];
  const doc = await ctx.loadRoadmap();
  const { model } = doc;
  const scope = scopeOf(model, options);
  let targets: Target[];
  if (options.refs.length === 0) {
    if (!ctx.isInteractive) throw new UsageError(ctx.t.errors.noTerminal(options.command));
    const statuses = itemStatuses(model, documentState(ctx.store.read(), doc.docId));
    const ids = model.items.map((item) => item.id).filter((id) => !scope || scope.has(id));
    const columns = ctx.stdout.columns;
    targets = await askCheckoff({ model, statuses, ids, to, prompts: ctx.prompts, t: ctx.t, chalk: ctx.chalk, columns });
  } else {
    const ids = await resolveRefs(model, options.refs, scope, ctx);
    targets = ids.map((id) => ({ id, to }));
  }

  const at = ctx.now().toISOString();
  let plan: ChangePlan;
  let after: DocumentState;
  let hintsOff = false;
  if (options.dryRun) {
    const before = documentState(ctx.store.read(), doc.docId);
    plan = planChanges(model, before, targets);
    after = recordChanges(before, plan.changes, at, options.command);
  } else {
    // Planned again under the lock, on the state as it is now: another run may have changed it.
    ({ plan, after, hintsOff } = await ctx.store.update((state) => {
      // Records the document's items with its progress, so later edits of the document are recognised.
      registerDocument(state, doc, at);
      const before = documentState(state, doc.docId);
      const planned = planChanges(model, before, targets);
      const next = recordChanges(before, planned.changes, at, options.command);
      if (next !== before) state.documents[doc.docId] = next;
      return { plan: planned, after: next, hintsOff: state.hints === 'off' };
    }));
  }

  const progress = roadmapProgress(model, itemStatuses(model, after));
  if (ctx.json) {
    ctx.stdout.write(toJsonText(changesJson(model, plan.changes, plan.unchanged, options.dryRun === true)));
    return;
  }
  const view = { model, progress, chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.isTTY ? ctx.stdout.columns : undefined };
  let text = renderChanges(view, plan.changes, plan.unchanged);
  if (!text) text = `${ctx.t.progress.noChange}\n`;
  if (options.dryRun) text += `${ctx.chalk.dim(ctx.t.progress.dryRun)}\n`;
  else if ((options.command === 'check' || options.command === 'start') && !hintsOff) {
    text += await hintAfter(doc.docId, model, after, plan, ctx);
  }
  ctx.stdout.write(text);
}

/**
 * After `check`/`start`: one line naming a more urgent item of the same track, when there is one (see
 * urgentHint) and it was not named already today (the memory is in the cache folder).
 */
async function hintAfter(docId: string, model: Roadmap, after: DocumentState, plan: ChangePlan, ctx: Context): Promise<string> {
  const { hintsOffByEnv, namedOn, rememberNamed } = await import('../store/hint-memory.js');
  if (hintsOffByEnv(ctx.env)) return '';
  const changedIds = plan.changes.map((change) => change.id).filter((id): id is number => id !== null);
  const { urgentHint } = await import('../progress/guide.js');
  const hint = urgentHint(model, itemStatuses(model, after), changedIds, ctx.now(), after.plan);
  const item = hint ? model.items[hint.better.facts.id - 1] : undefined;
  if (!hint || !item) return '';
  const today = formatDay(dayOf(ctx.now()));
  if (namedOn(ctx.paths.cacheDir, docId, item.key, today)) return '';
  rememberNamed(ctx.paths.cacheDir, docId, item.key, today);
  const { renderUrgentHint } = await import('../ui/render-next.js');
  return renderUrgentHint(hint, model, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.isTTY ? ctx.stdout.columns : undefined });
}

/** The level/section filters as a set of item ids, or undefined for the whole document. */
function scopeOf(model: Roadmap, options: CheckOptions): Set<number> | undefined {
  if (options.level === undefined && options.section === undefined) return undefined;
  const level = options.level === undefined ? undefined : levelIndex(model, options.level);
  const inSections = options.section === undefined ? undefined : sectionItemIds(model, options.section);
  return new Set(
    model.items
      .filter((item) => (level === undefined || item.level === level) && (!inSections || inSections.has(item.id)))
      .map((item) => item.id),
  );
}

/**
 * Every reference to an item id; the first one that names nothing stops the command before anything
 * is written (all are checked before any prompt opens). An ambiguous one is asked about in a terminal,
 * an error listing the candidates otherwise.
 */
async function resolveRefs(model: Roadmap, refs: readonly string[], scope: Set<number> | undefined, ctx: Context): Promise<number[]> {
  const checked = refs.map((ref) => checkRef(model, ref, scope, ctx));
  const ids: number[] = [];
  for (const entry of checked) ids.push(await pickRef(model, entry, ctx));
  return ids;
}
