import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dayOf, formatLocalTime, parseSince } from '../progress/days.js';
import { history, logEntries, weeklyRecap } from '../progress/history.js';
import { logJson } from '../ui/guide-json.js';
import { toJsonText } from '../ui/json.js';
import { renderLog } from '../ui/render-log.js';

export interface LogOptions {
  /** A day (`YYYY-MM-DD`), an ISO date-time, or a duration back from today (`7d`, `4w`). */
  since?: string | undefined;
}

/** `roadmap log`: the dated changes, newest first, and the weekly recap with the streak. */
export async function runLog(options: LogOptions, ctx: Context): Promise<void> {
  ctx.store.readOnly();
  const today = dayOf(ctx.now());
  const since = options.since === undefined ? undefined : parseSince(options.since, today);
  if (since === null) throw new UsageError(ctx.t.errors.badSince(options.since ?? ''));
  const { model, docId } = await ctx.loadRoadmap();
  const log = logEntries({ items: {}, log: ctx.store.history(docId) });
  const entries = history(model, log, since);
  const recap = weeklyRecap(log, today);
  if (ctx.json) {
    ctx.stdout.write(toJsonText(logJson(entries, recap)));
    return;
  }
  ctx.stdout.write(
    renderLog(entries, recap, {
      chalk: ctx.chalk,
      t: ctx.t,
      columns: ctx.stdout.columns,
      since,
      time: formatLocalTime,
      wrap: ctx.stdout.isTTY,
    }),
  );
}
