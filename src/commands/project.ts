import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import type { LoadedRoadmap } from '../io/load-roadmap.js';
import {
  addPartLink,
  checkedUrl,
  markPartsMentioned,
  projectNextMention,
  projectView,
  resolvePart,
  setPartStatus,
  writableDocument,
} from '../progress/portfolio.js';
import { documentState, type State } from '../progress/state.js';
import { itemStatuses } from '../progress/stats.js';
import { type Capstone, findCapstone } from '../roadmap/capstone.js';
import { toJsonText } from '../ui/json.js';
import { projectJson, renderProject } from '../ui/render-project.js';
import { sanitize } from '../ui/sanitize.js';

/** `roadmap project`: the capstone project's parts, their status, links and how ready the learner is. */
export async function runProject(_options: Record<string, never>, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  const loaded = await ctx.loadRoadmap();
  const { model } = loaded;
  const capstone = findCapstone(model);
  const doc = documentState(ctx.store.read(), loaded.docId);
  const views = capstone ? projectView(model, capstone, itemStatuses(model, doc), doc) : [];
  if (ctx.json) {
    ctx.stdout.write(toJsonText(projectJson(model, capstone, views)));
    return;
  }
  if (!capstone) {
    ctx.stdout.write(`${ctx.t.project.none}\n`);
    return;
  }
  ctx.stdout.write(renderProject(model, capstone, views, { chalk: ctx.chalk, t: ctx.t, columns: ctx.stdout.columns }));
}

export interface ProjectCheckOptions {
  part: string;
  done: boolean;
}

/** `roadmap project check|uncheck <part>`: sets a part's own status. */
export async function runProjectCheck(options: ProjectCheckOptions, ctx: Context): Promise<void> {
  const { loaded, capstone } = await capstoneOf(ctx);
  const part = resolvePart(capstone, options.part);
  const status = options.done ? 'done' : 'todo';
  const at = ctx.now().toISOString();
  const changed = await ctx.store.update((state) => {
    recordMentions(state, loaded, at);
    return setPartStatus(writableDocument(state, loaded.docId), part.key, status, at);
  });
  if (ctx.json) return writeJson(ctx, loaded);
  const { project } = ctx.t;
  const line = changed
    ? options.done
      ? project.done(part.number, sanitize(part.text))
      : project.undone(part.number, sanitize(part.text))
    : options.done
      ? project.alreadyDone(part.number)
      : project.alreadyTodo(part.number);
  ctx.stdout.write(`${line}\n`);
}

export interface ProjectLinkOptions {
  part: string;
  url: string;
}

/** `roadmap project link <part> <url>`: adds an evidence link to a part. */
export async function runProjectLink(options: ProjectLinkOptions, ctx: Context): Promise<void> {
  const { loaded, capstone } = await capstoneOf(ctx);
  const part = resolvePart(capstone, options.part);
  const url = checkedUrl(options.url);
  const at = ctx.now().toISOString();
  const added = await ctx.store.update((state) => {
    recordMentions(state, loaded, at);
    return addPartLink(writableDocument(state, loaded.docId), part.key, url, at);
  });
  if (ctx.json) return writeJson(ctx, loaded);
  ctx.stdout.write(`${added ? ctx.t.project.linked(part.number, sanitize(url)) : ctx.t.project.alreadyLinked(part.number)}\n`);
}

/**
 * The ready parts `next` has been mentioning (it only reads, so it never records them): acting on the
 * project records them as mentioned, and `next` stops mentioning them.
 */
function recordMentions(state: State, loaded: LoadedRoadmap, at: string): void {
  const doc = writableDocument(state, loaded.docId);
  const ready = projectNextMention(loaded.model, itemStatuses(loaded.model, doc), doc);
  if (ready.length > 0) {
    markPartsMentioned(
      doc,
      ready.map((view) => view.part.key),
      at,
    );
  }
}

async function capstoneOf(ctx: Context): Promise<{ loaded: LoadedRoadmap; capstone: Capstone }> {
  const loaded = await ctx.loadRoadmap();
  const capstone = findCapstone(loaded.model);
  if (!capstone) throw new UserError(ctx.t.project.noneError);
  return { loaded, capstone };
}

function writeJson(ctx: Context, loaded: LoadedRoadmap): void {
  const capstone = findCapstone(loaded.model);
  const doc = documentState(ctx.store.read(), loaded.docId);
  const views = capstone ? projectView(loaded.model, capstone, itemStatuses(loaded.model, doc), doc) : [];
  ctx.stdout.write(toJsonText(projectJson(loaded.model, capstone, views)));
}
