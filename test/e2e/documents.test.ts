import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/context.js';

const CIU = join(FIXTURES, 'coding-interview-university.md');
const NOW = { ROADMAP_NOW: '2026-03-01T10:00:00Z' };

/** Offsets where two buffers differ (same length required). */
function differences(a: Buffer, b: Buffer): number[] {
  expect(b.length).toBe(a.length);
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** A JSON export marking these keys, for setting up progress through the real binary. */
function exportFile(dir: string, name: string, items: Record<string, [string, string]>): string {
  const path = join(dir, name);
  const records = Object.fromEntries(Object.entries(items).map(([key, [status, at]]) => [key, { status, at }]));
  writeFileSync(path, JSON.stringify({ format: 'roadmap-progress', version: 1, items: records, log: [] }));
  return path;
}

describe('any document, chosen with --file, ROADMAP_FILE or roadmap use', () => {
  it('reads CIU through --file and ROADMAP_FILE alike', () => {
    const { env } = scratchHome();
    const byFlag = runRoadmap(['--file', CIU, 'status', '--json'], env);
    expect(byFlag.code).toBe(0);
    expect(JSON.parse(byFlag.stdout)).toMatchObject({ total: 463, done: 0 });
    const byEnv = runRoadmap(['list', '--json'], { ...env, ROADMAP_FILE: CIU });
    expect(JSON.parse(byEnv.stdout).items).toHaveLength(463);
  });

  it('use makes a document the default, roadmaps lists both, use --bundled goes back', () => {
    const { dir, env } = scratchHome();
    const doc = join(dir, 'ciu.md');
    copyFileSync(CIU, doc);
    const use = runRoadmap(['use', 'ciu.md'], env, { cwd: dir });
    expect(use).toMatchObject({ code: 0, stderr: '' });
    expect(use.stdout).toContain(`Now using “Coding Interview University” (${doc}, 463 items).`);
    expect(JSON.parse(runRoadmap(['status', '--json'], env).stdout).total).toBe(463);
    expect(JSON.parse(runRoadmap(['status', '--json'], { ...env, ROADMAP_FILE: join(ROOT, 'data', 'roadmap.md') }).stdout).total).toBe(52);

    const list = JSON.parse(runRoadmap(['roadmaps', '--json'], env).stdout).roadmaps;
    expect(list.map((r: { id: string; current: boolean; total: number }) => [r.id, r.current, r.total])).toEqual([
      ['bundled', false, 52],
      [doc, true, 463],
    ]);
    const text = runRoadmap(['roadmaps'], env).stdout;
    expect(text).toMatch(/^\* .*0\/463 {2}Coding Interview University {2}.*ciu\.md$/m);

    expect(runRoadmap(['use', '--bundled'], env).stdout).toContain('Using the bundled roadmap');
    expect(JSON.parse(runRoadmap(['status', '--json'], env).stdout).total).toBe(52);
  });

  it('fails clearly: a missing document (exit 1), a document and --bundled (exit 2), a used file gone (exit 1)', () => {
    const { dir, env } = scratchHome();
    const missing = runRoadmap(['use', join(dir, 'nope.md')], env);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(`roadmap: cannot read ${join(dir, 'nope.md')}: no such file\n`);
    expect(runRoadmap(['use', 'x.md', '--bundled'], env).code).toBe(2);

    const doc = join(dir, 'mine.md');
    writeFileSync(doc, '# Mine\n\n- [ ] one\n');
    expect(runRoadmap(['use', doc], env).code).toBe(0);
    rmSync(doc);
    const gone = runRoadmap(['status'], env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('roadmap use --bundled');
  });
});

describe('markdown round trip', () => {
  it.each([
    [
      'the bundled roadmap',
      join(ROOT, 'data', 'roadmap.md'),
      ['authentification-jwt-oauth2-sessions', 'documentation-openapi-swagger'],
      [],
    ],
    ['CIU', CIU, ['implement-a-vector-mutable-array-with-automatic-resizing', 'linked-list-vs-arrays'], ['--file', CIU]],
  ])('export --format md of %s equals the source but for the ticked markers', (_name, source, keys, fileArgs) => {
    const { dir, env } = scratchHome();
    const model = JSON.parse(runRoadmap([...fileArgs, 'list', '--json'], env).stdout).items as { key: string }[];
    const wanted = keys.filter((key) => model.some((item) => item.key === key));
    expect(wanted).toEqual(keys);
    const progress = exportFile(dir, 'p.json', Object.fromEntries(wanted.map((key) => [key, ['done', '2026-01-01T00:00:00Z']])));
    expect(runRoadmap([...fileArgs, 'import', progress], env).code).toBe(0);
    const exported = runRoadmap([...fileArgs, 'export', '--format', 'md', '-o', join(dir, 'out.md')], env);
    expect(exported.code).toBe(0);
    const original = readFileSync(source);
    const out = readFileSync(join(dir, 'out.md'));
    const changed = differences(original, out);
    expect(changed).toHaveLength(wanted.length);
    for (const offset of changed) expect([original[offset - 1], original[offset], out[offset]]).toEqual([0x5b, 0x20, 0x78]);
    // The ticked copy imports back into a fresh home as the same progress.
    const fresh = scratchHome().env;
    const back = runRoadmap([...fileArgs, 'import', join(dir, 'out.md')], fresh);
    expect(back.stdout).toContain(`${wanted.length} ticked item${wanted.length === 1 ? '' : 's'} matched: ${wanted.length} newly done`);
    expect(JSON.parse(runRoadmap([...fileArgs, 'status', '--json'], fresh).stdout).done).toBe(wanted.length);
  });
});

describe('two machines, synced through JSON exports', () => {
  it('ends with the same progress on both, the latest change of each item winning', () => {
    const { dir } = scratchHome();
    const doc = join(dir, 'ciu.md');
    copyFileSync(CIU, doc);
    const laptop = { ...scratchHome().env, ROADMAP_FILE: doc };
    const desktop = { ...scratchHome().env, ROADMAP_FILE: doc };
    runRoadmap(
      [
        'import',
        exportFile(dir, 'a.json', {
          'linked-list-vs-arrays': ['done', '2026-01-01T00:00:00Z'],
          'about-arrays': ['doing', '2026-01-05T00:00:00Z'],
        }),
      ],
      laptop,
    );
    runRoadmap(
      [
        'import',
        exportFile(dir, 'b.json', {
          'about-arrays': ['done', '2026-01-07T00:00:00Z'],
          'stacks-video': ['skipped', '2026-01-02T00:00:00Z'],
        }),
      ],
      desktop,
    );
    expect(runRoadmap(['export', '--format', 'json', '-o', join(dir, 'laptop.json')], { ...laptop, ...NOW }).code).toBe(0);
    expect(runRoadmap(['export', '-o', join(dir, 'desktop.json')], { ...desktop, ...NOW }).code).toBe(0);
    const dry = runRoadmap(['import', join(dir, 'desktop.json'), '--dry-run'], laptop);
    expect(dry.stdout).toContain('Dry run');
    const merged = runRoadmap(['import', join(dir, 'desktop.json')], laptop);
    expect(merged.stdout).toContain('2 items updated from the export, 0 kept');
    runRoadmap(['import', join(dir, 'laptop.json')], desktop);
    const stateOf = (env: Record<string, string>) => JSON.parse(readFileSync(stateFileOf(env), 'utf8')).documents[doc];
    expect(stateOf(laptop).items).toEqual(stateOf(desktop).items);
    expect(stateOf(laptop).items).toEqual({
      'linked-list-vs-arrays': { status: 'done', at: '2026-01-01T00:00:00Z' },
      'about-arrays': { status: 'done', at: '2026-01-07T00:00:00Z' },
      'stacks-video': { status: 'skipped', at: '2026-01-02T00:00:00Z' },
    });
    expect(stateOf(laptop).log).toEqual(stateOf(desktop).log);
  });
});

describe('editing the document', () => {
  it('keeps progress through reorder, rename, delete and insert, says so once, and doctor lists the rest', () => {
    const { dir, env } = scratchHome();
    const doc = join(dir, 'plan.md');
    writeFileSync(
      doc,
      '# Plan\n\n## Data\n\n- [ ] Arrays and slices\n- [ ] Hash maps in depth\n- [ ] Linked lists\n\n## Systems\n\n- [ ] Processes and threads\n',
    );
    const all = { ...env, ROADMAP_FILE: doc };
    const ticks = join(dir, 'ticks.md');
    writeFileSync(ticks, readFileSync(doc, 'utf8').replace(/- \[ \]/g, '- [x]'));
    expect(runRoadmap(['import', ticks], all).code).toBe(0);
    writeFileSync(
      doc,
      '# Plan\n\n## Systems\n\n- [ ] Processes and threads\n\n## Data\n\n- [ ] Tries\n- [ ] Hash maps in great depth\n- [ ] Arrays and slices\n',
    );
    const first = runRoadmap(['status', '--json'], all);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      'roadmap: document changed: 1 renamed (progress kept), 1 removed, 1 new — roadmap doctor for details\n' +
        '  renamed: “Hash maps in depth” → “Hash maps in great depth” (progress kept)\n  removed: “Linked lists”\n',
    );
    expect(JSON.parse(first.stdout)).toMatchObject({ total: 4, done: 3 });
    // Reads never write: the summary is repeated until a command that writes records the changes.
    expect(runRoadmap(['status', '--json'], all).stderr).toBe(first.stderr);
    expect(runRoadmap(['check', 'Processes and threads'], all).stderr).toBe(first.stderr);
    expect(runRoadmap(['status'], all).stderr).toBe('');
    const doctor = runRoadmap(['doctor'], all);
    expect(doctor.stdout).toContain('done · Linked lists (key linked-lists, 2026-');
    const prune = runRoadmap(['doctor', '--prune'], all);
    expect(prune.stdout).toContain('Dropped the progress of 1 removed item.');
    expect(JSON.parse(runRoadmap(['status', '--json'], all).stdout)).toMatchObject({ total: 4, done: 3 });
  });
});
