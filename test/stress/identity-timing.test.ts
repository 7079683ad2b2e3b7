// Reconciling a changed 10 000-item document (docs/performance.md has the figure and how to re-measure).
import { describe, expect, it } from 'vitest';
import { applyChanges, diffDocument, fingerprintOf } from '../../src/progress/document-changes.js';
import { emptyDocument } from '../../src/progress/state.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';

const LONG = 'Read the chapter about consistent hashing and partitioning in the distributed systems book';

function document(sections: { title: string; items: string[] }[]): string {
  return `# Big\n\n${sections.map(({ title, items }) => `## ${title}\n\n${items.map((t) => `- [ ] ${t}`).join('\n')}\n`).join('\n')}`;
}

describe('reconciliation time', () => {
  it('a changed 10 000-item document is reconciled in linear time (the 100 ms target is measured on an idle machine)', () => {
    const sections = Array.from({ length: 100 }, (_, s) => ({
      title: `Part ${s}`,
      items: Array.from({ length: 100 }, (_, i) =>
        i === 0 ? 'Implement:' : i === 1 ? `${LONG} part ${s}` : `Topic ${s}.${i} about thing ${(s * 7 + i) % 13}`,
      ),
    }));
    const before = parseRoadmap(document(sections));
    const doc = emptyDocument();
    applyChanges(doc, before, diffDocument(before, doc), '2026-01-01T00:00:00Z');
    for (const item of before.items.filter((_, n) => n % 50 === 0)) doc.items[item.key] = { status: 'done', at: '2026-01-01T00:00:00Z' };
    // Edits all over: two sections swapped, renames, deletions, insertions, moves.
    [sections[3], sections[60]] = [sections[60] as (typeof sections)[number], sections[3] as (typeof sections)[number]];
    for (let s = 0; s < 100; s += 5) {
      const { items } = sections[s] as (typeof sections)[number];
      items[10] = `${items[10]} again`;
      items.splice(20, 1);
      items.splice(30, 0, `New topic in ${s}`);
      sections[(s + 1) % 100]?.items.push(items.splice(40, 1)[0] as string);
    }
    const after = parseRoadmap(document(sections));
    const runs: number[] = [];
    for (let run = 0; run < 5; run++) {
      const copy = structuredClone(doc);
      const model = structuredClone(after);
      const start = performance.now();
      fingerprintOf(model);
      const changes = diffDocument(model, copy);
      applyChanges(copy, model, changes, '2026-02-01T00:00:00Z');
      runs.push(performance.now() - start);
      expect(changes.renamed).toHaveLength(20);
      expect(changes.moved).toHaveLength(20);
      expect(changes.ambiguous).toEqual([]);
    }
    runs.sort((a, b) => a - b);
    console.log(`reconciling 10 000 items: median ${runs[2]?.toFixed(1)} ms (runs ${runs.map((r) => r.toFixed(1)).join(', ')})`);
    // A loose bound: this machine may be shared; a quadratic step would take seconds here.
    expect(runs[2]).toBeLessThan(500);
  });
});
