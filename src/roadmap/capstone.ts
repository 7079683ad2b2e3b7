import type { NotePart, PartPreparation, Roadmap } from './model.js';
import { fold } from './select.js';

/** One part of the capstone project ("Une API REST déployée sur AWS"). */
export interface CapstonePart {
  /** 1-based position in the project's list. */
  number: number;
  /** Stable slug of the text: the part's state follows it. */
  key: string;
  text: string;
  /** The items that prepare it, as the parser found them (see `partPreparation`). */
  preparation?: PartPreparation;
}

/** The capstone project the document recommends: a heading that says "projet"/"project" and its bullets. */
export interface Capstone {
  title: string;
  /** The heading's paragraphs (the advice around the list). */
  paragraphs: string[];
  parts: CapstonePart[];
}

export type { PartPreparation } from './model.js';

const PROJECT_TITLE = /\b(?:projets?|projects?)\b/;

// Function words (French and English) and quality adjectives ("un README propre", "a clean API"):
// they say nothing about the topic, so they never match an item.
const IGNORED = new Set(
  (
    'a an and as at by for from in into of on or the to with without your its their this that these ' +
    'un une des de du d l la le les au aux et ou en sur sous avec sans pour par dans qui que quoi dont ' +
    'son sa ses ton ta tes mon ma mes leur leurs ce cet cette ces est sont etre tout tous toute toutes ' +
    'propre propres bon bons bonne bonnes bien vrai vraie clean good nice proper real simple'
  ).split(' '),
);

/** A word in the form used for matching: folded, a plural `s` dropped ("APIs" = "API", "logs" = "log"). */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The significant words of a text, folded and stemmed (`ci/cd` stays one word). */
export function topicWords(text: string): string[] {
  const words = fold(text)
    .split(/[^\p{L}\p{N}/+#]+/u)
    .map((word) => word.replace(/^\/+|\/+$/g, ''))
    .filter((word) => word.length >= 2 && !IGNORED.has(word) && !/^\d+$/.test(word));
  return [...new Set(words.map(stem))];
}

/** The capstone project of a document, or null when no heading without items names a project with a list. */
export function findCapstone(model: Roadmap): Capstone | null {
  const part = capstoneNote(model);
  if (!part) return null;
  // Keys made by the parser: slugify loads a 35 KB transliteration table the hot path never needs.
  const parts = part.bullets.map((text, index) => {
    const found: CapstonePart = { number: index + 1, key: part.bulletKeys[index] ?? '', text };
    const preparation = part.bulletPreparations?.[index];
    if (preparation) found.preparation = preparation;
    return found;
  });
  return { title: part.title, paragraphs: part.paragraphs, parts };
}

/** The note of the capstone project: a heading without items that names a project and has a list. */
export function capstoneNote(model: Roadmap): NotePart | undefined {
  return model.notes.find((note) => PROJECT_TITLE.test(fold(note.title)) && note.bullets.length > 0);
}

/** The items that prepare a part: found by the parser, or matched now for a model made without them. */
export function preparationOf(model: Roadmap, part: CapstonePart): PartPreparation {
  return part.preparation ?? partPreparation(model, part.text);
}

interface Group {
  level: number;
  section: number | null;
  title: string;
  itemIds: number[];
}

/** The document's item groups: each section, and the items placed directly under each level. */
function groupsOf(model: Roadmap): Group[] {
  const groups: Group[] = [];
  model.levels.forEach((level, l) => {
    const inSection = new Set(level.sections.flatMap((s) => s.itemIds));
    const loose = level.itemIds.filter((id) => !inSection.has(id));
    if (loose.length) groups.push({ level: l, section: null, title: '', itemIds: loose });
    level.sections.forEach((section, s) => {
      groups.push({ level: l, section: s, title: section.title, itemIds: section.itemIds });
    });
  });
  return groups;
}

interface WordIndex {
  groups: Group[];
  itemWords: Set<string>[];
  titleWords: Set<string>[];
  wordsOfGroup: Set<string>[];
}

// Made once per model: every part of the project is matched against the same words.
const wordIndexes = new WeakMap<Roadmap, WordIndex>();

/** The topic words of every item, group title and group of a model. */
function wordIndexOf(model: Roadmap): WordIndex {
  let index = wordIndexes.get(model);
  if (!index) {
    const groups = groupsOf(model);
    const itemWords = model.items.map((item) => new Set(topicWords(item.text)));
    const titleWords = groups.map((group) => new Set(topicWords(group.title)));
    const wordsOfGroup = groups.map((group, g) => {
      const all = new Set(titleWords[g]);
      for (const id of group.itemIds) for (const word of itemWords[id - 1] ?? []) all.add(word);
      return all;
    });
    index = { groups, itemWords, titleWords, wordsOfGroup };
    wordIndexes.set(model, index);
  }
  return index;
}

/**
 * The items that prepare a part of the project, by the words they share with it (case and accents
 * ignored, plural `s` ignored). A section is taken whole when its title holds one of the part's words
 * ("API REST" → "APIs REST", "CI/CD" → "CI/CD", "IaC" → "Infrastructure as Code (IaC)") or when at least
 * half of its items do ("logs + métriques" → "Observabilité"); other items are taken one by one
 * ("monitoring" → "Monitoring : CloudWatch"). Words already answered by a section title are not looked
 * for in single items, and words found in more than three groups (the document's theme, like "AWS" in
 * an AWS roadmap) say nothing about a part and are ignored. A part no item prepares gets nothing.
 */
export function partPreparation(model: Roadmap, text: string): PartPreparation {
  const { groups, itemWords, titleWords, wordsOfGroup } = wordIndexOf(model);
  const spread = (word: string) => wordsOfGroup.filter((words) => words.has(word)).length;
  const words = topicWords(text).filter((word) => spread(word) <= 3);

  const ids = new Set<number>();
  const sections: PartPreparation['sections'] = [];
  const answered = new Set<string>();
  groups.forEach((group, g) => {
    if (group.section === null) return;
    const byTitle = words.filter((word) => titleWords[g]?.has(word));
    const matching = group.itemIds.filter((id) => words.some((word) => itemWords[id - 1]?.has(word)));
    if (byTitle.length === 0 && matching.length * 2 < group.itemIds.length) return;
    for (const word of byTitle) answered.add(word);
    sections.push({ level: group.level, section: group.section, title: group.title });
    for (const id of group.itemIds) ids.add(id);
  });
  const rest = words.filter((word) => !answered.has(word));
  for (const item of model.items) if (rest.some((word) => itemWords[item.id - 1]?.has(word))) ids.add(item.id);
  return { sections, itemIds: [...ids].sort((a, b) => a - b) };
}
