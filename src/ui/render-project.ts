import type { PartView } from '../progress/portfolio.js';
import type { Capstone } from '../roadmap/capstone.js';
import type { Roadmap } from '../roadmap/model.js';
import type { RenderOptions } from './render-status.js';
import { progressBar, statusMark } from './style.js';
import { sanitize, truncate } from './text.js';

/** Where a part's preparation comes from: whole sections by title, other items by number. */
export function preparationSources(model: Roadmap, view: PartView): { sections: string[]; items: number[] } {
  const inSections = new Set(view.preparation.sections.flatMap((s) => model.levels[s.level]?.sections[s.section]?.itemIds ?? []));
  return {
    sections: view.preparation.sections.map((s) => s.title),
    items: view.preparation.itemIds.filter((id) => !inSections.has(id)),
  };
}

/** The `project` view: the capstone's parts, each with its status, readiness, sources and links. */
export function renderProject(model: Roadmap, capstone: Capstone, views: readonly PartView[], options: RenderOptions): string {
  const { chalk, t } = options;
  const done = views.filter((v) => v.status === 'done').length;
  const lines = [`${chalk.bold(sanitize(capstone.title))}  ${chalk.dim(t.project.summary(done, views.length))}`];
  const lead = capstone.paragraphs[0];
  if (lead) lines.push(chalk.italic(sanitize(lead)));
  const width = String(views.length).length;
  const indent = ' '.repeat(width + 4);
  for (const view of views) {
    lines.push('');
    const mark = statusMark(chalk, view.status === 'done' ? 'done' : 'todo');
    lines.push(`${String(view.part.number).padStart(width + 1)} ${mark} ${chalk.bold(sanitize(view.part.text))}`);
    const r = view.readiness;
    if (r.total === 0) {
      lines.push(`${indent}${chalk.dim(t.project.nothingPrepares)}`);
    } else {
      const percent = t.percent(r.percent);
      const state = view.ready ? chalk.green(`${t.project.ready} ✔`) : t.project.readiness(percent);
      lines.push(
        `${indent}${progressBar(chalk, chalk.green, r.done, r.total - r.skipped, 12)}  ${state} ${chalk.dim(`(${r.done}/${r.total})`)}`,
      );
      const sources = preparationSources(model, view);
      const named = [
        ...sources.sections.map(sanitize),
        ...sources.items.map((id) => `${t.project.item(id)} ${truncate(sanitize(model.items[id - 1]?.text ?? ''), 30)}`),
      ];
      lines.push(`${indent}${chalk.dim(t.project.preparedBy)} ${named.join(' · ')}`);
    }
    for (const link of view.links) lines.push(`${indent}🔗 ${sanitize(link.url)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `project --json`: the parts with their status, links, preparing items and readiness. */
export function projectJson(model: Roadmap, capstone: Capstone | null, views: readonly PartView[]) {
  return {
    title: capstone?.title ?? null,
    parts: views.map((view) => {
      const sources = preparationSources(model, view);
      return {
        number: view.part.number,
        key: view.part.key,
        text: view.part.text,
        status: view.status,
        at: view.at,
        links: view.links,
        items: view.preparation.itemIds,
        sections: sources.sections,
        readiness: {
          total: view.readiness.total,
          done: view.readiness.done,
          skipped: view.readiness.skipped,
          percent: view.readiness.percent,
        },
        ready: view.ready,
      };
    }),
  };
}

/** The lines `next` prints once for parts whose preparing items are all done (see `projectNextMention`). */
export function renderProjectMention(views: readonly PartView[], options: RenderOptions): string {
  const { chalk, t } = options;
  const lines = views.flatMap((view) => [
    chalk.bold(t.project.nextReady(view.part.number, sanitize(view.part.text))),
    chalk.dim(t.project.nextReadyHint(view.part.number)),
  ]);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
