import type { Context } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import type { Item, Roadmap } from '../roadmap/model.js';
import { resolveItemRef } from '../roadmap/refs.js';
import { askWhich } from '../ui/checkoff.js';
import { candidateLines } from '../ui/render-changes.js';

/** A reference that names one item (its id), or several to choose from in a terminal. */
export type CheckedRef = number | { ref: string; ids: number[] };

/**
 * Reads one reference (number, key or text fragment) without prompting: the item's id, or the
 * candidates of an ambiguous reference when a terminal can ask. Nothing matching: a UserError with
 * did-you-mean; ambiguous without a terminal: a UserError listing the candidates.
 */
export function checkRef(model: Roadmap, ref: string, scope: ReadonlySet<number> | undefined, ctx: Context): CheckedRef {
  const { t } = ctx;
  const result = resolveItemRef(model, ref, { scope });
  switch (result.kind) {
    case 'item':
      return result.id;
    case 'empty':
      throw new UserError(t.errors.emptyRef);
    case 'out-of-range':
      throw new UserError(t.errors.outOfRange(result.number, result.max));
    case 'not-a-number':
      throw new UsageError(t.errors.notAnItemNumber(ref.trim(), result.max));
    case 'none':
      throw new UserError(
        t.errors.unknownItem(ref),
        result.suggestions.length ? [t.errors.didYouMean, ...candidateLines(model, result.suggestions, t, 10, errorColumns(ctx))] : [],
      );
    case 'ambiguous':
      if (!ctx.isInteractive) {
        throw new UserError(t.errors.ambiguousRef(ref, result.ids.length), candidateLines(model, result.ids, t, 10, errorColumns(ctx)));
      }
      return { ref, ids: result.ids };
  }
}

/** The width the lines of an error fit in: stderr's, when it is a terminal (a pipe keeps them whole). */
const errorColumns = (ctx: Context) => (ctx.stderr.isTTY ? ctx.stderr.columns : undefined);

/** The id of a checked reference, asking which one in a terminal when it was ambiguous. */
export async function pickRef(model: Roadmap, checked: CheckedRef, ctx: Context): Promise<number> {
  if (typeof checked === 'number') return checked;
  return askWhich(ctx.prompts, model, checked.ref, checked.ids, ctx.t, ctx.stdout.columns);
}

/** The one item a reference names (see `checkRef`), asking in a terminal when several match. */
export async function resolveItem(model: Roadmap, ref: string, ctx: Context): Promise<Item> {
  const id = await pickRef(model, checkRef(model, ref, undefined, ctx), ctx);
  const item = model.items[id - 1];
  if (!item) throw new UserError(ctx.t.errors.outOfRange(id, model.items.length));
  return item;
}
