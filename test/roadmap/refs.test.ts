import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { resolveItemRef, suggestItems } from '../../src/roadmap/refs.js';
import { fold } from '../../src/roadmap/select.js';
import { ROOT } from '../helpers/context.js';

const model = parseRoadmap(readFileSync(join(ROOT, 'data', 'roadmap.md'), 'utf8'));
const nested = parseRoadmap(readFileSync(join(ROOT, 'test', 'fixtures', 'nested.md'), 'utf8'));

describe('resolveItemRef on the bundled roadmap', () => {
  it.each([
    ['7', 7],
    ['#12', 12],
    [' 52 ', 52],
    ['1', 1],
    ['postgresql-en-particulier-le-plus-utilise-en-prod', 9],
    ['POSTGRESQL-EN-PARTICULIER-LE-PLUS-UTILISE-EN-PROD', 9],
    ['docker compose', 17],
    ['DOCKER COMPOSE', 17],
    ['Écrire de bons commits', 14],
    ['ecrire de bons', 14],
    ['migrations de schema', 12],
    ['  terraform  ', 29],
    ['owasp', 38],
    ['kafka', 49], // "Kafka : …" starts with it; item 35 only mentions it
    ['postgres', 9], // starts item 9's text; item 27 only mentions it
    ['tdd (notions)', 46],
    ['https-tls', 40], // part of a key
    ['graphql   alternative', 50], // spaces and punctuation folded
    ['iam roles', 25],
  ])('%j → item %i', (ref, id) => {
    expect(resolveItemRef(model, ref)).toEqual({ kind: 'item', id });
  });

  it.each([
    ['moindre privilege', [25, 41]],
    ['MOINDRE PRIVILÈGE', [25, 41]],
    ['docker', [16, 17, 18]],
    ['aws', [10, 18, 30, 39, 47]],
    ['notions de', [10, 18, 30, 51]],
  ])('%j is ambiguous between %j (prefix matches first)', (ref, ids) => {
    expect(resolveItemRef(model, ref)).toEqual({ kind: 'ambiguous', ids });
  });

  it('finds the items of a section when no item text matches', () => {
    expect(resolveItemRef(model, 'securite')).toEqual({ kind: 'ambiguous', ids: [38, 39, 40, 41] });
    expect(resolveItemRef(model, 'sécurité applicative')).toEqual({ kind: 'ambiguous', ids: [38, 39, 40, 41] });
  });

  it('narrows fragments to a scope, never numbers', () => {
    const level3 = new Set(model.levels[2]?.itemIds);
    expect(resolveItemRef(model, 'moindre privilege', { scope: level3 })).toEqual({ kind: 'item', id: 41 });
    expect(resolveItemRef(model, '9', { scope: level3 })).toEqual({ kind: 'item', id: 9 });
  });

  it.each(['0', '53', '999', '#0'])('%j is out of range', (ref) => {
    expect(resolveItemRef(model, ref)).toEqual({ kind: 'out-of-range', number: ref.replace('#', ''), max: 52 });
  });

  it.each([
    ['99999999999999999999999', '99999999999999999999999'],
    ['000', '0'],
    ['#0053', '53'],
  ])('%j is out of range, its number kept as digits (never 1e+23)', (ref, digits) => {
    expect(resolveItemRef(model, ref)).toEqual({ kind: 'out-of-range', number: digits, max: 52 });
  });

  it.each(['-1', '-5', '+3', '1.5', '1e3', '1E3', '2,5', '.5', '-0', '#-1', '\u22121'])(
    '%j is not an item number: never read as a text fragment',
    (ref) => {
      expect(resolveItemRef(model, ref)).toEqual({ kind: 'not-a-number', ref, max: 52 });
    },
  );

  it.each(['', ' ', '\t \n'])('%j is empty', (ref) => {
    expect(resolveItemRef(model, ref)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['postgress', [9]],
    ['kubernetis', []],
    ['terrafrom', [29]],
    ['dockre compose', [17]],
    ['zzzzzz', []],
  ])('%j matches nothing and suggests %j', (ref, suggestions) => {
    const result = resolveItemRef(model, ref);
    expect(result.kind).toBe('none');
    if (result.kind === 'none') expect(result.suggestions.slice(0, suggestions.length)).toEqual(suggestions);
    if (result.kind === 'none' && suggestions.length === 0) expect(result.suggestions).toEqual([]);
  });

  it('suggests at most 3 items', () => {
    expect(
      suggestItems(
        model,
        fold('notions de'),
        model.items.map((i) => i.id),
      ).length,
    ).toBeLessThanOrEqual(3);
    expect(resolveItemRef(model, 'notons').kind).toBe('none');
  });
});

describe('resolveItemRef on nested items', () => {
  it('matches nested task items and prefers the exact text', () => {
    expect(nested.items.map((i) => i.text)).toContain('Types');
    const types = nested.items.find((i) => i.text === 'Types');
    expect(resolveItemRef(nested, 'types')).toEqual({ kind: 'item', id: types?.id });
    expect(resolveItemRef(nested, 'generics')).toEqual({ kind: 'item', id: nested.items.find((i) => i.text === 'Generics')?.id });
  });
});
