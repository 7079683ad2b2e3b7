import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';

// The guidance printed after other commands: the urgent-item hint of check/start, and next's
// one-time mention of a capstone project part that is ready to build.
describe('hints on the installed binary', () => {
  const now = { ROADMAP_NOW: '2026-03-01T09:00:00Z' };

  it('check and start name a more urgent item of the same track; uncheck and JSON stay quiet', () => {
    const { env } = scratchHome();
    const e = { ...env, ...now };
    const checked = runRoadmap(['check', '20'], e);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^✔ 20 .*\nMore urgent: 1 {2}Maîtriser un langage .*\(priority level 1\)\. See `roadmap next`\.\n$/);
    const started = runRoadmap(['start', '21', '--lang', 'fr'], e);
    expect(started.stdout).toMatch(/\nPlus urgent : 1 {2}Maîtriser .*Voir `roadmap next`\.\n$/);
    const first = runRoadmap(['check', '1'], e);
    expect(first.stdout).toMatch(/\nMore urgent: 21 .*\(in progress\)/);
    expect(runRoadmap(['uncheck', '20'], e).stdout).not.toContain('More urgent');
    expect(JSON.parse(runRoadmap(['check', '22', '--json'], e).stdout)).toHaveProperty('changes');
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
