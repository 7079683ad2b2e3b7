import type { List, Nodes, Root, RootContent } from 'mdast';
import { MAX_BRACKETS_PER_PARAGRAPH, TooManyBrackets } from './limits.js';

/** The markdown parser (remark's processor), given by the caller: this file splits and assembles, it does not parse. */
export type ParseMarkdown = (text: string) => Root;

/** What one block of a document parses to: the cached unit. Positions are relative to the block's first line. */
export interface BlockResult {
  /** The block's top-level nodes (the next block's first line, parsed with it as a check, left out). */
  nodes: RootContent[];
  /** The next block's first line was read as the next block expects: a top-level heading, or a top-level list item. */
  ok: boolean;
  /** The block's last list goes on in the next block (the next block opens with an item of the same list). */
  continues: boolean;
  /** Link reference definitions (labels) and footnote definitions (labels) made in the block, at any depth. */
  definitions: string[];
  footnotes: string[];
  /** End of the block's root, relative: the document's end when it is the last block. */
  end: { line: number; column: number; offset: number };
}

/**
 * Where parsed blocks are kept between runs (an edge's file): by key, a hash of exactly the text that
 * was parsed. `get` returns a fresh object each time (the assembly shifts positions in place).
 */
export interface BlockCache {
  get(key: string): BlockResult | undefined;
  set(key: string, result: BlockResult): void;
}

/** A heading starts a new block once the block is this long (each parse has a fixed cost: 2 000 one-item sections are not 2 000 parses). */
export const HEADING_BLOCK_MIN = 1024;
/** Blocks of a long list are cut between its items once they are this long, at items chosen by their content (so an edit moves no later cut)… */
export const LIST_CHUNK_MIN = 4 * 1024;
/** …and always once they are this long. */
export const LIST_CHUNK_MAX = 32 * 1024;

const HEADING_LINE = /^#{1,6}(?:[ \t\r]|$)/;
const LIST_LINE = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t\r]|$)/;

interface Candidate {
  offset: number;
  line: number;
  heading: boolean;
  /** A content-defined cut point of a list (see LIST_CHUNK_MIN). */
  marked: boolean;
}

/**
 * Line starts where a block may begin: lines opening a heading or a list item in the first column.
 * Only candidates: each cut is checked by the parser itself (see `parseBlock`).
 */
function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  let line = 1;
  let from = 0;
  // Front matter is only known to be one when its closing fence is found: no cut before that fence.
  // An opening fence never closed leaves the front-matter parser in a state that changes how later
  // lines read (`---`, `# H1`, `+ item`: the item is a paragraph), so such a document is one block.
  const front = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (front) {
    const close = new RegExp(`\\n${front[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`).exec(text.slice(front[0].length - 1));
    from = close ? front[0].length - 1 + close.index + 1 : text.length;
  }
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (start > from) {
      const code = text.charCodeAt(start);
      if (code === 0x23 /* # */ && HEADING_LINE.test(text.slice(start, Math.min(end, start + 8))))
        found.push({ offset: start, line, heading: true, marked: true });
      else if (
        (code === 0x2d || code === 0x2a || code === 0x2b || (code >= 0x30 && code <= 0x39)) &&
        LIST_LINE.test(text.slice(start, Math.min(end, start + 12)))
      )
        found.push({ offset: start, line, heading: false, marked: (lineHash(text, start, end) & 15) === 0 });
    }
    if (newline === -1) break;
    start = newline + 1;
    line++;
  }
  return found;
}

