import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankInput } from '../../src/progress/guide.js';
import { nextSuggestions, rankItems } from '../../src/progress/next.js';
import { markedStatuses, rollUp } from '../../src/progress/stats.js';
import type { Roadmap } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { messagesFor } from '../../src/ui/messages.js';
import { reasonsOf } from '../../src/ui/render-next.js';
import { FIXTURES } from '../helpers/context.js';
import { bundledModel, range, statusesOf } from '../helpers/guide.js';

const NOW = new Date('2026-05-15T09:00:00Z');
const ids = (list: ReadonlyArray<{ facts: { id: number } }>) => list.map((s) => s.facts.id);
const idOf = (model: Roadmap, start: string) => {
  const item = model.items.find((i) => i.text.startsWith(start));
  if (!item) throw new Error(`no item ${start}`);
  return item.id;
};

describe('next reads what the bundled roadmap says inside its items', () => {
  const model = bundledModel();
  const level2 = model.levels[1]?.itemIds ?? [];
  const docker = model.levels[1]?.sections.find((s) => s.title.startsWith('Docker'))?.itemIds ?? [];
  const kubernetes = model.levels[1]?.sections.find((s) => s.title.startsWith('Kubernetes'))?.itemIds ?? [];
  const done = [...(model.levels[0]?.itemIds ?? []), ...docker, ...kubernetes];
  const terraform = idOf(model, 'Terraform');
  const iam = idOf(model, 'IAM');
  const bonus = [idOf(model, 'Notions de AWS CDK'), idOf(model, 'GitLab CI')];

  it('after level 1, Docker and Kubernetes: Terraform and IAM are among the three suggestions for now', () => {
    expect(done).toEqual(range(1, 21));
    const next = nextSuggestions(rankInput(model, statusesOf(model, { done }), undefined, NOW), 3);
    expect(ids(next.now)).toContain(terraform);
    expect(ids(next.now)).toContain(iam);
    expect(next.now).toHaveLength(3);
  });

  it('both bonus items rank after every other level-2 item (and before level 3)', () => {
    const ranked = ids(rankItems(rankInput(model, statusesOf(model, { done }), undefined, NOW)));
    const others = level2.filter((id) => !done.includes(id) && !bonus.includes(id));
    const lastOther = Math.max(...others.map((id) => ranked.indexOf(id)));
    for (const id of bonus) expect(ranked.indexOf(id)).toBeGreaterThan(lastOther);
    const level3 = model.levels[2]?.itemIds ?? [];
    const firstLevel3 = Math.min(...level3.map((id) => ranked.indexOf(id)));
    for (const id of bonus) expect(ranked.indexOf(id)).toBeLessThan(firstLevel3);
  });

  it.each([
    ['en', 'the document says « priorité absolue »', 'the document says « bonus »'],
    ['fr', 'le document dit « priorité absolue »', 'le document dit « bonus »'],
  ] as const)('the reasons say the document’s own words (%s)', (lang, raised, lowered) => {
    const ranked = rankItems(rankInput(model, statusesOf(model, { done }), undefined, NOW));
    const t = messagesFor(lang);
    const reasonsFor = (id: number) => reasonsOf(ranked.find((s) => s.facts.id === id) ?? (ranked[0] as never), t);
    expect(reasonsFor(terraform)[0]).toBe(raised);
    expect(reasonsFor(bonus[0] as number)).toContain(lowered);
    expect(reasonsFor(terraform).join(' ')).toContain(lang === 'en' ? 'priority level 2' : 'niveau de priorité 2');
  });
});

