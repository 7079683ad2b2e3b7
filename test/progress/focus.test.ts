import { describe, expect, it } from 'vitest';
import { focusParts, mapFocus } from '../../src/progress/focus.js';
import type { Roadmap } from '../../src/roadmap/model.js';
import { bundledModel, range } from '../helpers/guide.js';

/** A mapping as readable names: section titles and `#id` for items, per part. */
function named(model: Roadmap, focus: string) {
  const mapping = mapFocus(model, focus);
  return {
    parts: mapping.terms.map((term) => [
      term.text,
      term.targets.map((t) => (t.kind === 'item' ? `#${t.id}` : model.levels[t.level]?.sections[t.section]?.title)),
    ]),
    itemIds: mapping.itemIds,
    unmatched: mapping.unmatched,
  };
}

describe('focusParts', () => {
  it.each([
    ['Consolider le langage principal + API REST + PostgreSQL', ['Consolider le langage principal', 'API REST', 'PostgreSQL']],
    ['Architecture, sécurité, observabilité', ['Architecture', 'sécurité', 'observabilité']],
    ['Terraform + CI/CD + Kubernetes basics', ['Terraform', 'CI/CD', 'Kubernetes basics']],
    ['Docker and Compose; Git', ['Docker', 'Compose', 'Git']],
  ])('%s', (focus, parts) => {
    expect(focusParts(focus)).toEqual(parts);
  });
});

describe('mapFocus on every row of the bundled planning table', () => {
  const model = bundledModel();

  it('reads the five rows of the table', () => {
    expect(model.planning?.rows.map((r) => r.period)).toEqual(['Mois 1-2', 'Mois 2-3', 'Mois 4-5', 'Mois 5-6', 'En continu']);
  });

  it('Mois 1-2: the language section, APIs REST, and item 9 for PostgreSQL', () => {
    expect(named(model, 'Consolider le langage principal + API REST + PostgreSQL')).toEqual({
      parts: [
        ['Consolider le langage principal', ['Langage backend principal']],
        ['API REST', ['APIs REST']],
        ['PostgreSQL', ['#9']],
      ],
      itemIds: [...range(1, 7), 9],
      unmatched: ['Consolider'],
    });
  });

  it('Mois 2-3: Docker & Containers, the Git section, the AWS section', () => {
    expect(named(model, 'Docker + Git avancé + déployer un vrai projet sur AWS')).toEqual({
      parts: [
        ['Docker', ['Docker & Containers']],
        ['Git avancé', ['Git & bonnes pratiques']],
        ['déployer un vrai projet sur AWS', ['AWS — aller au-delà du basique']],
      ],
      itemIds: [...range(13, 18), ...range(22, 28)],
      unmatched: ['avancé', 'déployer', 'vrai', 'projet'],
    });
  });

  it('Mois 4-5: item 29 for Terraform, CI/CD, Kubernetes', () => {
    expect(named(model, 'Terraform + CI/CD + Kubernetes basics')).toEqual({
      parts: [
        ['Terraform', ['#29']],
        ['CI/CD', ['CI/CD']],
        ['Kubernetes basics', ['Kubernetes (K8s) — notions solides']],
      ],
      itemIds: [19, 20, 21, 29, 31, 32, 33],
      unmatched: ['basics'],
    });
  });

  it('Mois 5-6: the three level-3 sections, accents ignored', () => {
    expect(named(model, 'Architecture, sécurité, observabilité')).toEqual({
      parts: [
        ['Architecture', ['Architecture & conception']],
        ['sécurité', ['Sécurité applicative']],
        ['observabilité', ['Observabilité']],
      ],
      itemIds: range(34, 44),
      unmatched: [],
    });
    expect(mapFocus(model, 'ARCHITECTURE, securite, Observabilite').itemIds).toEqual(range(34, 44));
  });

  it('En continu: the open-source project item and the AWS certification item', () => {
    expect(named(model, 'Projets perso, préparer la certif AWS')).toEqual({
      parts: [
        ['Projets perso', ['#52']],
        ['préparer la certif AWS', ['#47']],
      ],
      itemIds: [47, 52],
      unmatched: ['perso', 'préparer'],
    });
  });

  it('keeps words that match nothing instead of dropping them', () => {
    expect(named(model, 'Rust + Elixir')).toEqual({
      parts: [
        ['Rust', []],
        ['Elixir', []],
      ],
      itemIds: [],
      unmatched: ['Rust', 'Elixir'],
    });
  });
});
