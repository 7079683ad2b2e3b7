import { UnknownLevel, UnknownSection } from './errors.js';
import type { Roadmap } from './model.js';

/** Lower case, accents removed, spaces folded: the form in which user text is compared to the document's. */
export function fold(text: string): string {
  // Printable ASCII (most words): lower case is all there is to it, and `next` folds every word of
  // every item (normalize and the \p{M} regex are the cost there).
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/ +/g, ' ').trim();
  // Upper then lower case: full case folding, so `STRASSE` finds `Straße` (found by a property test).
  const decomposed = text.toUpperCase().toLowerCase().normalize('NFD');
  // Decomposed Latin text (French, German, Spanish...) with punctuation, symbols and emoji has its marks
  // in U+0300-U+036F and U+FE0F (emoji presentation) and no other: the same as \p{M} there, without
  // compiling \p{M} on its first use (every `next` would pay it: the level notes have accents).
  // \p{M} is written here, not at the top: a regular expression with a Unicode property is costly
  // to create (V8 parses the class from ICU when the literal is evaluated), and every command loads this module.
  const marks = LATIN_SYMBOLS_EMOJI.test(decomposed) ? LATIN_MARKS : /\p{M}/gu;
  return decomposed.replace(marks, '').replace(/\s+/g, ' ').trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Text in these ranges has no mark but those of LATIN_MARKS (test/ui/shortcuts.test.ts checks every code point). */
export const LATIN_SYMBOLS_EMOJI =
  /^(?:[\0-\u036f\u2000-\u20cf\u2100-\u2bff]|\ufe0f|\ud83c[\udc00-\udfff]|\ud83d[\udc00-\udfff]|\ud83e[\udc00-\udeff])*$/;
export const LATIN_MARKS = /[\u0300-\u036f\ufe0f]/g;

/** Index of the level with this number; an UnknownLevel error with the known numbers otherwise. */
export function levelIndex(model: Pick<Roadmap, 'levels'>, number: number): number {
  const index = model.levels.findIndex((level) => level.number === number);
  if (index < 0)
    throw new UnknownLevel(
      number,
      model.levels.map((level) => level.number),
    );
  return index;
}

/** Ids of the items in the sections whose title contains `text` (case and accent insensitive); an UnknownSection error when none. */
export function sectionItemIds(model: Roadmap, text: string): Set<number> {
  const wanted = fold(text);
  const ids = new Set<number>();
  const titles: string[] = [];
  for (const level of model.levels) {
    for (const section of level.sections) {
      titles.push(section.title);
      if (wanted !== '' && fold(section.title).includes(wanted)) for (const id of section.itemIds) ids.add(id);
    }
  }
  if (ids.size === 0) throw new UnknownSection(text, titles);
  return ids;
}
