import type { ItemChange } from '../progress/changes.js';
import type { UndoStep } from '../progress/state.js';
import type { ItemStatus, Roadmap } from '../roadmap/model.js';

/**
 * `check|uncheck|start|skip --json`: `{ dryRun, changes: [{ id, key, text, from, to }],
 * unchanged: [{ id, key, text, status }] }`.
 */
export function changesJson(
  model: Roadmap,
  changes: readonly ItemChange[],
  unchanged: ReadonlyArray<{ id: number; status: ItemStatus }>,
  dryRun: boolean,
) {
  return {
    dryRun,
    changes: changes.map(changeJson(model)),
    unchanged: unchanged.map(({ id, status }) => {
      const item = model.items[id - 1];
      return { id, key: item?.key ?? null, text: item?.text ?? null, status };
    }),
  };
}

/** `undo --json`: `{ dryRun, undone: { at, command }, changes: [...] }`. */
export function undoJson(model: Roadmap, step: UndoStep, changes: readonly ItemChange[], dryRun: boolean) {
  return { dryRun, undone: { at: step.at, command: step.command }, changes: changes.map(changeJson(model)) };
}

function changeJson(model: Roadmap) {
  return (change: ItemChange) => ({
    id: change.id,
    key: change.key,
    text: change.id === null ? null : (model.items[change.id - 1]?.text ?? null),
    from: change.from,
    to: change.to,
  });
}