/** FNV-1a of a line, for content-defined list cuts. */
function lineHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** FNV-1a, two seeds, and the length: the key of a block's text in the cache. */
function textKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}-${text.length}`;
}

/**
 * Parses a document block by block and assembles one mdast tree, the same as a whole-document parse
 * (positions, lists, references included). The document is cut before lines that open a top-level
 * heading (and between the items of a long top-level list); each cut is checked by parsing the block
 * with the next block's first line after it and finding that line read as a top-level heading (or list
 * item): a heading closes every open construct, so what follows it parses the same alone. A cut that
 * fails the check (the line is inside a fenced code block, an HTML block…) joins the blocks. Link
 * reference and footnote definitions are collected from every block first and written at the start of
 * the blocks that may use them. Each block's result is cached by its text.
 */
export function parseInBlocks(
  text: string,
  parse: ParseMarkdown,
  cache?: BlockCache,
  sizes = { heading: HEADING_BLOCK_MIN, min: LIST_CHUNK_MIN, max: LIST_CHUNK_MAX },
): Root {
  const cuts = candidates(text);
  if (cuts.length === 0) {
    guardBrackets(text, 1);
    return parse(text);
  }
  interface Block {
    start: number;
    line: number;
    end: number;
    sentinelEnd: number;
    heading: boolean;
    result: BlockResult;
  }
  const blocks: Block[] = [];
  let start = 0;
  let line = 1;
  let next = 0;
  /** Index of the k-th candidate (k ≥ 1) from `next` that may end a block starting at `start`. */
  const endCandidate = (k: number): number => {
    for (let i = next; i < cuts.length; i++) {
      const c = cuts[i] as Candidate;
      const size = c.offset - start;
      if ((c.heading && size >= sizes.heading) || (c.marked && size >= sizes.min) || size >= sizes.max) if (--k === 0) return i;
    }
    return -1;
  };
  for (;;) {
    let k = 1;
    for (;;) {
      const index = endCandidate(k);
      if (index === -1) {
        const result = parseBlock(text.slice(start), '', false, '', 0, line, parse, cache);
        blocks.push({ start, line, end: text.length, sentinelEnd: text.length, heading: false, result });
        break;
      }
      const cut = cuts[index] as Candidate;
      const lineEnd = text.indexOf('\n', cut.offset);
      const sentinelEnd = lineEnd === -1 ? text.length : lineEnd + 1;
      const result = parseBlock(text.slice(start, cut.offset), text.slice(cut.offset, sentinelEnd), cut.heading, '', 0, line, parse, cache);
      if (result.ok) {
        blocks.push({ start, line, end: cut.offset, sentinelEnd, heading: cut.heading, result });
        start = cut.offset;
        line = cut.line;
        next = index + 1;
        break;
      }
      // Inside something the cut cannot end: try a later cut (doubling, so a long construct costs a few parses, not one per cut).
      k *= 2;
    }
    if (blocks[blocks.length - 1]?.end === text.length) break;
  }

  // Definitions are the whole document's: each block that may refer to one made elsewhere is parsed
  // again with them written first.
  const labels = new Map<string, { label: string; footnote: boolean; blocks: Set<number> }>();
  blocks.forEach((block, index) => {
    for (const [list, footnote] of [
      [block.result.definitions, false],
      [block.result.footnotes, true],
    ] as const) {
      for (const label of list) {
        const id = `${footnote ? '^' : ''}${normalizeLabel(label)}`;
        const known = labels.get(id) ?? { label, footnote, blocks: new Set<number>() };
        known.blocks.add(index);
        labels.set(id, known);
      }
    }
  });
  if (labels.size > 0) {
    blocks.forEach((block, index) => {
      const body = text.slice(block.start, block.end);
      if (!body.includes('[')) return;
      const upper = body.toLowerCase().toUpperCase();
      const used = [...labels.entries()]
        .filter(
          ([id, known]) =>
            !known.blocks.has(index) &&
            id
              .replace(/^\^/, '')
              .split(' ')
              .every((word) => upper.includes(word)),
        )
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (used.length === 0) return;
      // Closed by an HTML comment: indented lines after a footnote definition would go on inside it.
      const insertion = `${used.map(([, known]) => `[${known.footnote ? '^' : ''}${known.label}]: x\n\n`).join('')}<!---->\n\n`;
      const at = index === 0 ? frontMatterEnd(block.result, body) : 0;
      block.result = parseBlock(body, text.slice(block.end, block.sentinelEnd), block.heading, insertion, at, block.line, parse, cache);
    });
  }

  const children: RootContent[] = [];
  let continuing: List | null = null;
  for (const block of blocks) {
    const nodes = block.result.nodes;
    for (const node of nodes) shift(node, block.start, block.line - 1);
    let from = 0;
    if (continuing) {
      const first = nodes[0];
      if (first?.type !== 'list' || first.position?.start.offset !== block.start)
        throw new Error('roadmap: a list cut between blocks did not go on');
      continuing.children.push(...first.children);
      continuing.spread = continuing.spread || first.spread;
      if (continuing.position && first.position) continuing.position.end = first.position.end;
      from = 1;
    }
    for (let i = from; i < nodes.length; i++) children.push(nodes[i] as RootContent);
    const last = children[children.length - 1];
    continuing = block.result.continues && last?.type === 'list' ? last : null;
  }
  const lastBlock = blocks[blocks.length - 1] as Block;
  const end = lastBlock.result.end;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: end.line + lastBlock.line - 1, column: end.column, offset: end.offset + lastBlock.start },
    },
  };
}

/** Where definitions may be written in the first block: after its front matter, if any (the offset of the line after it). */
function frontMatterEnd(result: BlockResult, body: string): number {
  const first = result.nodes[0] as { type: string; position?: { end: { offset?: number } } } | undefined;
  if (!first || (first.type !== 'yaml' && first.type !== 'toml') || first.position?.end.offset === undefined) return 0;
  const newline = body.indexOf('\n', first.position.end.offset);
  return newline === -1 ? body.length : newline + 1;
}

/** micromark's identifier normalisation (whitespace collapsed, case folded). */
function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/**
 * Parses one block: `insertion` (definitions from other blocks) written at `at`, then the block, then
 * `sentinel` (the next block's first line). Returns nodes with positions relative to the block, the
 * insertion's and the sentinel's nodes left out.
 */
function parseBlock(
  body: string,
  sentinel: string,
  heading: boolean,
  insertion: string,
  at: number,
  firstLine: number,
  parse: ParseMarkdown,
  cache: BlockCache | undefined,
): BlockResult {
  const full = insertion === '' ? body + sentinel : body.slice(0, at) + insertion + body.slice(at) + sentinel;
  const key = `${sentinel === '' ? 'E' : heading ? 'H' : 'L'}${textKey(full)}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  guardBrackets(body, firstLine);
  const tree = parse(full);
  const insertedLines = countLines(insertion);
  const insEnd = at + insertion.length;
  const mapPoint = (p: { line: number; column: number; offset?: number }) => {
    const offset = p.offset ?? 0;
    if (insertion === '' || offset < at) return { line: p.line, column: p.column, offset };
    if (offset < insEnd) return { line: p.line, column: p.column, offset: at };
    return { line: p.line - insertedLines, column: p.column, offset: offset - insertion.length };
  };
  const relocate = (node: Nodes) => {
    if (node.position) node.position = { start: mapPoint(node.position.start), end: mapPoint(node.position.end) };
    if ('children' in node) for (const child of node.children) relocate(child as Nodes);
  };
  let nodes = tree.children.filter((node) => {
    const offset = node.position?.start.offset ?? 0;
    return insertion === '' || offset < at || offset >= insEnd;
  });
  if (insertion !== '') for (const node of nodes) relocate(node);
  let ok = true;
  let continues = false;
  if (sentinel !== '') {
    const sentinelAt = body.length;
    const last = nodes[nodes.length - 1];
    if (heading) {
      ok = last?.type === 'heading' && last.position?.start.offset === sentinelAt;
      if (ok) nodes = nodes.slice(0, -1);
    } else {
      const item = last?.type === 'list' ? last.children[last.children.length - 1] : undefined;
      ok = item?.position?.start.offset === sentinelAt;
      if (ok && last?.type === 'list') {
        continues = last.children.length > 1;
        if (continues) last.children.pop();
        else nodes = nodes.slice(0, -1);
      }
    }
  }
  const definitions: string[] = [];
  const footnotes: string[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'definition') definitions.push(node.label ?? node.identifier);
    else if (node.type === 'footnoteDefinition') footnotes.push(node.label ?? node.identifier);
    if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  for (const node of nodes) collect(node);
  const rootEnd = tree.position?.end ?? { line: 1, column: 1, offset: 0 };
  const result: BlockResult = { nodes, ok, continues, definitions, footnotes, end: mapPoint(rootEnd) };
  cache?.set(key, result);
  return result;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Adds a block's first offset and line to every position of a node, in place: every node of a block's
 * result has position objects of its own (remark makes a point per position; a cached block is parsed
 * from JSON), so no point is shifted twice.
 */