describe('a checklist with reference-style badges', () => {
  const model = parseRoadmap(readFileSync(join(FIXTURES, 'badge-checklist.md'), 'utf8'));

  it('the first three suggestions are the High items, then Medium, and Low last', () => {
    const ranked = rankItems(rankInput(model, statusesOf(model), undefined, NOW));
    const value = (id: number) => model.items[id - 1]?.priority?.value ?? null;
    expect(ids(ranked).slice(0, 3).map(value)).toEqual(['High', 'High', 'High']);
    expect(ids(ranked).slice(3, 5).map(value)).toEqual(['Medium', 'Medium']);
    expect(ids(ranked).slice(-3).map(value)).toEqual(['Low', 'Low', 'Low']);
  });

  it('after a High item is checked, the best suggestion is still High, never a Low one', () => {
    const high = model.items.filter((i) => i.priority?.value === 'High').map((i) => i.id);
    const next = nextSuggestions(rankInput(model, statusesOf(model, { done: high.slice(0, 1) }), undefined, NOW), 3);
    expect(next.now.map((s) => model.items[s.facts.id - 1]?.priority?.value)).toEqual(['High', 'High', 'Medium']);
  });

  it('headings are topics, not priority levels: the reason names the heading and the document order', () => {
    const ranked = rankItems(rankInput(model, statusesOf(model), undefined, NOW));
    const reasons = reasonsOf(ranked[0] as never, messagesFor('en'));
    expect(reasons.join(' · ')).not.toMatch(/priority level/);
    expect(reasons).toEqual(['the document says « High »', 'in document order']);
  });
});

describe('parents roll up', () => {
  const source = `# Course

## Data structures

- [ ] Implement a vector (mutable array with automatic resizing):
  - [ ] size()
  - [ ] capacity()
  - [ ] is_empty()
  - [ ] at(index)
  - [ ] push(item)
- [ ] Hash tables
`;
  const model = parseRoadmap(source);
  const children = range(2, 6);

  it('a parent whose five children are done counts as done, and next never suggests it', () => {
    const statuses = rollUp(model, statusesOf(model, { done: children }));
    expect(statuses[0]).toBe('done');
    const ranked = ids(rankItems(rankInput(model, statuses, undefined, NOW)));
    expect(ranked).toEqual([7]);
  });

  it('unchecking one child makes it to do again', () => {
    const statuses = rollUp(model, statusesOf(model, { done: children.slice(1) }));
    expect(statuses[0]).toBe('todo');
    expect(ids(rankItems(rankInput(model, statuses, undefined, NOW)))).toContain(1);
  });

  it.each([
    ['children skipped and done', { done: [2, 3], skipped: [4, 5, 6] }, 'done'],
    ['every child skipped', { skipped: children }, 'todo'],
    ['parent in progress, children done', { doing: [1], done: children }, 'done'],
    ['parent skipped stays skipped', { skipped: [1], done: children }, 'skipped'],
  ])('%s', (_, set, expected) => {
    expect(rollUp(model, statusesOf(model, set))[0]).toBe(expected);
  });

  it('rolls up through several levels of nesting', () => {
    const nested = parseRoadmap('# T\n\n- [ ] a\n  - [ ] b\n    - [ ] c\n    - [ ] d\n  - [ ] e\n');
    expect(rollUp(nested, statusesOf(nested, { done: [3, 4, 5] }))).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(rollUp(nested, statusesOf(nested, { done: [3, 5] }))).toEqual(['todo', 'todo', 'done', 'todo', 'done']);
  });

  it('the marks the user made are kept apart from the rolled-up view', () => {
    const doc = {
      items: Object.fromEntries(
        children.map((id) => [model.items[id - 1]?.key as string, { status: 'done' as const, at: '2026-05-01T00:00:00Z' }]),
      ),
      log: [],
    };
    expect(markedStatuses(model, doc)[0]).toBe('todo');
    expect(rollUp(model, markedStatuses(model, doc))[0]).toBe('done');
  });

  it('momentum counts the siblings under the same parent', () => {
    const statuses = statusesOf(model, { done: [2, 3] });
    const ranked = rankItems(rankInput(model, statuses, undefined, NOW));
    const child = ranked.find((s) => s.facts.id === 4);
    expect(child?.facts.section).toEqual({ title: model.items[0]?.text, closed: 2, total: 5, remaining: 3 });
    expect(child?.terms.find((t) => t.name === 'momentum')?.points).toBeCloseTo(3 * (2 / 5));
  });

  it('momentum counts the items directly under the same heading', () => {
    const flat = parseRoadmap('# T\n\n## Topic\n\n- [ ] a\n- [ ] b\n- [ ] c\n\n## Other\n\n- [ ] d\n');
    const ranked = rankItems(rankInput(flat, statusesOf(flat, { done: [1] }), undefined, NOW));
    expect(ranked.find((s) => s.facts.id === 2)?.facts.section).toEqual({ title: 'Topic', closed: 1, total: 3, remaining: 2 });
    expect(ranked.find((s) => s.facts.id === 4)?.facts.section).toBeNull();
  });
});
