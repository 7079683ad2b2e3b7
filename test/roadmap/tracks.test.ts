import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Roadmap } from '../../src/roadmap/model.js';
import { parseRoadmap } from '../../src/roadmap/parse.js';
import { levelTracks, noteTrack } from '../../src/roadmap/tracks.js';
import { FIXTURES, ROOT } from '../helpers/context.js';
import { bundledModel } from '../helpers/guide.js';

describe('noteTrack', () => {
  it.each([
    ['⏱️ À travailler en parallèle des niveaux précédents', 'parallel'],
    ['A TRAVAILLER EN PARALLELE', 'parallel'],
    ['Se fait parallèlement au reste', 'parallel'],
    ['Work on these in parallel with the earlier levels', 'parallel'],
    ['Study alongside levels 1 and 2', 'parallel'],
    ['⏱️ À construire dans le temps, tout au long de ta progression', 'ongoing'],
    ['En continu', 'ongoing'],
    ['Built over time', 'ongoing'],
    ['Ongoing: throughout your journey', 'ongoing'],
    ['Keep doing this continuously', 'ongoing'],
    ["⏱️ Durée estimée : 4-6 mois | Ce qui te différencie d'un dev web classique", 'now'],
    ['Estimated: 2 months', 'now'],
    [null, 'now'],
  ] as const)('%s → %s', (note, track) => {
    expect(noteTrack(note)).toBe(track);
  });
});

describe('levelTracks', () => {
  it('reads the bundled roadmap: levels 1-2 main, level 3 in parallel, level 4 ongoing', () => {
    expect(levelTracks(bundledModel())).toEqual(['now', 'now', 'parallel', 'ongoing']);
  });

  it('gives a document without such notes one main track', () => {
    const cui = parseRoadmap(readFileSync(join(FIXTURES, 'coding-interview-university.md'), 'utf8'));
    expect(new Set(levelTracks(cui))).toEqual(new Set(['now']));
  });

  it('is part of the model: the pre-built model of the bundled roadmap carries each level’s track', () => {
    const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'roadmap.model.json'), 'utf8')) as { model: Roadmap };
    expect(built.model.levels.map((level) => level.track)).toEqual(['now', 'now', 'parallel', 'ongoing']);
    expect(built.model.levels.map((level) => level.track)).toEqual(bundledModel().levels.map((level) => noteTrack(level.note)));
  });

  it('reads an English note of a small fixture', () => {
    const model = parseRoadmap(readFileSync(join(ROOT, 'test', 'fixtures', 'level-without-sections.md'), 'utf8'));
    expect(levelTracks(model)).toEqual(['now', 'ongoing']);
  });
});
