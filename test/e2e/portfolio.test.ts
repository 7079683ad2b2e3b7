import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';

describe('notes, info, project and export on the installed binary', () => {
  it('records a note and a project part, and shows them', () => {
    const { env } = scratchHome();
    const run = (...args: string[]) => runRoadmap(args, { ...env, ROADMAP_NOW: '2026-03-01T10:00:00Z' });
    expect(run('note', '9', 'Tuto', 'officiel', 'fini')).toMatchObject({ code: 0, stderr: '' });
    expect(run('note', '9', '--link', 'https://github.com/me/pg')).toMatchObject({ code: 0 });
    expect(run('project', 'check', 'ci/cd')).toMatchObject({ code: 0, stdout: '✔ Part 2 done: Avec une pipeline CI/CD automatisée\n' });
    expect(run('project', 'link', '2', 'https://github.com/me/pipeline')).toMatchObject({ code: 0 });
    const info = JSON.parse(run('info', '9', '--json').stdout);
    expect(info.notes.map((n: { text: string | null; url: string | null }) => n.text ?? n.url)).toEqual([
      'Tuto officiel fini',
      'https://github.com/me/pg',
    ]);
    const project = JSON.parse(run('--json', 'project').stdout);
    expect(project.parts[1]).toMatchObject({
      status: 'done',
      links: [{ at: '2026-03-01T10:00:00.000Z', url: 'https://github.com/me/pipeline' }],
    });
    expect(run('list', '--notes', '--section', 'donnees').stdout).toContain('9 ✎  PostgreSQL');
    const state = JSON.parse(readFileSync(stateFileOf(env), 'utf8'));
    expect(Object.keys(state.documents.bundled)).toEqual(expect.arrayContaining(['items', 'notes', 'project']));
  });

  it('refers to items by fragment, shows the dated changes that check records, and refuses unknown refs', () => {
    const { env } = scratchHome();
    const run = (now: string, ...args: string[]) => runRoadmap(args, { ...env, ROADMAP_NOW: now });
    expect(run('2026-02-01T10:00:00Z', 'start', 'postgres').code).toBe(0);
    expect(run('2026-02-03T10:00:00Z', 'check', '9').code).toBe(0);
    expect(run('2026-02-04T10:00:00Z', 'note', 'postgresql', 'index', 'B-tree')).toMatchObject({
      code: 0,
      stdout: '✎ Note 1 added to 9  PostgreSQL en particulier (le plus utilisé en prod)\n',
    });
    const info = run('2026-02-05T10:00:00Z', 'info', 'postgres');
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/status +✔ done · since 2026-02-03\n/);
    expect(info.stdout).toContain('History\n   2026-02-01  ☐ → ◐  to do → in progress\n   2026-02-03  ◐ → ✔  in progress → done\n');
    expect(info.stdout).toContain('   1  2026-02-04  index B-tree\n');
    const unknown = run('2026-02-05T10:00:00Z', 'note', 'postgrs', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/postgrs/);
    expect(unknown.stderr).toContain('PostgreSQL');
    const ambiguous = run('2026-02-05T10:00:00Z', 'info', 'notions');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toBe('');
    const state = JSON.parse(readFileSync(stateFileOf(env), 'utf8'));
    expect(state.documents.bundled.notes['postgresql-en-particulier-le-plus-utilise-en-prod']).toHaveLength(1);
  });

  it.each([
    [['export', '--format', 'pdf'], 2, /^roadmap: --format takes md, json, html or svg, not "pdf"\n$/],
    [['note', '9'], 2, /give the note text, --link <url> or --remove <n>/],
    [['note', '9', '--link', 'ftp://x'], 1, /not an http\(s\) address/],
    [['project', 'check', '42'], 1, /no part of the project matches "42"/],
    [['project', 'link', '1'], 2, /^roadmap: `roadmap project link` needs <url>; see `roadmap project link --help`\n$/],
  ])('roadmap %j exits %i', (args, code, message) => {
    const { env } = scratchHome();
    const result = runRoadmap(args, env);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('writes the report and the badge to files', () => {
    const { dir, env } = scratchHome();
    const html = runRoadmap(['export', '--format', 'html', '-o', 'r.html'], env, { cwd: dir });
    expect(html).toMatchObject({ code: 0, stdout: '', stderr: `Written to ${join(dir, 'r.html')}\n` });
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('0 of 52 items done');
    const svg = runRoadmap(['export', '--format', 'svg', '--output', join(dir, 'b.svg'), '--lang', 'fr'], env);
    expect(svg.code).toBe(0);
    const badge = readFileSync(join(dir, 'b.svg'), 'utf8');
    expect(XMLValidator.validate(badge)).toBe(true);
    expect(badge).toContain('>0 %</text>');
  });
});
