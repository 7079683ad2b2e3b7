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
 * `roadmap plan`: shows the planning table as a timeline with progress, on track / behind and the
 * projected finish. `--start` records the start; without it the command only reads (with no start
 * recorded, the timeline is counted from today and says how to record it).
 */
export async function runPlan(options: PlanOptions, ctx: Context): Promise<void> {
  if (options.start === undefined) ctx.store.readOnly();
  const { model, docId } = await ctx.loadRoadmap();
  if (!model.planning) throw new UserError(ctx.t.errors.noPlanning);
  const today = dayOf(ctx.now());
  let state = ctx.store.read();
  let doc: DocumentState = documentState(state, docId);
  let notice: string | null = null;
  if (options.start !== undefined) {
    const start = options.start === true ? formatDay(today) : options.start;
    state = await ctx.store.update((fresh) => {
      setPlanStart(fresh, docId, start);
      return fresh;
    });
    doc = documentState(state, docId);
    notice = ctx.t.plan.startSet(start);
  } else if (doc.plan === undefined) notice = ctx.t.plan.fromToday(formatDay(today));
  const statuses = itemStatuses(model, doc);
  const startDay = parseDay(doc.plan?.start ?? '') ?? today;
  const timeline = planTimeline(planRows(model), statuses, startDay, today);
  const projection = projectFinish(model, statuses, logEntries({ items: {}, log: ctx.store.history(docId, state) }), today);
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
