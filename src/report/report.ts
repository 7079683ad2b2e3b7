import { projectView } from '../progress/portfolio.js';
import type { DocumentState } from '../progress/state.js';
import { itemStatuses, roadmapProgress } from '../progress/stats.js';
import { findCapstone } from '../roadmap/capstone.js';
import type { Roadmap } from '../roadmap/model.js';
import type { Lang } from '../ui/lang.js';
import type { Messages } from '../ui/messages.js';
import { renderBadge } from './badge.js';
import { type ReportInput, renderHtmlReport } from './html.js';
import { planTimeline } from './timeline.js';

/** Gathers what the report shows: statuses, progress, the capstone project and the planning timeline. */
export function reportInput(model: Roadmap, doc: DocumentState, t: Messages, lang: Lang, now: Date): ReportInput {
  const statuses = itemStatuses(model, doc);
  const capstone = findCapstone(model);
  return {
    model,
    statuses,
    progress: roadmapProgress(model, statuses),
    doc,
    project: capstone ? { capstone, parts: projectView(model, capstone, statuses, doc) } : null,
    timeline: model.planning ? planTimeline(model.planning, doc, now) : null,
    lang,
    t,
    now,
  };
}

/** The HTML progress report of a document. */
export function htmlReport(model: Roadmap, doc: DocumentState, t: Messages, lang: Lang, now: Date): string {
  return renderHtmlReport(reportInput(model, doc, t, lang, now));
}

/** The SVG progress badge of a document ("roadmap | 42 %"). */
export function svgBadge(model: Roadmap, doc: DocumentState, t: Messages): string {
  const progress = roadmapProgress(model, itemStatuses(model, doc));
  return renderBadge(t.report.badgeLabel, t.percent(progress.percent), progress.percent);
}
