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

// C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Shows control characters escaped (`\x1b`), so a document's text never drives the terminal. */
export function sanitize(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
