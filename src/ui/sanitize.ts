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

/** `sanitize` line by line: the line breaks stay (error messages, help text, stacks). */
export function sanitizeLines(text: string): string {
  return text.split('\n').map(sanitize).join('\n');
}
