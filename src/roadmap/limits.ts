/** Deepest nesting of lists and quotes accepted in a roadmap document (real roadmaps use fewer than 10). */
export const MAX_NESTING = 50;

// One container opened at the start of a line: a quote marker or a list item marker.
const CONTAINER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * The first line nested deeper than `max` lists or quotes (1-based), or null. A cheap, conservative
 * estimate made before parsing: the markdown parser's time and stack grow with the nesting
 * (10 000 levels on one line overflow it; 1 000 levels of indentation take a minute).
 */
export function tooDeepLine(source: string, max = MAX_NESTING): number | null {
  let lineNumber = 0;
  for (const line of source.split('\n')) {
    lineNumber++;
    if (line.length < max || THEMATIC_BREAK.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    let rest = line.slice(indent.length);
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && m[0] !== ''; m = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(m[0].length);
    }
    // Indentation nests only the lines that open a list item or a quote.
    const columns = indent.replace(/\t/g, '    ').length;
    if (depth > 0 && depth + Math.floor(columns / 2) > max) return lineNumber;
  }
  return null;
}

/**
 * Most `[` accepted in one paragraph: the markdown parser's time grows with the square of their number
 * there (docs/limits.md). Real roadmaps have a few dozen.
 */
export const MAX_BRACKETS_PER_PARAGRAPH = 5000;

/** A paragraph, starting at `line` (1-based), holds more than `limit` brackets: refused before parsing. */
export class TooManyBrackets extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`more than ${limit} brackets in the paragraph at line ${line}`);
    this.name = 'TooManyBrackets';
  }
}
