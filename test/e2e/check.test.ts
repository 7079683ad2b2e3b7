import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentHistory } from '../../src/store/history.js';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';

const POSTGRES = 'postgresql-en-particulier-le-plus-utilise-en-prod';

function home() {
  const { env } = scratchHome();
  const run = (...args: string[]) => runRoadmap(args, { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z' });
  const statusJson = () => JSON.parse(run('status', '--json').stdout);
  const listed = () => JSON.parse(run('list', '--json').stdout).items as Array<{ id: number; key: string; status: string }>;
  return { env, run, statusJson, listed, stateFile: stateFileOf(env) };
}

describe('roadmap check (installed binary)', () => {
  it('checks by number, key and fragment; status --json and list --json reflect it', () => {
    const h = home();
    const byNumber = h.run('check', '1');
    expect(byNumber).toMatchObject({ code: 0, stderr: '' });
    expect(byNumber.stdout).toMatch(/^✔ 1 {2}Maîtriser un langage sérieusement .* — Langage backend principal 1\/3 · Niveau 1 1\/15\n$/);
    // Then the hint: item 2 finishes the section just started.
    expect(h.run('check', POSTGRES).stdout).toMatch(
      /^✔ 9 {2}PostgreSQL en particulier \(le plus utilisé en prod\) — Bases de données 1\/5 · Niveau 1 2\/15\nMore urgent: 2 /,
    );
    expect(h.run('check', 'DOCKER compose').code).toBe(0);
    expect(h.run('check', 'securite', '--level', '3', '--section', 'secu').code).toBe(1); // still 4 candidates
    expect(h.run('check', 'moindre privilege', '--level', '3').stdout).toMatch(/^✔ 41 /);

    const status = h.statusJson();
    expect(status.done).toBe(4);
    expect(status.levels.map((l: { done: number }) => l.done)).toEqual([2, 1, 1, 0]);
    expect(status.levels[0].sections.map((s: { done: number }) => s.done)).toEqual([1, 0, 1, 0]);
    const done = h
      .listed()
      .filter((i) => i.status === 'done')
      .map((i) => i.id);
    expect(done).toEqual([1, 9, 17, 41]);
  });

  it('start, skip and uncheck; skipped items leave the percentage base', () => {
    const h = home();
    expect(h.run('start', '29').stdout).toMatch(/^◐ 29 /);
    expect(h.run('skip', '47', '48', '49', '50', '51').code).toBe(0);
    expect(h.run('check', '52').code).toBe(0);
    const items = h.listed();
    expect(items.find((i) => i.id === 29)?.status).toBe('doing');
    expect(items.filter((i) => i.status === 'skipped').map((i) => i.id)).toEqual([47, 48, 49, 50, 51]);
    const status = h.statusJson();
    expect(status.levels[3]).toMatchObject({ total: 6, done: 1, skipped: 5, percent: 100 });
    expect(status).toMatchObject({ total: 52, done: 1, skipped: 5, percent: 2 }); // 1 / 47
    expect(h.run('uncheck', '52').stdout).toMatch(/^☐ 52 .* Niveau 4 0\/6\n$/);
    expect(h.statusJson().levels[3].percent).toBe(0);
  });

  it('already done: says so, exit 0', () => {
    const h = home();
    h.run('check', '9');
    const again = h.run('check', '9');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(already done)');
  });

  it.each([
    [['check', 'kubernetis-zzz'], /^roadmap: no item matches "kubernetis-zzz"\n$/],
    [['check', 'postgress'], /^roadmap: no item matches "postgress"\ndid you mean:\n {3}9 {2}PostgreSQL/],
    [
      ['check', 'moindre privilege'],
      /^roadmap: "moindre privilege" matches 2 items; .*\n {2}25 {2}IAM .*\n {2}41 {2}Principe du moindre privilège partout/,
    ],
    [['check', '9', '60'], /^roadmap: no item 60: items are numbered 1 to 52\n$/],
    [['skip', ''], /^roadmap: an item reference is empty/],
    [['--lang', 'fr', 'check', 'zzzz'], /^roadmap : aucun élément ne correspond à « zzzz »\n$/],
  ])('%j → exit 1, a clear error, state unchanged', (args, stderr) => {
    const h = home();
    h.run('check', '1');
    const before = readFileSync(h.stateFile);
    const result = h.run(...args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
    expect(readFileSync(h.stateFile)).toEqual(before);
  });

  it('without items and without a terminal: exit 2 naming the non-interactive form', () => {
    const h = home();
    const result = h.run('check');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('roadmap check 7');
    expect(existsSync(h.stateFile)).toBe(false);
  });

  it('--dry-run writes nothing', () => {
    const h = home();
    const result = h.run('check', '9', '12', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ 9 .*\n✔ 12 .*\nDry run: nothing was written.\n$/);
    expect(existsSync(h.stateFile)).toBe(false);
    expect(h.statusJson().done).toBe(0);
  });

  it('a corrupt state file: exit 1 naming it, left byte for byte', () => {
    const h = home();
    mkdirSync(dirname(h.stateFile), { recursive: true });
    writeFileSync(h.stateFile, '{"schemaVersion": 1, "documents": ');
    const result = h.run('check', '9');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `roadmap: cannot read the progress file ${h.stateFile}: invalid JSON (the file ends too early: cut off while being written?). It was left untouched; run \`roadmap doctor\` to see what is wrong (\`roadmap doctor --repair\` restores the last good backup).\n`,
    );
    expect(readFileSync(h.stateFile, 'utf8')).toBe('{"schemaVersion": 1, "documents": ');
  });

  it('progress follows the key when the document is reordered', () => {
    const { env, dir } = scratchHome();
    const file = `${dir}/plan.md`;
    writeFileSync(file, '# P\n\n## L\n\n- [ ] Alpha\n- [ ] Beta\n');
    expect(runRoadmap(['--file', file, 'check', 'beta'], env).stdout).toMatch(/^✔ 2 {2}Beta/);
    writeFileSync(file, '# P\n\n## L\n\n- [ ] Beta\n- [ ] Gamma\n- [ ] Alpha\n');
    const items = JSON.parse(runRoadmap(['--file', file, 'list', '--json'], env).stdout).items;
    expect(items.map((i: { text: string; status: string }) => `${i.text}:${i.status}`)).toEqual(['Beta:done', 'Gamma:todo', 'Alpha:todo']);
  });
});

describe('roadmap undo (installed binary)', () => {
  it('reverts the last command, walks back further, then exit 1', () => {
    const h = home();
    h.run('check', '9');
    h.run('start', '12', '13');
    const dry = h.run('undo', '--dry-run');
    expect(dry.stdout).toMatch(
      /^Would undo `start` of 2026-03-01 \d\d:00 \(2 items\):\n☐ 12 .*\n☐ 13 .*\nDry run: nothing was written.\n$/,
    );
    expect(h.statusJson().doing).toBe(2);
    const first = h.run('undo');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Undid `start` .*\(2 items\):\n☐ 12 /);
    expect(h.statusJson()).toMatchObject({ done: 1, doing: 0 });
    expect(h.run('undo').stdout).toMatch(/^Undid `check` .*\(1 item\):\n☐ 9 /);
    expect(h.statusJson().done).toBe(0);
    const none = h.run('undo');
    expect(none).toMatchObject({ code: 1, stdout: '', stderr: 'roadmap: nothing to undo\n' });
    const log = documentHistory(dirname(h.stateFile), 'bundled', JSON.parse(readFileSync(h.stateFile, 'utf8')).documents.bundled);
    expect(log).toHaveLength(6);
  });

  it('keeps at least 20 steps', () => {
    const h = home();
    for (let id = 1; id <= 22; id++) h.run('check', String(id));
    for (let n = 0; n < 22; n++) expect(h.run('undo').code).toBe(0);
    expect(h.run('undo').code).toBe(1);
    expect(h.statusJson().done).toBe(0);
  });

  it('--help shows the examples', () => {
    const h = home();
    const help = h.run('check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('roadmap check postgres "docker compose" 12');
    expect(help.stdout).toContain('--dry-run');
  });
});
