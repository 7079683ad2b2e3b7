import type { ListItem, Root, RootContent, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type BlockCache, parseInBlocks } from './blocks.js';

export { TooManyBrackets } from './limits.js';

import { capstoneNote, partPreparation } from './capstone.js';
import { plainText, spansText, toSpans } from './inline.js';
import { assignKeys } from './keys.js';
import type { Item, ItemPriority, Level, LevelColor, NotePart, Planning, Roadmap, Section, Span } from './model.js';
import { smallest } from './numbers.js';
import { priorityOf } from './priority.js';
import { noteTrack } from './tracks.js';

interface HeadingInfo {
  depth: number;
  title: string;
  /** True until other content follows the heading: the first blockquote then is its note. */
  noteOpen: boolean;
  note: string | null;
  paragraphs: string[];
  bullets: string[];
  table: string[][] | null;
}

interface RawItem {
  spans: Span[];
  priority: ItemPriority | null;
  checked: boolean;
  path: HeadingInfo[];
  parent: number | null;
  children: number[];
  depth: number;
  details: string[];
  markerOffset: number;
}

const COLOR_EMOJI: Record<string, LevelColor> = {
  '🔴': 'red',
  '🟠': 'orange',
  '🟡': 'yellow',
  '🟢': 'green',
  '🔵': 'blue',
  '🟣': 'purple',
  '🟤': 'brown',
  '⚫': 'black',
  '⚪': 'white',
};

const LEVEL_LABEL = /^(?:niveau|level|priorit[e\u00e9]|priority|tier|phase|stage|[e\u00e9]tape|step|palier)\s*(\d+)\b|^P(\d+)\b/iu;
const PLANNING_TITLE = /\b(?:planning|plan|calendrier|schedule|timeline|[e\u00e9]ch[e\u00e9]ancier|programme)\b/iu;
const PLANNING_HEADER = /^(?:p[e\u00e9]riode|period|mois|month|semaines?|weeks?|dates?|quand|when|phase)\b/iu;

// Front matter (YAML `---` or TOML `+++`) is metadata, not a thematic break and a heading.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);

/** remark's parse of a whole text (no BOM): the parser `parseInBlocks` runs on each block. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * Parses a GFM task-list document into the typed roadmap model. Pure: the same text gives the same
 * model. The markdown is parsed block by block (see `parseInBlocks`), each block's parse kept in
 * `blocks` when given.
 */
export function parseRoadmap(source: string, blocks?: BlockCache): Roadmap {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const offsetShift = text.length === source.length ? 0 : 1;
  const tree = parseInBlocks(text, parseMarkdown, blocks);
  let frontTitle: string | null = null;
  const definitions = definitionsOf(tree);

  const headings: HeadingInfo[] = [];
  const stack: HeadingInfo[] = [];
  const raw: RawItem[] = [];
  const top = () => stack[stack.length - 1];

  const closeNote = () => {
    const h = top();
    if (h) h.noteOpen = false;
  };

  const visitListItem = (li: ListItem, parent: number | null, depth: number) => {
    const [first, ...rest] = li.children;
    const hasText = first?.type === 'paragraph';
    if (li.checked === null || li.checked === undefined) {
      if (hasText) {
        const line = plainText(first);
        const owner = parent === null ? undefined : raw[parent];
        if (owner) owner.details.push(line);
        else top()?.bullets.push(line);
      }
      visit(hasText ? rest : li.children, parent, depth);
      return;
    }
    const index = raw.length;
    const start = li.position?.start.offset ?? 0;
    const bracket = text.indexOf('[', start);
    raw.push({
      spans: hasText ? toSpans(first.children, definitions) : [],
      priority: hasText ? priorityOf(first.children) : null,
      checked: li.checked,
      path: [...stack],
      parent,
      children: [],
      depth,
      details: [],
      markerOffset: bracket + 1 + offsetShift,
    });
    if (parent !== null) raw[parent]?.children.push(index);
    const owner = raw[index] as RawItem;
    for (const child of hasText ? rest : li.children) {
      if (child.type === 'paragraph') owner.details.push(plainText(child));
      else visit([child], index, depth + 1);
    }
  };

  const openHeading = (depth: number, title: string) => {
    const info: HeadingInfo = { depth, title, noteOpen: true, note: null, paragraphs: [], bullets: [], table: null };
    while ((top()?.depth ?? 0) >= depth) stack.pop();
    stack.push(info);
    headings.push(info);
  };

  const visit = (nodes: readonly RootContent[], parent: number | null, depth: number) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          openHeading(node.depth, plainText(node));
          break;
        case 'yaml':
          frontTitle ??= frontMatterTitle(node.value);
          break;
        case 'html': {
          // READMEs often write headings as HTML (`<h1 align="center">…</h1>`): they group items too.
          const heading = htmlHeading(node.value);
          if (heading) openHeading(heading.depth, heading.title);
          break;
        }
        case 'list':
          closeNote();
          for (const li of node.children) visitListItem(li, parent, depth);
          break;
        case 'blockquote': {
          // Task lists quoted in a blockquote are items all the same (GitHub renders their boxes).
          if (node.children.some((child) => child.type === 'list')) {
            closeNote();
            visit(node.children, parent, depth);
            break;
          }
          const h = top();
          if (h?.noteOpen && h.note === null) h.note = plainText(node);
          else h?.paragraphs.push(plainText(node));
          break;
        }
        case 'paragraph':
          closeNote();
          top()?.paragraphs.push(plainText(node));
          break;
        case 'table': {
          closeNote();
          const h = top();
          if (h && h.table === null) h.table = tableRows(node);
          break;
        }
        default:
          // TOML front matter (`+++`) has no mdast type of its own in @types/mdast.
          if ((node.type as string) === 'toml') frontTitle ??= frontMatterTitle((node as { value: string }).value);
          else if (node.type !== 'thematicBreak' && node.type !== 'definition') closeNote();
      }
    }
  };

  visit(tree.children, null, 0);

  const model = buildModel(raw, headings, titleHeadingOf(headings, raw));
  if (model.title === null && frontTitle) model.title = frontTitle;
  return model;
}

