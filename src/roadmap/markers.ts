import type { Item, Roadmap } from './model.js';

/**
 * The document with each task marker set from `isDone` (`x` when done, a space otherwise) and every
 * other character unchanged: only the character between the brackets is rewritten, at the offset the
 * parser recorded. A done item already written `[X]` keeps its capital.
 */
export function rewriteMarkers(source: string, model: Roadmap, isDone: (item: Item) => boolean): string {
  const chars = source.split('');
  for (const item of model.items) {
    const at = item.markerOffset;
    if (chars[at - 1] !== '[' || chars[at + 1] !== ']' || !/^[ xX]$/.test(chars[at] ?? '')) {
      throw new Error(`the task marker of item ${item.id} is not at offset ${at}`);
    }
    const current = chars[at] as string;
    if (isDone(item)) chars[at] = current === 'X' ? 'X' : 'x';
    else chars[at] = ' ';
  }
  return chars.join('');
}
