import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteMarkers } from '../../src/roadmap/markers.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

/** Byte offsets where two buffers differ. */
function differences(a: Buffer, b: Buffer): number[] {
  expect(a.length).toBe(b.length);
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

describe.each([
  ['the bundled roadmap', join(ROOT, 'data', 'roadmap.md')],
  ['coding-interview-university', join(FIXTURES, 'coding-interview-university.md')],
  ['a CRLF file with a BOM', join(ROOT, 'test', 'fixtures', 'crlf-bom.md')],
  ['a README checklist', join(ROOT, 'test', 'fixtures', 'security-checklist.md')],
])('rewriting the markers of %s', (_name, path) => {
  const bytes = readFileSync(path);
  const source = bytes.toString('utf8');
  const model = parseRoadmap(source);

  it('changes nothing when every item keeps its own state', () => {
    expect(Buffer.from(rewriteMarkers(source, model, (item) => item.checked))).toEqual(bytes);
  });

  it('changes exactly the markers of the items whose state changed, nothing else', () => {
    const flipped = new Set(model.items.filter((_, i) => i % 3 === 0).map((item) => item.id));
    const done = (id: number) => (model.items[id - 1]?.checked ?? false) !== flipped.has(id);
    const out = Buffer.from(rewriteMarkers(source, model, (item) => done(item.id)));
    const changed = differences(bytes, out);
    expect(changed).toHaveLength(flipped.size);
    for (const offset of changed) {
      expect(String.fromCharCode(bytes[offset - 1] as number)).toBe('[');
      expect(String.fromCharCode(out[offset] as number)).toMatch(/[ x]/);
    }
    const reparsed = parseRoadmap(out.toString('utf8'));
    expect(reparsed.items.map((i) => i.checked)).toEqual(model.items.map((i) => done(i.id)));
    expect(reparsed.items.map((i) => i.key)).toEqual(model.items.map((i) => i.key));
  });
});

it('keeps a capital X on an item that stays done', () => {
  const source = '- [X] done\n- [x] undone\n- [ ] todo\n';
  expect(rewriteMarkers(source, parseRoadmap(source), (item) => item.id !== 2)).toBe('- [X] done\n- [ ] undone\n- [x] todo\n');
});

it('refuses a model made for another text', () => {
  const model = parseRoadmap('- [ ] a\n');
  expect(() => rewriteMarkers('hello world\n', model, () => true)).toThrow(/marker/);
});