/** The addresses of the document's link definitions (`[ref]: https://…`), by identifier. */
function definitionsOf(tree: Root): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      // The first definition of an identifier wins, as CommonMark says.
      if (node.type === 'definition') {
        if (!found.has(node.identifier)) found.set(node.identifier, node.url);
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
        walk(node.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  return found;
}

/**
 * The document's title: its only `#` heading; or, when there are several, the first one when it is the
 * only one holding items (the others are footers such as `# Contribution`: a heading without items never
 * takes the title away nor makes `#` the level depth).
 */
function titleHeadingOf(headings: readonly HeadingInfo[], raw: readonly RawItem[]): HeadingInfo | undefined {
  const h1s = headings.filter((h) => h.depth === 1);
  if (h1s.length <= 1) return h1s[0];
  const holding = new Set<HeadingInfo>();
  for (const item of raw) for (const h of item.path) if (h.depth === 1) holding.add(h);
  const [first] = h1s;
  return holding.size === 1 && first && holding.has(first) ? first : undefined;
}

/** The `title:` of YAML or TOML front matter, unquoted, or null. */
function frontMatterTitle(value: string): string | null {
  const match = /^title\s*[:=]\s*(.+?)\s*$/m.exec(value);
  if (!match?.[1]) return null;
  const title = match[1].replace(/^(["'])(.*)\1$/, '$2').trim();
  return title || null;
}

/** An HTML heading block (`<h2 id="x">Title</h2>`): its depth and plain title, or null. */
function htmlHeading(html: string): { depth: number; title: string } | null {
  const match = /^\s*<h([1-6])(?:\s[^>]*)?>([\s\S]*?)<\/h\1>\s*$/i.exec(html);
  if (!match) return null;
  const title = (match[2] ?? '')
    .replace(/<img\b[^>]*\balt\s*=\s*"([^"]*)"[^>]*>/gi, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return title ? { depth: Number(match[1]), title } : null;
}

function tableRows(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => plainText(cell)));
}

function buildModel(raw: RawItem[], headings: HeadingInfo[], titleHeading: HeadingInfo | undefined): Roadmap {
  const grouping = (h: HeadingInfo) => h !== titleHeading;
  const depths = new Set<number>();
  for (const item of raw) for (const h of item.path) if (grouping(h)) depths.add(h.depth);
  const levelDepth = smallest(depths);

  const levels: Level[] = [];
  const levelOf = new Map<HeadingInfo | null, number>();
  const sectionOf = new Map<HeadingInfo, number>();
  const texts = raw.map((r) => spansText(r.spans));
  const keys = assignKeys(texts);

  const items: Item[] = raw.map((r, index) => {
    const id = index + 1;
    const path = r.path.filter(grouping);
    const levelHeading = path[0] ?? null;
    let levelIndex = levelOf.get(levelHeading);
    if (levelIndex === undefined) {
      levelIndex = levels.length;
      levelOf.set(levelHeading, levelIndex);
      levels.push(newLevel(levelHeading?.title ?? titleHeading?.title ?? '', levelHeading?.note ?? null));
    }
    const level = levels[levelIndex] as Level;
    level.itemIds.push(id);
    const sectionHeading = path[1];
    let sectionIndex: number | null = null;
    if (sectionHeading) {
      sectionIndex = sectionOf.get(sectionHeading) ?? null;
      if (sectionIndex === null) {
        sectionIndex = level.sections.length;
        sectionOf.set(sectionHeading, sectionIndex);
        level.sections.push({ title: sectionHeading.title, itemIds: [] } satisfies Section);
      }
      level.sections[sectionIndex]?.itemIds.push(id);
    }
    return {
      id,
      key: keys[index] as string,
      text: texts[index] as string,
      spans: r.spans,
      checked: r.checked,
      level: levelIndex,
      section: sectionIndex,
      parent: r.parent === null ? null : r.parent + 1,
      children: r.children.map((c) => c + 1),
      depth: r.depth,
      details: r.details,
      markerOffset: r.markerOffset,
      ...(r.priority ? { priority: r.priority } : {}),
    };
  });

  numberLevels(levels);

  const levelHeadings = new Set(levelOf.keys());
  let planning: Planning | null = null;
  const notes: NotePart[] = [];
  const withItems = new Set<HeadingInfo>();
  for (const item of raw) for (const h of item.path) withItems.add(h);
  for (const h of headings) {
    if (h === titleHeading || levelHeadings.has(h) || withItems.has(h)) continue;
    if (Number.isFinite(levelDepth) && h.depth > levelDepth) continue;
    if (!planning && h.table && isPlanningTable(h.title, h.table)) {
      planning = { title: h.title, rows: h.table.slice(1).map(([period = '', focus = '']) => ({ period, focus })) };
      continue;
    }
    const paragraphs = h.note === null ? h.paragraphs : [h.note, ...h.paragraphs];
    notes.push({ title: h.title, paragraphs, bullets: h.bullets, bulletKeys: assignKeys(h.bullets) });
  }

  const introParts = titleHeading ? [titleHeading.note, ...titleHeading.paragraphs].filter((p): p is string => !!p) : [];
  const model: Roadmap = {
    title: titleHeading?.title ?? null,
    intro: introParts.length ? introParts.join('\n') : null,
    levels,
    items,
    planning,
    notes,
  };
  // The capstone project's parts matched to the items once, here: cached with the model.
  const capstone = capstoneNote(model);
  if (capstone) capstone.bulletPreparations = capstone.bullets.map((text) => partPreparation(model, text));
  return model;
}

function isPlanningTable(title: string, table: string[][]): boolean {
  const header = table[0] ?? [];
  if (header.length < 2 || table.length < 2) return false;
  return PLANNING_TITLE.test(stripAccentsLower(title)) || PLANNING_HEADER.test(header[0] ?? '');
}

function stripAccentsLower(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function newLevel(title: string, note: string | null): Level {
  let rest = title.trim();
  let color: LevelColor | null = null;
  // Leading emoji and symbols: the first one that names a colour gives the level's colour.
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the class strips emoji sequences piece by piece, on purpose.
  const lead = /^[\p{Extended_Pictographic}\p{Emoji_Component}\p{Symbol}\uFE0F\u200D\s]+/u.exec(rest);
  if (lead) {
    for (const ch of lead[0]) color ??= COLOR_EMOJI[ch] ?? null;
    rest = rest.slice(lead[0].length);
  }
  let label: string | null = null;
  let number = 0;
  const match = LEVEL_LABEL.exec(rest);
  if (match) {
    label = match[0];
    number = Number(match[1] ?? match[2]);
    rest = rest.slice(match[0].length).replace(/^\s*[\u2014\u2013\-:|\u00b7.]\s*/u, '');
  }
  return { title, number, label, name: rest.trim() || title, color, note, track: noteTrack(note), sections: [], itemIds: [] };
}

/** Keeps the numbers the titles give when every level has a distinct one; otherwise numbers by position. */
function numberLevels(levels: Level[]): void {
  const numbers = levels.map((l) => l.number);
  const usable = numbers.every((n) => n > 0) && new Set(numbers).size === numbers.length;
  levels.forEach((level, index) => {
    if (!usable) level.number = index + 1;
  });
}
