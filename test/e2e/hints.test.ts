import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/context.js';

// The guidance printed after other commands: the urgent-item hint of check/start, and next's
// one-time mention of a capstone project part that is ready to build.
describe('hints on the installed binary', () => {
  const now = { ROADMAP_NOW: '2026-03-01T09:00:00Z' };

  const urgent = /More urgent: /;

  it('check and start name a more urgent item of the same track; uncheck and JSON stay quiet', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    const checked = runRoadmap(['check', '20'], e);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^✔ 20 .*\nMore urgent: 1 {2}Maîtriser un langage .*\(priority level 1\)\. See `roadmap next`\.\n$/);
    const started = runRoadmap(['start', '21', '--lang', 'fr'], { ...e, ROADMAP_NOW: '2026-03-02T09:00:00Z' });
    expect(started.stdout).toMatch(/\nPlus urgent : 1 {2}Maîtriser .*Voir `roadmap next`\.\n$/);
    expect(runRoadmap(['uncheck', '20'], e).stdout).not.toMatch(urgent);
    expect(JSON.parse(runRoadmap(['check', '22', '--json'], e).stdout)).toHaveProperty('changes');
  });

  it('never after doing what `next` suggested', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    const suggested = JSON.parse(runRoadmap(['next', '--json'], e).stdout).suggestions.map((s: { id: number }) => String(s.id));
    expect(suggested.length).toBeGreaterThan(0);
    for (const id of suggested) {
      const r = runRoadmap(['check', id], e);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(urgent);
    }
  });

  it('never about an item already in progress', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    expect(runRoadmap(['start', '1'], e).code).toBe(0);
    const r = runRoadmap(['check', '20'], e);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/More urgent: 1 /);
  });

  it('at most once a day for the same item (ROADMAP_NOW is the clock), without read-only commands writing', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    const cache = join(env.XDG_CACHE_HOME as string, 'roadmap', 'hints.json');
    expect(runRoadmap(['next'], e).code).toBe(0);
    expect(runRoadmap(['status'], e).code).toBe(0);
    expect(existsSync(cache)).toBe(false);
    expect(runRoadmap(['check', '20'], e).stdout).toMatch(/More urgent: 1 /);
    expect(existsSync(cache)).toBe(true);
    expect(runRoadmap(['check', '22'], e).stdout).not.toMatch(urgent);
    expect(runRoadmap(['start', '23'], { ...e, ROADMAP_NOW: '2026-03-01T22:00:00Z' }).stdout).not.toMatch(urgent);
    expect(runRoadmap(['check', '24'], { ...e, ROADMAP_NOW: '2026-03-02T09:00:00Z' }).stdout).toMatch(/More urgent: 1 /);
  });

  it('never on a document without priority levels', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    const file = join(FIXTURES, 'coding-interview-university.md');
    for (const id of ['400', '463']) {
      const r = runRoadmap(['check', id, '-f', file], e);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(urgent);
    }
  });

  it('ROADMAP_HINTS=off and `roadmap hints off` turn it off; `roadmap hints on` back on', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    expect(runRoadmap(['check', '20'], { ...e, ROADMAP_HINTS: 'off' }).stdout).not.toMatch(urgent);
    const off = runRoadmap(['hints', 'off'], e);
    expect(off).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Hints are off/) });
    expect(JSON.parse(readFileSync(stateFileOf(env), 'utf8')).hints).toBe('off');
    expect(runRoadmap(['check', '22'], e).stdout).not.toMatch(urgent);
    expect(runRoadmap(['hints', '--lang', 'fr'], e).stdout).toMatch(/^Indications coupées/);
    expect(runRoadmap(['hints', 'on'], e)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Hints are on/) });
    expect(JSON.parse(readFileSync(stateFileOf(env), 'utf8')).hints).toBeUndefined();
    expect(runRoadmap(['check', '24'], e).stdout).toMatch(/More urgent: 1 /);
    expect(runRoadmap(['hints', 'maybe'], e).code).toBe(2);
  });

  it('next mentions a ready project part, without writing, until the learner acts on the project', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    expect(runRoadmap(['check', '31', '32', '33'], e).code).toBe(0);
    const first = runRoadmap(['next'], e);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('everything that prepares part 2 is done');
    expect(first.stdout).toContain('roadmap project check 2');
    expect(runRoadmap(['next'], e).stdout).toBe(first.stdout);
    expect(runRoadmap(['project', 'link', '2', 'https://example.com/ci'], e).code).toBe(0);
    const again = runRoadmap(['next'], e);
    expect(again.stdout).not.toContain('prepares part 2');
    expect(JSON.parse(runRoadmap(['next', '--json'], e).stdout).suggestions.length).toBeGreaterThan(0);
  });
});
