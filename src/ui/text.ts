import stringWidth from 'fast-string-width';
import { wrapAnsi } from 'fast-wrap-ansi';
import { WIDTH_RANGES } from './width-table.js';

// fast-string-width (the width code @inquirer/core uses) instead of string-width: string-width builds an
// Intl.Segmenter and a `\p{RGI_Emoji}` regex on first use, more than Node's own start-up (docs/performance.md).
// Tabs count 0, as in string-width: `sanitize` shows them escaped anyway.
const WIDTH_OPTIONS = { tabWidth: 0 };

// Printable Latin-1 only: one column per character, exactly what fast-string-width counts for them
// (its LATIN_RE block), without running its regexes (most item texts, English or French).
const LATIN = /^[\x20-\x7e\xa0-\xff]*$/;

/** Columns a string takes in a terminal (emoji and wide characters count 2; ANSI codes 0). */
export function width(text: string): number {
  if (LATIN.test(text)) return text.length;
  const quick = tableWidth(text);
  return quick >= 0 ? quick : stringWidth(text, WIDTH_OPTIONS);
}

/**
 * The width of text made only of printable Latin-1 and characters of WIDTH_RANGES (level emoji, dashes,
 * arrows, progress blocks), as fast-string-width counts it; -1 for anything else (joiners, combining
 * marks, controls, CJK...), which fast-string-width measures. Its `\p{Emoji}` regexes are costly to
 * compile on first use, and every level title has an emoji.
 */
function tableWidth(text: string): number {
  let columns = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const selected = text.charCodeAt(i + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)) === 0xfe0f;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) {
      if (selected) return -1; // `©️`, `#️⃣`: emoji sequences
      columns++;
      continue;
    }
    const point = text.codePointAt(i) ?? 0;
    const columnsOf = rangeWidth(point, selected);
    if (columnsOf === 0) return -1;
    i += (point > 0xffff ? 1 : 0) + (selected ? 1 : 0);
    columns += columnsOf;
  }
  return columns;
}

/** Columns of a code point of WIDTH_RANGES (`selected`: followed by U+FE0F), 0 when not there. */
function rangeWidth(point: number, selected: boolean): number {
  let low = 0;
  let high = WIDTH_RANGES.length / 4 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = middle * 4;
    if (point < (WIDTH_RANGES[at] ?? 0)) high = middle - 1;
    else if (point > (WIDTH_RANGES[at + 1] ?? 0)) low = middle + 1;
    else return WIDTH_RANGES[at + (selected ? 3 : 2)] ?? 0;
  }
  return 0;
}

// Colour codes as chalk writes them (SGR), and text wrapAnsi gives back as it is when it fits: words
// separated by single spaces, nothing around them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the escape character is the point.
const SGR = /\x1b\[[\d;]*m/g;
const SINGLE_SPACED = /^\S+(?: \S+)*$/;

/**
 * wrapAnsi's result (`hard`: words longer than a line are cut; `trim`: rows start and end without
 * spaces). A line that already fits comes back as it is, as wrapAnsi gives it, without loading
 * fast-wrap-ansi: its width regexes are costly to build, and most item texts fit.
 */
export function wrap(text: string, columns: number, options: { hard?: boolean; trim?: boolean }): string {
  return fitsAsIs(text, columns) ? text : wrapAnsi(text, columns, options);
}

function fitsAsIs(text: string, columns: number): boolean {
  const plain = text.includes('\x1b') ? text.replace(SGR, '') : text;
  if (!SINGLE_SPACED.test(plain) || plain.includes('\x1b') || plain.includes('\x9b')) return false;
  const columnsOf = LATIN.test(plain) ? plain.length : tableWidth(plain);
  return columnsOf >= 0 && columnsOf <= columns;
}

export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

export function padStart(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - width(text))) + text;
}

/** Cuts plain text to a number of columns, never inside an emoji sequence, ending with `…` when cut. */
export function truncate(text: string, columns: number): string {
  if (columns <= 0) return width(text) === 0 ? text : '';
  if (width(text) <= columns) return text;
  // Grow by code points with the same width function the layout uses (one column is for the ellipsis).
  // Joiners, variation selectors and combining marks add no column: they stay with what they modify.
  // Text the width table measures alone (no U+FE0F) is added up character by character: each of its
  // characters has the same width whatever its neighbours, so the prefix need not be measured again.
  const additive = !text.includes('\uFE0F') && (LATIN.test(text) || tableWidth(text) >= 0);
  let out = '';
  let used = 0;
  for (const ch of text) {
    const next = out + ch;
    const columnsOf = additive ? used + width(ch) : width(next);
    if (columnsOf > columns - 1) break;
    out = next;
    used = columnsOf;
  }
  return `${out.replace(/\u200d$/u, '').trimEnd()}…`;
}

/**
 * Cuts plain text to a number of columns like `truncate`, but at the end of a word when the cut falls
 * inside one (and the words kept fill at least half the room): `… (le plus util…` reads `… (le plus…`.
 */
export function truncateWords(text: string, columns: number): string {
  const cut = truncate(text, columns);
  if (cut === text || !cut.endsWith('…')) return cut;
  const kept = cut.slice(0, -1);
  // Whether the cut fell between two words: what follows the kept text in the original starts with a space.
  if (/^\s/u.test(text.slice(kept.length))) return cut;
  const space = kept.search(/\s+\S*$/u);
  if (space <= 0 || width(kept.slice(0, space)) < columns / 2) return cut;
  return `${kept.slice(0, space).replace(/[\s,;:\u00b7\u2014\u2013-]+$/u, '')}…`;
}

/**
 * Text that starts at column `hang` (what precedes it on its first row is `hang` columns wide), wrapped
 * to `columns` with every further row indented by `hang` spaces. Words longer than a row are cut; rows
 * never get narrower than `min` columns (a very narrow terminal wraps those rows itself).
 */
export function hangWrap(text: string, columns: number, hang: number, min = 10): string {
  return wrap(text, Math.max(min, columns - hang), { hard: true, trim: true })
    .split('\n')
    .join(`\n${' '.repeat(hang)}`);
}

export { sanitize, sanitizeLines } from './sanitize.js';
