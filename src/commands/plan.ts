import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { dayOf, formatDay, parseDay } from '../progress/days.js';
import { logEntries } from '../progress/history.js';
import { planRows, planTimeline, projectFinish } from '../progress/plan.js';
import { type DocumentState, documentState, setPlanStart } from '../progress/state.js';
import { itemStatuses } from '../progress/stats.js';
import { planJson } from '../ui/guide-json.js';
import { toJsonText } from '../ui/json.js';
import { renderPlan } from '../ui/render-plan.js';
import { wrap } from '../ui/text.js';

export interface PlanOptions {
  /** A `YYYY-MM-DD` day (checked by the CLI), or true for today. */
  start?: string | true | undefined;
  /** Show how each period's words matched the document. */
  explain?: boolean | undefined;
}

/**
 * `roadmap plan`: records the start (`--start`, or today the first time), then shows the planning
 * table as a timeline with progress, on track / behind and the projected finish.
 */
export async function runPlan(options: PlanOptions, ctx: Context): Promise<void> {
  const { model, docId } = await ctx.loadRoadmap();
  if (!model.planning) throw new UserError(ctx.t.errors.noPlanning);
  const today = dayOf(ctx.now());
  let doc: DocumentState = documentState(ctx.store.read(), docId);
  let notice: string | null = null;
  if (options.start !== undefined || doc.plan === undefined) {
    const start = options.start === undefined || options.start === true ? formatDay(today) : options.start;
    const state = await ctx.store.update((fresh) => {
      setPlanStart(fresh, docId, start);
      return fresh;
    });
    doc = documentState(state, docId);
    notice = options.start === undefined ? ctx.t.plan.startedToday(start) : ctx.t.plan.startSet(start);
  }
  const statuses = itemStatuses(model, doc);
  const startDay = parseDay(doc.plan?.start ?? '') ?? today;
  const timeline = planTimeline(planRows(model), statuses, startDay, today);
  const projection = projectFinish(model, statuses, logEntries(doc), today);
  if (ctx.json) {
    if (notice) ctx.stderr.write(`${notice}\n`);
    ctx.stdout.write(toJsonText(planJson(model, timeline, projection)));
    return;
  }
  if (notice) ctx.stdout.write(`${ctx.stdout.isTTY ? wrap(notice, ctx.stdout.columns, { hard: true, trim: true }) : notice}\n\n`);
  ctx.stdout.write(
    renderPlan(model, timeline, statuses, projection, {
      chalk: ctx.chalk,
      t: ctx.t,
      columns: ctx.stdout.columns,
      wrap: ctx.stdout.isTTY,
      explain: options.explain === true,
    }),
  );
}
