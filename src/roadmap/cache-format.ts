import type { Item, Roadmap, Span } from './model.js';

/**
 * The model cache's file format. Format 2 leaves out of each item what is rebuilt in place when read
 * (`id`, `text` when it is the spans' text, `children`, empty `details`): a 10 000-item entry is about
 * half the plain model's JSON. Items are completed in place, not copied: copying doubled the garbage
 * collector's work at start-up (docs/performance.md). An entry is only written in format 2 when
 * decoding it gives back exactly the model; otherwise (a model with fields this code does not know) it
 * is written as format 1, the plain model.
 */
export interface CacheEntry {
  format: 1 | 2;
  parser: string;
  hash: string;
  model: Roadmap;
  /** The document itself, in the bundled roadmap's pre-parsed entry only: compared, not hashed, at start-up. */
  source?: string;
}

type StoredItem = Omit<Item, 'id' | 'text' | 'children' | 'details'> & Partial<Pick<Item, 'text' | 'details'>>;

const spansText = (spans: readonly Span[]) => spans.map((s) => s.text).join('');

function storedItem(item: Item): StoredItem {
  const { id: _id, children: _children, text, details, ...rest } = item;
  const stored: StoredItem = rest;
  if (text !== spansText(item.spans)) stored.text = text;
  if (details.length > 0) stored.details = details;
  return stored;
}

/** Completes stored items in place into model items. */
function completeItems(items: Item[]): void {
  items.forEach((item, index) => {
    item.id = index + 1;
    item.text ??= spansText(item.spans);
    item.children = [];
    item.details ??= [];
  });
  for (const item of items) if (item.parent !== null) items[item.parent - 1]?.children.push(item.id);
}

/**
 * The text of a cache entry for a model: compact (format 2) when it decodes back to the same model.
 * Pure ASCII (other characters as `\\u` escapes), so it is read as a one-byte string without UTF-8
 * decoding (a third of the time; docs/performance.md).
 */
export function serializeEntry(parser: string, hash: string, model: Roadmap, source?: string): string {
  const compact = { format: 2, parser, hash, model: { ...model, items: model.items.map(storedItem) }, source };
  let text = JSON.stringify(compact);
  const back = decodeEntry(JSON.parse(text) as CacheEntry);
  if (!back || !sameJson(back, model)) text = JSON.stringify({ format: 1, parser, hash, model, source } satisfies CacheEntry);
  return text.replace(NON_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Every UTF-16 code unit outside ASCII (surrogate halves one by one: JSON.parse joins them again).
const NON_ASCII = /[\u0080-\uffff]/g;

/** The model of a parsed cache entry, or null when it is not a well-formed entry of a known format. */
export function decodeEntry(entry: Partial<CacheEntry>): Roadmap | null {
  const model = entry.model;
  if (!model || typeof model !== 'object' || !Array.isArray(model.levels) || !Array.isArray(model.notes)) return null;
  if ((entry.format !== 1 && entry.format !== 2) || !Array.isArray(model.items)) return null;
  if (!model.notes.every((note) => Array.isArray(note?.bullets) && note.bulletKeys?.length === note.bullets.length)) return null;
  if (entry.format === 2) completeItems(model.items);
  return model;
}

/** Deep equality of JSON values, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
