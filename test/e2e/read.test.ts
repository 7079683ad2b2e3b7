import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runRoadmap, scratchHome } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

const ESC = '\u001b[';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('the installed binary, read side', () => {
  const { env } = scratchHome();

  it('prints its version', () => {
    const r = runRoadmap(['--version'], env);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help that lists the commands and global options, in English and French', () => {
    const en = runRoadmap(['--help'], env);
    expect(en.code).toBe(0);
    for (const word of ['status', 'list|show', '--file', '--json', '--no-color', '--lang']) expect(en.stdout).toContain(word);
    const fr = runRoadmap(['--help'], { ...env, LANG: 'fr_FR.UTF-8' });
    expect(fr.stdout).toContain('où tu en es');
    expect(runRoadmap(['--help', '--lang', 'en'], { ...env, LANG: 'fr_FR.UTF-8' }).stdout).toContain('where you stand');
  });

  it('shows status by default, at 0 % before anything is checked', () => {
    const bare = runRoadmap([], env);
    const status = runRoadmap(['status'], env);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toBe(status.stdout);
    expect(status.stdout).toContain('Roadmap Développeur Backend / Cloud');
    expect(status.stdout).toMatch(/Overall\s+░+\s+0\/52\s+0%/);
    expect(status.stdout).toMatch(/Niveau 4 — Les plus qui font la différence\s+░+\s+0\/6\s+0%/);
  });

  it('runs from any folder (the bundled roadmap ships with the package)', () => {
    const elsewhere = scratchHome();
    const r = runRoadmap(['status', '--json'], env, { cwd: elsewhere.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(52);
  });

  it('gives status --json in the contract shape with the real figures', () => {
    const r = runRoadmap(['status', '--json'], env);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ total: 52, done: 0, percent: 0 });
    expect(json.levels.map((l: { total: number }) => l.total)).toEqual([15, 18, 13, 6]);
    expect(json.levels.map((l: { sections: unknown[] }) => l.sections.length)).toEqual([4, 5, 4, 0]);
    expect(json.levels[0].sections[2]).toMatchObject({ title: 'Bases de données', total: 5, done: 0 });
    expect(json.levels[0]).toMatchObject({ title: '🔴 Niveau 1 — Les fondamentaux incontournables', done: 0, percent: 0 });
  });

  it('gives list --json with 52 items numbered 1..52', () => {
    const r = runRoadmap(['list', '--json'], env);
    expect(r.code).toBe(0);
    const { items } = JSON.parse(r.stdout);
    expect(items.map((i: { id: number }) => i.id)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(items[8]).toMatchObject({
      id: 9,
      key: 'postgresql-en-particulier-le-plus-utilise-en-prod',
      text: 'PostgreSQL en particulier (le plus utilisé en prod)',
      level: 1,
      section: 'Bases de données',
      status: 'todo',
    });
    expect(items[51]).toMatchObject({ id: 52, level: 4, section: null });
  });

  it('filters list by level, section and state', () => {
    const level = JSON.parse(runRoadmap(['list', '--level', '2', '--json'], env).stdout).items;
    expect(level.map((i: { id: number }) => i.id)).toEqual(Array.from({ length: 18 }, (_, i) => i + 16));
    const section = runRoadmap(['show', '--section', 'securite'], env);
    expect(section.stdout).toContain('Sécurité applicative');
    expect(section.stdout.match(/☐/g)).toHaveLength(4);
    expect(JSON.parse(runRoadmap(['list', '--done', '--json'], env).stdout).items).toEqual([]);
  });

  it('rejects an unknown command with a did-you-mean and exit 2', () => {
    const r = runRoadmap(['stauts'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('roadmap: unknown command "stauts"; did you mean "status"?\n');
  });

  it.each([
    [['--lang', 'xx'], 2, '--lang takes fr or en, not "xx"'],
    [['status', '--level', 'two'], 2, '--level takes a level number'],
    [['status', '--level', '9'], 1, 'no level 9 in this roadmap (levels: 1, 2, 3, 4)'],
    [['list', '--section', 'nothing-like-this'], 1, 'no section matches "nothing-like-this"'],
    [['list', '--todo', '--done'], 2, '--todo and --done cannot be used together'],
    [['--file', 'missing.md'], 1, 'no such file'],
  ])('%j exits %i with a one-line reason', (args, code, message) => {
    const r = runRoadmap(args, env);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('has no escape codes with NO_COLOR or a pipe, and has them with FORCE_COLOR', () => {
    expect(runRoadmap(['status'], { ...env, NO_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(runRoadmap(['list'], env).stdout).not.toContain(ESC);
    const forced = runRoadmap(['status'], { ...env, FORCE_COLOR: '1' });
    expect(forced.stdout).toContain(ESC);
    expect(runRoadmap(['status', '--no-color'], { ...env, FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
  });

  it('speaks French from the locale', () => {
    const r = runRoadmap(['status'], { ...env, LC_ALL: 'fr_FR.UTF-8' });
    expect(r.stdout).toMatch(/Global\s+░+\s+0\/52\s+0 %/);
  });

  it('works on another document with --file and ROADMAP_FILE', () => {
    const ciu = join(FIXTURES, 'coding-interview-university.md');
    const byFlag = JSON.parse(runRoadmap(['--file', ciu, 'status', '--json'], env).stdout);
    expect(byFlag.total).toBe(463);
    const byEnv = JSON.parse(runRoadmap(['status', '--json'], { ...env, ROADMAP_FILE: ciu }).stdout);
    expect(byEnv).toEqual(byFlag);
  });

  it('a long output reaches a slow reader whole (written synchronously, waiting while the pipe is full)', () => {
    const ciu = join(FIXTURES, 'coding-interview-university.md');
    const shell = spawnSync('bash', ['-o', 'pipefail', '-c', `roadmap --file '${ciu}' list --json | (sleep 0.3; cat)`], {
      env: { ...env, PATH: `${dirname(inject('roadmapBin'))}:${process.env.PATH}`, LANG: 'C' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(shell.status).toBe(0);
    expect(shell.stdout.length).toBeGreaterThan(100_000); // more than a pipe holds
    expect(JSON.parse(shell.stdout).items).toHaveLength(463);
  });

  it.each(['roadmap list | head -1', 'roadmap status | true', 'roadmap list --json | head -c 10'])('`%s` exits quietly', (command) => {
    const shell = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
      env: { ...env, PATH: `${dirname(inject('roadmapBin'))}:${process.env.PATH}`, LANG: 'C' },
      encoding: 'utf8',
    });
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
  });
});
