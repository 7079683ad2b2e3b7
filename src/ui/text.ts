import stringWidth from 'string-width';

/** Columns a string takes in a terminal (emoji and wide characters count 2; ANSI codes 0). */
export function width(text: string): number {
  return stringWidth(text);
}

export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - width(text)));
}

export function padStart(text: string, columns: number): string {
  return ' '.repeat(Math.max(0, columns - width(text))) + text;
}

let segmenter: Intl.Segmenter | undefined;

/** Cuts plain text to a number of columns, by whole graphemes, ending with `…` when cut. */
export function truncate(text: string, columns: number): string {
  if (width(text) <= columns) return text;
  if (columns <= 0) return '';
  segmenter ??= new Intl.Segmenter();
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = width(segment);
    if (used + w > columns - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

export { sanitize, sanitizeLines } from './sanitize.js';
