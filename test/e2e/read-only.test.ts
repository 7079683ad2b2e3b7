// Issue 20 points 5 and 6 with the installed binary: read commands leave the state file's bytes and
// mtime alone (ticks written in the document and a ready capstone part included); notes keep their
// numbers; colours stay in the terminal's 16-colour palette unless more are asked for.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';

const NOW = { ROADMAP_NOW: '2026-03-02T09:00:00Z' };
const READS = [['status'], ['list'], ['next'], ['info', '3'], ['log'], ['plan'], ['export', '--format', 'json'], ['doctor'], ['project']];

const fingerprint = (file: string) => ({ bytes: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs });

describe('read-only commands never write', () => {
  it.each(READS)('`roadmap %s …` leaves the state file untouched', (...args) => {
    const { env } = scratchHome();
    const all = { ...env, ...NOW };
    expect(runRoadmap(['check', '3'], all).code).toBe(0);
    const before = fingerprint(stateFileOf(all));
    const r = runRoadmap(args, all);
    expect(r.code).toBe(0);
    expect(fingerprint(stateFileOf(all))).toEqual(before);
  });

  it('ticks written in a new document are shown by reads, and recorded by the next write only', () => {
    const { dir, env } = scratchHome();
    const all = { ...env, ...NOW };
    const doc = join(dir, 'ticked.md');
    writeFileSync(doc, '# Doc\n\n## Level 1\n\n### Basics\n\n- [x] First thing\n- [ ] Second thing\n- [ ] Third thing\n');
    expect(runRoadmap(['check', '1'], all).code).toBe(0); // a state file for the bundled roadmap
    const before = fingerprint(stateFileOf(all));
    for (const args of [['status'], ['list'], ['next']]) {
      const r = runRoadmap(['-f', doc, ...args], all);
      expect(r.code).toBe(0);
      expect(fingerprint(stateFileOf(all))).toEqual(before);
    }
    expect(runRoadmap(['-f', doc, 'list', '--done'], all).stdout).toContain('First thing');
    expect(runRoadmap(['-f', doc, 'check', '2'], all).code).toBe(0);
    const done = JSON.parse(runRoadmap(['-f', doc, 'list', '--done', '--json'], all).stdout).items.map((i: { id: number }) => i.id);
    expect(done).toEqual([1, 2]);
  });

  it('`next` mentions a ready capstone part without writing, until the learner acts on the project', () => {
    const { env } = scratchHome();
    const all = { ...env, ...NOW };
    // Part 5 of the bundled project has nothing preparing it; parts are ready once their items are done.
    const project = JSON.parse(runRoadmap(['project', '--json'], all).stdout);
    const [part] = project.parts as { items: number[] }[];
    expect(runRoadmap(['check', ...(part?.items ?? []).map(String)], all).code).toBe(0);
    const before = fingerprint(stateFileOf(all));
    const first = runRoadmap(['next'], all);
    const second = runRoadmap(['next'], all);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('Une API REST déployée sur AWS');
    expect(fingerprint(stateFileOf(all))).toEqual(before);
    expect(runRoadmap(['project', 'link', '1', 'https://example.com/api'], all).code).toBe(0);
    expect(runRoadmap(['next'], all).stdout).not.toContain('Une API REST déployée sur AWS');
  });

  it('a no-op import says nothing changed', () => {
    const { dir, env } = scratchHome();
    const all = { ...env, ...NOW };
    expect(runRoadmap(['check', '3'], all).code).toBe(0);
    const file = join(dir, 'export.json');
    expect(runRoadmap(['export', '--format', 'json', '-o', file], all).code).toBe(0);
    const r = runRoadmap(['import', file], all);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing changed');
    expect(r.stdout).not.toContain('Progress saved');
  });
});

describe('notes keep their numbers', () => {
  it('removing note 1 then note 2 removes the notes first numbered 1 and 2', () => {
    const { env } = scratchHome();
    const all = { ...env, ...NOW };
    for (const text of ['one', 'two', 'three']) expect(runRoadmap(['note', '3', text], all).code).toBe(0);
    expect(runRoadmap(['note', '3', '--remove', '1'], all).code).toBe(0);
    expect(runRoadmap(['note', '3', '--remove', '2'], all).code).toBe(0);
    const notes = JSON.parse(runRoadmap(['note', '3', 'four', '--json'], all).stdout).notes;
    expect(notes.map((n: { n: number; text: string }) => [n.n, n.text])).toEqual([
      [3, 'three'],
      [4, 'four'],
    ]);
    expect(runRoadmap(['note', '3', '--remove', '1'], all)).toMatchObject({ code: 1 });
  });
});

describe('colours', () => {
  const sgr = (text: string) => [...text.matchAll(new RegExp(`${String.fromCharCode(27)}\\[([\\d;]*)m`, 'g'))].map((m) => m[1] as string);
  const basic = (code: string) => code.split(';').every((n) => /^(\d|2[1-9]|3\d|4\d|9\d|10[0-7])$/.test(n) && !['38', '48'].includes(n));

  it.each([
    ['FORCE_COLOR=2', { FORCE_COLOR: '2' }],
    ['FORCE_COLOR=3', { FORCE_COLOR: '3' }],
  ])('%s: status uses only the 16-colour palette', (_name, colour) => {
    const { env } = scratchHome();
    expect(runRoadmap(['check', '1', '2'], { ...env, ...NOW }).code).toBe(0);
    const r = runRoadmap(['status'], { ...env, ...NOW, ...colour, TERM: 'xterm-256color', COLORTERM: 'truecolor' });
    const codes = sgr(r.stdout);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code) => !basic(code))).toEqual([]);
  });

  it('ROADMAP_COLORS=truecolor asks for more', () => {
    const { env } = scratchHome();
    expect(runRoadmap(['check', '1', '2'], { ...env, ...NOW }).code).toBe(0);
    const r = runRoadmap(['status'], { ...env, ...NOW, FORCE_COLOR: '3', ROADMAP_COLORS: 'truecolor' });
    expect(sgr(r.stdout).some((code) => code.startsWith('38;2;'))).toBe(true);
  });
});
