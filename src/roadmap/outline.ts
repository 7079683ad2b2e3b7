import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { Item, Level, Roadmap } from './model.js';

/**
 * What `status` needs of a document: its title, levels and sections, and each item's key and mark.
 * A Roadmap is one too. For a large document it is a small part of the model (levels, keys), so
 * its cache file (`<hash>.outline.json`, beside the model's `<hash>.json`) is read in a fraction of
 * the time: 10 000 items, ~0.5 MB of keys instead of a ~3 MB model.
 */
export interface RoadmapOutline {
  title: string | null;
  levels: Level[];
  items: Pick<Item, 'id' | 'key' | 'checked' | 'parent'>[];
}

/** The outline file of a content. */
interface OutlineEntry {
  format: 1;
  parser: string;
  hash: string;
  title: string | null;
  levels: Level[];
  /** The items' keys, one per line (keys are slugs: no line breaks). One string parses faster than 10 000. */
  keys: string;
  /** How many items: the keys' line count is checked against it. */
  count: number;
  /** Ids of the items the document itself ticks (`[x]`). */
  checked: number[];
  /** Each nested item's id followed by its parent's id (parents roll up: see `rollUp`). */
  nested: number[];
  /** The document itself, in the bundled roadmap's outline (dist/roadmap.outline.json): compared, not hashed. */
  source?: string;
}

export const outlineFileName = (hash: string) => `${hash}.outline.json`;

/** The outline file's text for a model: ASCII (other characters as `\u` escapes), read without UTF-8 decoding. */
export function serializeOutline(parser: string, hash: string, model: Roadmap, source?: string): string {
  const entry: OutlineEntry = {
    format: 1,
    parser,
    hash,
    title: model.title,
    levels: model.levels,
    keys: model.items.map((item) => item.key).join('\n'),
    count: model.items.length,
    checked: model.items.filter((item) => item.checked).map((item) => item.id),
    nested: model.items.flatMap((item) => (item.parent === null ? [] : [item.id, item.parent])),
    ...(source === undefined ? {} : { source }),
  };
  return JSON.stringify(entry).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The outline in a file, when it was made by this parser for this content; null when missing, corrupt or made for something else. */
export function readOutline(file: string, parser: string, hash: string): RoadmapOutline | null {
  const read = readOutlineFile(file, parser);
  return read && read.hash === hash ? read.outline : null;
}

/** An outline file made by this parser, with the hash (and the document, if it holds it) it was made for; null when missing or corrupt. */
export function readOutlineFile(file: string, parser: string): { hash: string; outline: RoadmapOutline; source?: string } | null {
  try {
    const raw = readFileSync(file);
    if (!isAscii(raw)) return null;
    const entry = JSON.parse(raw.toString('latin1')) as Partial<OutlineEntry>;
    if (entry.format !== 1 || entry.parser !== parser || typeof entry.hash !== 'string') return null;
    const { keys, count, checked, nested, levels, source } = entry;
    if (typeof keys !== 'string' || !Array.isArray(checked) || !Array.isArray(nested) || !Array.isArray(levels)) return null;
    const split = count === 0 ? [] : keys.split('\n');
    if (split.length !== count) return null;
    if (!levels.every((level) => Array.isArray(level?.sections) && Array.isArray(level.itemIds))) return null;
    const ticked = new Set(checked);
    const parents = new Map<number, number>();
    for (let i = 0; i + 1 < nested.length; i += 2) parents.set(nested[i] as number, nested[i + 1] as number);
    const outline = {
      title: entry.title ?? null,
      levels,
      items: split.map((key, index) => ({ id: index + 1, key, checked: ticked.has(index + 1), parent: parents.get(index + 1) ?? null })),
    };
    return typeof source === 'string' ? { hash: entry.hash, outline, source } : { hash: entry.hash, outline };
  } catch {
    return null;
  }
}
