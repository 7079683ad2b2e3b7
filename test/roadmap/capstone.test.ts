import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCapstone, partPreparation, preparationOf, topicWords } from '../../src/roadmap/capstone.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

const bundled = parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the capstone project of the bundled roadmap', () => {
  const capstone = findCapstone(bundled);

  it('is the "projet" part with its five plain bullets', () => {
    expect(capstone?.title).toBe('💡 Conseil clé : le projet perso est roi');
    expect(capstone?.parts.map((p) => p.text)).toEqual([
      'Une API REST déployée sur AWS',
      'Avec une pipeline CI/CD automatisée',
      "De l'IaC Terraform pour provisionner l'infra",
      'Du monitoring (logs + métriques)',
      'Un README propre qui explique les choix techniques',
    ]);
    expect(capstone?.parts.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(capstone?.parts[1]?.key).toBe('avec-une-pipeline-ci-cd-automatisee');
    expect(capstone?.paragraphs[0]).toBe('Construis 1 projet de bout en bout que tu peux montrer en entretien.');
  });

  it.each([
    ['Une API REST déployée sur AWS', ['APIs REST'], range(4, 7)],
    ['Avec une pipeline CI/CD automatisée', ['CI/CD'], range(31, 33)],
    ["De l'IaC Terraform pour provisionner l'infra", ['Infrastructure as Code (IaC)'], range(29, 30)],
    ['Du monitoring (logs + métriques)', ['Observabilité'], [28, 42, 43, 44]],
    ['Un README propre qui explique les choix techniques', [], []],
  ])('%s → %j, items %j', (text, sections, items) => {
    const prep = partPreparation(bundled, text);
    expect(prep.sections.map((s) => s.title)).toEqual(sections);
    expect(prep.itemIds).toEqual(items);
  });

  it('ignores the document theme ("AWS" is everywhere) but keeps specific words', () => {
    expect(partPreparation(bundled, 'AWS').itemIds).toEqual([]);
    expect(partPreparation(bundled, 'Kafka').itemIds).toEqual([35, 49]);
    expect(partPreparation(bundled, 'une application Docker').sections.map((s) => s.title)).toEqual(['Docker & Containers']);
  });
});

describe('topicWords', () => {
  it.each([
    ['Une API REST déployée sur AWS', ['api', 'rest', 'deployee', 'aws']],
    ['APIs REST', ['api', 'rest']],
    ['Avec une pipeline CI/CD', ['pipeline', 'ci/cd']],
    ["De l'IaC Terraform", ['iac', 'terraform']],
    ['Un README propre', ['readme']],
    ['Du monitoring (logs + métriques)', ['monitoring', 'log', 'metrique']],
  ])('%s → %j', (text, words) => {
    expect(topicWords(text)).toEqual(words);
  });
});

describe('documents without or with another capstone', () => {
  it('finds none in coding-interview-university nor in a document without one', () => {
    const ciu = parseRoadmap(readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8'));
    expect(findCapstone(ciu)).toBeNull();
    expect(findCapstone(parseRoadmap('# T\n\n## Level 1\n\n- [ ] a\n\n## Advice\n\n- build things\n'))).toBeNull();
  });

  it('reads an English "project" part and maps it by words', () => {
    const model = parseRoadmap(
      [
        '# Web',
        '',
        '## Level 1',
        '',
        '### HTTP APIs',
        '',
        '- [ ] Design an HTTP API',
        '- [ ] Status codes',
        '',
        '### Testing',
        '',
        '- [ ] Unit tests',
        '- [ ] Integration tests',
        '',
        '## Final project',
        '',
        '- An HTTP API with tests',
        '- A deployment',
        '',
      ].join('\n'),
    );
    const capstone = findCapstone(model);
    expect(capstone?.parts.map((p) => p.key)).toEqual(['an-http-api-with-tests', 'a-deployment']);
    expect(findCapstone(parseRoadmap('# T\n\n## Project\n\n- A deployment\n- A deployment\n- Une API\n'))?.parts.map((p) => p.key)).toEqual(
      ['a-deployment', 'a-deployment-2', 'une-api'],
    );
    expect(partPreparation(model, 'An HTTP API with tests').itemIds).toEqual([1, 2, 3, 4]);
    expect(partPreparation(model, 'A deployment').itemIds).toEqual([]);
  });
});

describe('the capstone parts matched by the parser', () => {
  it.each([
    ['the bundled roadmap', join(ROOT, 'data', 'roadmap.md')],
    ['coding-interview-university', join(FIXTURES, 'coding-interview-university.md')],
    ['the security checklist', join(ROOT, 'test', 'fixtures', 'security-checklist.md')],
  ])('%s: what `partPreparation` finds for each part, cached with the model', (_name, file) => {
    const model = parseRoadmap(readFileSync(file, 'utf8'));
    const capstone = findCapstone(model);
    for (const part of capstone?.parts ?? []) expect(part.preparation).toEqual(partPreparation(model, part.text));
    const withoutProject = model.notes.filter((note) => note !== model.notes.find((n) => n.bulletPreparations));
    for (const note of withoutProject) expect(note.bulletPreparations).toBeUndefined();
  });

  it('a model made without them (an older entry) still gets them, matched when asked', () => {
    const model = parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
    for (const note of model.notes) delete note.bulletPreparations;
    const part = findCapstone(model)?.parts[0];
    expect(part?.preparation).toBeUndefined();
    expect(part && preparationOf(model, part).itemIds).toEqual(range(4, 7));
  });
});
