import type { Item } from './model.js';

/** A link written in an item's text: its words and its address, as the document gives them. */
export interface ItemLink {
  text: string;
  url: string;
}

/** The links of an item's own text, in order (a link's words in several formats are one link). */
export function itemLinks(item: Pick<Item, 'spans'>): ItemLink[] {
  const links: ItemLink[] = [];
  let previous: string | undefined;
  for (const span of item.spans) {
    if (span.href === undefined) {
      previous = undefined;
      continue;
    }
    const last = links[links.length - 1];
    if (last && previous === span.href) last.text += span.text;
    else links.push({ text: span.text, url: span.href });
    previous = span.href;
  }
  return links.map((link) => ({ text: link.text.trim() || link.url, url: link.url }));
}
