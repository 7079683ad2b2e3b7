import type { ChalkInstance } from 'chalk';
import type { Target } from '../progress/changes.js';
import { checkoffRule, checkoffTargets, type ItemGroup, itemGroups, matchGroups } from '../progress/checkoff.js';
import { countItems } from '../progress/stats.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';
import type { Messages } from './messages.js';
import type { PromptEntry, Prompts } from './prompts.js';
import { candidateName, levelName } from './render-changes.js';
import { padStart, sanitize, truncate } from './text.js';

/** More items than this: pick a section first (type to filter), then tick in that section. */
export const LONG_LIST = 100;
const PAGE_SIZE = 20;

export interface CheckoffView {
  model: Roadmap;
  statuses: readonly ItemStatus[];
  /** The items in scope (level/section filters), in document order. */
  ids: readonly number[];
  to: ItemStatus;
  prompts: Prompts;
  t: Messages;
  chalk: ChalkInstance;
  columns: number;
}

/**
 * The interactive check-off: a checkbox list grouped by level and section, items in the wanted
 * status pre-ticked. A long list is walked a section at a time: a search prompt picks the section
 * (typing filters by section title or item text), its items are ticked, and "save" ends the session.
 * Returns the changes asked for; nothing is written here.
 */
export async function askCheckoff(view: CheckoffView): Promise<Target[]> {
  const { model, statuses, to } = view;
  const rule = checkoffRule(to);
  const ids = view.ids.filter((id) => rule.offered(statuses[id - 1] ?? 'todo'));
  const ticked = new Set(ids.filter((id) => rule.ticked(statuses[id - 1] ?? 'todo')));
  const groups = itemGroups(model, ids);
  if (ids.length <= LONG_LIST || groups.length <= 1) {
    const answer = await view.prompts.checkbox({
      message: view.t.prompts.checkoff[to],
      choices: groupChoices(view, groups, ticked),
      pageSize: PAGE_SIZE,
    });
    return checkoffTargets(ids, statuses, new Set(answer), to);
  }
  for (;;) {
    const pending = checkoffTargets(ids, statuses, ticked, to).length;
    const picked = await view.prompts.search<ItemGroup | 'save'>({
      message: view.t.prompts.pickSection,
      pageSize: PAGE_SIZE,
      source: (term) => [
        { name: view.chalk.green(view.t.prompts.save(pending)), value: 'save', short: view.t.prompts.save(pending) },
        ...matchGroups(model, groups, term).map(({ group, matching }) => ({
          name: groupTitle(view, group, ticked) + (matching ? view.chalk.dim(`  · ${view.t.prompts.matching(matching)}`) : ''),
          value: group,
          short: groupTitle({ ...view, chalk: view.chalk }, group, ticked),
        })),
      ],
    });
    if (picked === 'save') return checkoffTargets(ids, statuses, ticked, to);
    const answer = new Set(
      await view.prompts.checkbox({
        message: view.t.prompts.checkoff[to],
        choices: groupChoices(view, [picked], ticked),
        pageSize: PAGE_SIZE,
      }),
    );
    for (const id of picked.ids) {
      if (answer.has(id)) ticked.add(id);
      else ticked.delete(id);
    }
  }
}

/** When a reference matches several items in a terminal: which one. */
export async function askWhich(
  prompts: Prompts,
  model: Roadmap,
  ref: string,
  ids: readonly number[],
  t: Messages,
  columns: number,
): Promise<number> {
  return prompts.select({
    message: t.prompts.ambiguous(sanitize(ref)),
    pageSize: PAGE_SIZE,
    choices: ids.map((id) => ({ name: candidateName(model, id, t, columns), value: id, short: String(id) })),
  });
}

function groupTitle(view: CheckoffView, group: ItemGroup, ticked: ReadonlySet<number>): string {
  const level = view.model.levels[group.level];
  const name = level ? levelName(level, view.t) : view.t.untitled;
  const section = group.section === null ? null : level?.sections[group.section];
  const done = group.ids.filter((id) => ticked.has(id)).length;
  return `${name}${section ? ` › ${sanitize(section.title)}` : ''}  ${view.chalk.dim(`${done}/${group.ids.length}`)}`;
}

function groupChoices(view: CheckoffView, groups: readonly ItemGroup[], ticked: ReadonlySet<number>): Array<PromptEntry<number>> {
  const { model, statuses, chalk, t } = view;
  const idWidth = String(model.items.length).length;
  const entries: Array<PromptEntry<number>> = [];
  let lastLevel = -1;
  for (const group of groups) {
    const level = model.levels[group.level];
    if (group.level !== lastLevel && level) {
      const counts = countItems(level.itemIds, statuses);
      entries.push({ separator: chalk.bold(`${sanitize(level.title || t.untitled)}  ${chalk.dim(`${counts.done}/${counts.total}`)}`) });
      lastLevel = group.level;
    }
    const section = group.section === null ? null : level?.sections[group.section];
    if (section) {
      const counts = countItems(section.itemIds, statuses);
      entries.push({ separator: `  ${sanitize(section.title)}  ${chalk.dim(`${counts.done}/${counts.total}`)}` });
    }
    for (const id of group.ids) {
      const item = model.items[id - 1];
      const status = statuses[id - 1] ?? 'todo';
      if (!item) continue;
      const note = status !== 'todo' && status !== view.to ? chalk.dim(` (${t.statusWord[status]})`) : '';
      const text = truncate(sanitize(item.text), Math.max(20, view.columns - idWidth - 16));
      entries.push({
        name: `${chalk.dim(padStart(String(id), idWidth))}  ${text}${note}`,
        value: id,
        checked: ticked.has(id),
        short: String(id),
      });
    }
  }
  return entries;
}
