import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');

/** Task markers in list items outside fenced code: the count every parse must find. */
function countTaskMarkers(markdown: string): number {
  let fenced = false;
  let count = 0;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]\s/.test(line)) count++;
  }
  return count;
}

describe('the bundled roadmap', () => {
  const source = readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8');
  const model = parseRoadmap(source);

  it("is the user's roadmap as delivered, byte for byte (its SHA-256)", () => {
    const digest = createHash('sha256')
      .update(readFileSync(join(ROOT, 'data', 'roadmap.md')))
      .digest('hex');
    expect(digest).toBe('e6ff9cb5083b2242ab70ad7f94a1567b9c40c1452e648ef6cec3fdb6ff3e39a8');
  });

  it('has the title, introduction and 52 numbered items', () => {
    expect(model.title).toBe('🚀 Roadmap Développeur Backend / Cloud');
    expect(model.intro).toBe('Bac +3 Informatique — Objectif : CDI Développeur Backend / Cloud');
    expect(model.items).toHaveLength(52);
    expect(model.items.map((i) => i.id)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(new Set(model.items.map((i) => i.key)).size).toBe(52);
    expect(model.items.every((i) => !i.checked)).toBe(true);
  });

  it('finds the four levels with their numbers, colours, names and notes', () => {
    expect(model.levels.map((l) => [l.number, l.color, l.label, l.name, l.itemIds.length])).toEqual([
      [1, 'red', 'Niveau 1', 'Les fondamentaux incontournables', 15],
      [2, 'orange', 'Niveau 2', 'Le cœur du métier cloud/backend', 18],
      [3, 'yellow', 'Niveau 3', 'Ce qui fait un bon candidat "senior junior"', 13],
      [4, 'green', 'Niveau 4', 'Les plus qui font la différence', 6],
    ]);
    expect(model.levels.map((l) => l.note)).toEqual([
      null,
      "⏱️ Durée estimée : 4-6 mois | Ce qui te différencie d'un dev web classique",
      '⏱️ À travailler en parallèle des niveaux précédents',
      '⏱️ À construire dans le temps, tout au long de ta progression',
    ]);
  });

  it('groups items in sections 4/5/4/0, level 4 items having none', () => {
    expect(model.levels.map((l) => l.sections.map((s) => s.itemIds.length))).toEqual([[3, 4, 5, 3], [3, 3, 7, 2, 3], [4, 4, 3, 2], []]);
    expect(model.levels[1]?.sections.map((s) => s.title)).toEqual([
      'Docker & Containers',
      'Kubernetes (K8s) — notions solides',
      'AWS — aller au-delà du basique',
      'Infrastructure as Code (IaC)',
      'CI/CD',
    ]);
    const level4 = model.items.filter((i) => i.level === 3);
    expect(level4.map((i) => i.id)).toEqual([47, 48, 49, 50, 51, 52]);
    expect(level4.every((i) => i.section === null)).toBe(true);
  });

  it('keeps inline formatting for rendering and plain text for matching', () => {
    const iam = model.items[24];
    expect(iam?.text).toBe("IAM : rôles, policies, principe du moindre privilège — c'est crucial");
    expect(iam?.spans).toEqual([
      { text: 'IAM', bold: true },
      { text: ' : rôles, policies, principe du moindre privilège — ' },
      { text: "c'est crucial", italic: true },
    ]);
    expect(model.items[8]?.key).toBe('postgresql-en-particulier-le-plus-utilise-en-prod');
  });

  it('reads the planning table and keeps the other parts as notes', () => {
    expect(model.planning?.title).toBe('📅 Planning suggéré sur 6-9 mois');
    expect(model.planning?.rows).toEqual([
      { period: 'Mois 1-2', focus: 'Consolider le langage principal + API REST + PostgreSQL' },
      { period: 'Mois 2-3', focus: 'Docker + Git avancé + déployer un vrai projet sur AWS' },
      { period: 'Mois 4-5', focus: 'Terraform + CI/CD + Kubernetes basics' },
      { period: 'Mois 5-6', focus: 'Architecture, sécurité, observabilité' },
      { period: 'En continu', focus: 'Projets perso, préparer la certif AWS' },
    ]);
    expect(model.notes.map((n) => n.title)).toEqual(['☁️ Quel Cloud choisir ?', '🗺️ La Roadmap', '💡 Conseil clé : le projet perso est roi']);
    expect(model.notes[2]?.bullets).toHaveLength(5);
    expect(model.notes[2]?.bullets[0]).toBe('Une API REST déployée sur AWS');
  });

  it('records where each task marker is, for rewriting it later', () => {
    for (const item of model.items) expect(source[item.markerOffset]).toBe(' ');
  });
});

describe('coding-interview-university', () => {
  const source = readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8');
  const model = parseRoadmap(source);

  it('finds every one of the 463 task items', () => {
    expect(countTaskMarkers(source)).toBe(463);
    expect(model.items).toHaveLength(463);
  });

  it('uses the ## headings as levels and the headings inside list items as sections', () => {
    const structures = model.levels.find((l) => l.title === 'Data Structures');
    expect(structures?.sections.map((s) => [s.title, s.itemIds.length])).toEqual([
      ['Arrays', 18],
      ['Linked Lists', 26],
      ['Stack', 3],
      ['Queue', 6],
      ['Hash table', 15],
    ]);
    expect(model.levels.reduce((sum, l) => sum + l.itemIds.length, 0)).toBe(463);
  });

  it('keeps task items nested under task items as children, and plain bullets as details', () => {
    const vector = model.items.find((i) => i.text.startsWith('Implement a vector'));
    expect(vector?.children.length).toBe(14);
    for (const id of vector?.children ?? []) expect(model.items[id - 1]?.parent).toBe(vector?.id);
    const arrays = model.items.find((i) => i.text === 'About Arrays:');
    expect(arrays?.details).toContain('Arrays (video)');
    expect(new Set(model.items.map((i) => i.key)).size).toBe(463);
  });
});

describe('edge cases', () => {
  it.each([
    ['an empty document', '', 0],
    ['a document with no task items', '# Title\n\n- plain\n- bullets\n', 0],
    ['upper-case X', '- [X] done\n- [x] also\n- [ ] not yet\n', 3],
    ['a code block holding markers', '- [ ] real\n\n```md\n- [ ] not an item\n```\n', 1],
    ['numbered task lists', '1. [ ] one\n2. [x] two\n', 2],
  ])('%s', (_name, markdown, count) => {
    const model = parseRoadmap(markdown);
    expect(model.items).toHaveLength(count);
    expect(countTaskMarkers(markdown)).toBe(count);
  });

  it('reads checked state as written', () => {
    const model = parseRoadmap('- [X] done\n- [x] also\n- [ ] not yet\n');
    expect(model.items.map((i) => i.checked)).toEqual([true, true, false]);
  });

  it('gives items straight under a level no section, not the previous section', () => {
    const model = parseRoadmap(fixture('level-without-sections.md'));
    expect(model.levels.map((l) => l.title)).toEqual(['Basics', 'Extras']);
    expect(model.levels[0]?.sections.map((s) => s.title)).toEqual(['First section', 'Last section']);
    const extras = model.items.filter((i) => i.level === 1);
    expect(extras.map((i) => [i.text, i.section])).toEqual([
      ['Extra one', null],
      ['Extra two', null],
    ]);
  });

  it('nests task items and keeps emphasis, code and links', () => {
    const model = parseRoadmap(fixture('nested.md'));
    expect(model.items.map((i) => [i.id, i.parent, i.depth])).toEqual([
      [1, null, 0],
      [2, 1, 1],
      [3, 2, 2],
      [4, 1, 1],
      [5, null, 0],
    ]);
    expect(model.items[0]?.spans).toEqual([
      { text: 'Learn ' },
      { text: 'TypeScript', bold: true },
      { text: ' with ' },
      { text: 'tsc', code: true },
      { text: ' and ' },
      { text: 'the handbook', href: 'https://example.org/handbook' },
    ]);
    expect(model.items[0]?.details).toEqual(['a note under the item', 'a plain bullet, not an item']);
  });

  it('puts items with no heading above them in a visible group', () => {
    const model = parseRoadmap('- [ ] lonely\n\n## Later\n\n- [ ] grouped\n');
    expect(model.levels.map((l) => [l.title, l.itemIds])).toEqual([
      ['', [1]],
      ['Later', [2]],
    ]);
  });

  it('gives repeated texts distinct keys and non-latin texts a key', () => {
    const model = parseRoadmap('- [ ] Video\n- [ ] Video\n- [ ] 日本語\n');
    expect(model.items.map((i) => i.key)).toEqual(['video', 'video-2', expect.stringMatching(/^item-[0-9a-f]{8}$/)]);
  });

  it('keeps the title and the levels when a `#` footer without items follows', () => {
    const model = parseRoadmap(
      '# Study plan\n\n## Basics\n\n### Arrays\n\n- [ ] a\n\n### Lists\n\n- [ ] b\n\n## Advanced\n\n- [ ] c\n\n# Contribution\n\nSend a pull request.\n',
    );
    expect(model.title).toBe('Study plan');
    expect(model.levels.map((l) => [l.title, l.sections.map((s) => s.title), l.itemIds])).toEqual([
      ['Basics', ['Arrays', 'Lists'], [1, 2]],
      ['Advanced', [], [3]],
    ]);
    expect(model.notes.map((n) => n.title)).toContain('Contribution');
  });

  it('makes `#` the levels when several `#` headings hold items', () => {
    const model = parseRoadmap('# One\n\n- [ ] a\n\n# Two\n\n- [ ] b\n\n# Footer\n\ntext\n');
    expect(model.title).toBeNull();
    expect(model.levels.map((l) => l.title)).toEqual(['One', 'Two']);
  });

  it('numbers levels by position when the titles do not number them', () => {
    const model = parseRoadmap('## Zeta\n- [ ] a\n## Alpha\n- [ ] b\n');
    expect(model.levels.map((l) => [l.number, l.color, l.name])).toEqual([
      [1, null, 'Zeta'],
      [2, null, 'Alpha'],
    ]);
  });
});
