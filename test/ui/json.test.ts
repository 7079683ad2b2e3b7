import { describe, expect, it } from 'vitest';
import { toJsonText } from '../../src/ui/json.js';

describe('toJsonText', () => {
  it.each([
    ['C0 (escaped by JSON itself)', '\x1b[31mred\x07'],
    ['DEL and C1 controls', 'a\x7fb\x85c\x9bd\x9de'],
    ['bidirectional overrides and isolates', 'evil \u202e reversed \u2066x\u2069'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['a backslash before a control', '\\\x85'],
  ])('escapes %s as \\u, and parses back to the same text', (_name, text) => {
    const json = toJsonText({ text });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no control character is printed.
    expect(json).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual({ text });
  });

  it('leaves other text as it is', () => {
    expect(toJsonText({ title: 'Café — 日本語 🚀' })).toBe('{\n  "title": "Café — 日本語 🚀"\n}\n');
  });
});
