import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import type { Item, Roadmap } from '../roadmap/model.js';
import { resolveItemRef } from '../roadmap/refs.js';
import { askWhich } from '../ui/checkoff.js';
import { candidateLines } from '../ui/render-changes.js';

/**
 * The one item a reference names (number, key or text fragment, as `check` reads them). Nothing
 * matching: an error with did-you-mean; several: a choice in a terminal, else an error listing them.
 */
export async function resolveItem(model: Roadmap, ref: string, ctx: Context): Promise<Item> {
  const { t } = ctx;
  const result = resolveItemRef(model, ref);
  let id: number;
  switch (result.kind) {
    case 'item':
      id = result.id;
      break;
    case 'empty':
      throw new UserError(t.errors.emptyRef);
    case 'out-of-range':
      throw new UserError(t.errors.outOfRange(result.number, result.max));
    case 'none':
      throw new UserError(
        t.errors.unknownItem(ref),
        result.suggestions.length ? [t.errors.didYouMean, ...candidateLines(model, result.suggestions, t)] : [],
      );
    case 'ambiguous':
      if (!ctx.isInteractive) throw new UserError(t.errors.ambiguousRef(ref, result.ids.length), candidateLines(model, result.ids, t));
      id = await askWhich(ctx.prompts, model, ref, result.ids, t, ctx.stdout.columns);
      break;
  }
  const item = model.items[id - 1];
  if (!item) throw new UserError(t.errors.outOfRange(id, model.items.length));
  return item;
}