function shift(node: Nodes, offset: number, lines: number): void {
  const p = node.position;
  if (p && (offset !== 0 || lines !== 0)) {
    p.start.line += lines;
    p.start.offset = (p.start.offset ?? 0) + offset;
    p.end.line += lines;
    p.end.offset = (p.end.offset ?? 0) + offset;
  }
  if ('children' in node) for (const child of node.children) shift(child as Nodes, offset, lines);
}

/**
 * Refuses a paragraph with so many brackets that the parser's time grows with their square (400 KB of
 * `[a](` took 45 s): a run of lines without a blank line, a heading or a list item between them.
 */
export function guardBrackets(text: string, firstLine: number, max = MAX_BRACKETS_PER_PARAGRAPH): void {
  if (text.length < max) return;
  let count = 0;
  let runLine = firstLine;
  let line = firstLine;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    const opens = /^[\s>]*$/.test(content) || /^[ \t>]*(?:#|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/.test(content);
    if (opens) {
      count = 0;
      runLine = /^[\s>]*$/.test(content) ? line + 1 : line;
    }
    for (let i = content.indexOf('['); i !== -1; i = content.indexOf('[', i + 1)) {
      if (++count > max) throw new TooManyBrackets(runLine, max);
    }
    if (newline === -1) break;
    start = newline + 1;
    line++;
  }
}
