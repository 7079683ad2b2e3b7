// TEMPORARY shim until src/roadmap/refs.ts (issue 3) lands on main: numbers and keys only.
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import type { Item, Roadmap } from '../roadmap/model.js';

/** The one item a reference names. */
export async function resolveItem(model: Roadmap, ref: string, _ctx: Context): Promise<Item> {
  const wanted = ref.trim();
  const item = /^\d+$/.test(wanted) ? model.items[Number(wanted) - 1] : model.items.find((i) => i.key === wanted);
  if (!item) throw new UserError(`no item matches "${ref}"`);
  return item;
}
