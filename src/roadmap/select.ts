import { UserError } from '../errors.js';
import type { Messages } from '../ui/messages.js';
import type { Roadmap } from './model.js';

/** Lower case, accents removed, spaces folded: the form in which user text is compared to the document's. */
export function fold(text: string): string {
  // Printable ASCII (most words): lower case is all there is to it, and `next` folds every word of
  // every item (normalize and the \p{M} regex cost ~1 ms there).
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ +/g, ' ').trim();
  // Upper then lower case: full case folding, so `STRASSE` finds `Straße` (found by a property test).
  return text.toUpperCase().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Index of the level with this number; a UserError naming the known numbers otherwise. */
export function levelIndex(model: Pick<Roadmap, 'levels'>, number: number, t: Messages): number {
  const index = model.levels.findIndex((level) => level.number === number);
  if (index < 0) {
    const known = model.levels.map((level) => level.number).join(', ') || '-';
    throw new UserError(t.errors.unknownLevel(number, known));
  }
  return index;
}

/** Ids of the items in the sections whose title contains `text` (case and accent insensitive). */
export function sectionItemIds(model: Roadmap, text: string, t: Messages): Set<number> {
  const wanted = fold(text);
  const ids = new Set<number>();
  const titles: string[] = [];
  for (const level of model.levels) {
    for (const section of level.sections) {
      titles.push(section.title);
      if (wanted !== '' && fold(section.title).includes(wanted)) for (const id of section.itemIds) ids.add(id);
    }
  }
  if (ids.size === 0) throw new UserError(t.errors.unknownSection(text), titles.length ? [t.errors.sectionsAre(titles.join(', '))] : []);
  return ids;
}
