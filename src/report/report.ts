import { type PartView, projectView } from '../progress/portfolio.js';
import type { DocumentState } from '../progress/state.js';
import { itemStatuses, type RoadmapProgress, roadmapProgress } from '../progress/stats.js';
import { type Capstone, findCapstone } from '../roadmap/capstone.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import { planTimeline, type Timeline } from './timeline.js';

/** Everything the progress report shows, without words or colours (ui/report-html.ts renders it). */
export interface ReportModel {
  model: Roadmap;
  statuses: readonly ItemStatus[];
  progress: RoadmapProgress;
  doc: DocumentState;
  project: { capstone: Capstone; parts: PartView[] } | null;
  timeline: Timeline | null;
  now: Date;
}

/** Gathers what the report shows: statuses, progress, the capstone project and the planning timeline. */
export function reportModel(model: Roadmap, doc: DocumentState, now: Date): ReportModel {
  const statuses = itemStatuses(model, doc);
  const capstone = findCapstone(model);
  return {
    model,
    statuses,
    progress: roadmapProgress(model, statuses),
    doc,
    project: capstone ? { capstone, parts: projectView(model, capstone, statuses, doc) } : null,
    timeline: model.planning ? planTimeline(model.planning, doc, now) : null,
    now,
  };
}
