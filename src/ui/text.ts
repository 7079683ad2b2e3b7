import stringWidth from 'fast-string-width';

// fast-string-width (the width code @inquirer/core uses) instead of string-width: string-width builds an
// Intl.Segmenter and a `\p{RGI_Emoji}` regex on first use, ~21 ms of a ~20 ms Node start-up (docs/performance.md).
// Tabs count 0, as in string-width: `sanitize` shows them escaped anyway.
const WIDTH_OPTIONS = { tabWidth: 0 };

// Printable Latin-1 only: one column per character, exactly what fast-string-width counts for them
// (its LATIN_RE block), without running its regexes (most item texts, English or French).
const LATIN = /^[\x20-\x7e\xa0-\xff]*$/;

/** Columns a string takes in a terminal (emoji and wide characters count 2; ANSI codes 0). */
export function width(text: string): number {
  return LATIN.test(text) ? text.length : stringWidth(text, WIDTH_OPTIONS);
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
  let out = '';
  for (const ch of text) {
    const next = out + ch;
    if (width(next) > columns - 1) break;
    out = next;
  }
  return `${out.replace(/\u200d$/u, '').trimEnd()}…`;
}

export { sanitize, sanitizeLines } from './sanitize.js';
