import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { runDoctor } from '../../src/commands/doctor.js';
import { runExport } from '../../src/commands/export.js';
import { runImport } from '../../src/commands/import.js';
import { runStatus } from '../../src/commands/status.js';
import { UserError } from '../../src/errors.js';
import { contentHash } from '../../src/io/load-roadmap.js';
import { documentHistory } from '../../src/store/history.js';
import { readSnapshot } from '../../src/store/snapshots.js';
import { ROOT, testContext } from '../helpers/context.js';
import { rejection, words } from '../helpers/words.js';

let dir: string;
let env: Record<string, string>;
let plan: string;
const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roadmap-docs-'));
  env = { ROADMAP_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache') };
  plan = join(dir, 'plan.md');
  copyFileSync(fixture('front-matter.md'), plan);
});

const ctxFor = (options: { now?: string; json?: boolean; lang?: 'en' | 'fr' } = {}) => testContext({ env, file: plan, ...options });
const state = () => JSON.parse(readFileSync(join(dir, 'home', 'state.json'), 'utf8'));

describe('import <file.md> and export --format md', () => {
  it('reports before it changes anything with --dry-run, then records the ticks with their history', async () => {
    const copy = join(dir, 'copy.md');
    writeFileSync(
      copy,
      readFileSync(plan, 'utf8').replace('- [ ] Borrowing', '- [x] Borrowing').replace('- [ ] Traits', '- [x] Traits (new name)'),
    );
    const dry = ctxFor();
    await runImport({ file: copy, dryRun: true }, dry);
    expect(dry.out.text).toContain('2 ticked items matched: 1 newly done, 1 already done');
    expect(dry.out.text).toContain('  ✔   3  Borrowing');
    expect(dry.out.text).toContain('1 ticked item could not be matched');
    expect(dry.out.text).toContain('  ? Traits (new name)');
    expect(dry.out.text).toContain('Dry run: nothing was changed.');
    // Only the document's own tick, recorded when first seen.
    expect(state().documents[plan].items).toEqual({ lifetimes: { status: 'done', at: '2026-03-01T09:00:00.000Z' } });

    const real = ctxFor();
    await runImport({ file: copy }, real);
    expect(real.out.text).toContain('Progress saved.');
    const doc = state().documents[plan];
    expect(doc.items).toEqual({
      lifetimes: { status: 'done', at: '2026-03-01T09:00:00.000Z' },
      borrowing: { status: 'done', at: '2026-03-01T09:00:00.000Z' },
    });
    expect(documentHistory(join(dir, 'home'), plan, doc)).toEqual([
      { at: '2026-03-01T09:00:00.000Z', key: 'lifetimes', from: 'todo', to: 'done', via: 'document' },
      { at: '2026-03-01T09:00:00.000Z', key: 'borrowing', from: 'todo', to: 'done' },
    ]);

    const out = ctxFor();
    await runExport({ format: 'md' }, out);
    expect(out.out.text).toBe(readFileSync(plan, 'utf8').replace('- [ ] Borrowing', '- [x] Borrowing'));
  });

  it('writes -o atomically and says so on stderr, stdout left empty', async () => {
    const ctx = ctxFor();
    await runExport({ output: join(dir, 'out.md') }, ctx);
    expect(readFileSync(join(dir, 'out.md'))).toEqual(readFileSync(plan));
    expect(ctx.out.text).toBe('');
    expect(ctx.err.text).toBe(`Wrote ${join(dir, 'out.md')}: 1 of 6 items ticked.\n`);
  });
});

describe('import <file.json>', () => {
  it('fails with one clear line on a file that is not an export, changing nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"items": []}');
    await expect(runImport({ file: bad }, ctxFor())).rejects.toThrow(
      new UserError(`cannot import ${bad}: not a roadmap progress export ("format" is not "roadmap-progress")`),
    );
    writeFileSync(bad, '{ nope');
    await expect(runImport({ file: bad }, ctxFor())).rejects.toThrow(/invalid JSON/);
    expect(words(await rejection(runImport({ file: join(dir, 'missing.json') }, ctxFor())))).toMatch(/no such file/);
  });

  it('round-trips through export --format json', async () => {
    const copy = join(dir, 'copy.md');
    writeFileSync(copy, readFileSync(plan, 'utf8').replace('- [ ] Traits', '- [x] Traits'));
    await runImport({ file: copy }, ctxFor());
    const exported = ctxFor({ now: '2026-03-02T00:00:00Z' });
    await runExport({ format: 'json' }, exported);
    const data = JSON.parse(exported.out.text);
    expect(data).toMatchObject({ format: 'roadmap-progress', version: 1, document: { title: 'Rust in 100 days', path: plan } });
    expect(data.items.traits).toEqual({ status: 'done', at: '2026-03-01T09:00:00.000Z', text: 'Traits' });
    // Into a fresh home: the same progress.
    env = { ROADMAP_HOME: join(dir, 'home2'), XDG_CACHE_HOME: join(dir, 'cache') };
    writeFileSync(join(dir, 'p.json'), exported.out.text);
    const json = ctxFor({ json: true });
    await runImport({ file: join(dir, 'p.json') }, json);
    expect(JSON.parse(json.out.text)).toMatchObject({
      dryRun: false,
      // Lifetimes, ticked in the document, was recorded when the new home first saw it.
      kept: 1,
      unknown: [],
      changed: [{ key: 'traits', from: 'todo', to: 'done' }],
    });
    expect(state().documents[plan].items.traits.status).toBe('done');
  });
});

describe('when the document changes', () => {
  it('prints one summary line until a write records it, keeps removed progress, and doctor --prune drops it', async () => {
    const copy = join(dir, 'copy.md');
    writeFileSync(copy, readFileSync(plan, 'utf8').replace('- [ ] Borrowing', '- [x] Borrowing').replace('- [ ] Traits', '- [x] Traits'));
    await runImport({ file: copy }, ctxFor());
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8')
        .replace('- [ ] Borrowing', '- [ ] Borrowing and moves')
        .replace('- [ ] Traits\n', '')
        .replace('- [ ] Generics', '- [ ] Generics\n- [ ] Macros'),
    );
    const first = ctxFor({ now: '2026-03-03T00:00:00Z' });
    await runStatus({}, first);
    expect(first.err.text).toBe(
      'roadmap: document changed: 1 renamed (progress kept), 1 removed, 1 new — roadmap doctor for details\n' +
        '  renamed: “Borrowing” → “Borrowing and moves” (progress kept)\n  removed: “Traits”\n',
    );
    expect(first.out.text).toMatch(/Overall\s.*2\/6/);
    // status only reads: the summary is repeated until a command that writes records the changes.
    const second = ctxFor();
    await runStatus({}, second);
    expect(second.err.text).toBe(first.err.text);
    const write = ctxFor({ now: '2026-03-03T00:00:00Z' });
    await runCheck({ command: 'check', refs: ['Lifetimes'] }, write);
    expect(write.err.text).toBe(first.err.text);
    const third = ctxFor();
    await runStatus({}, third);
    expect(third.err.text).toBe('');

    const doctor = ctxFor();
    await runDoctor({}, doctor);
    expect(doctor.out.text).toContain('! 1 item removed from the document still has progress (kept):');
    expect(doctor.out.text).toContain('    done · Traits (key traits, 2026-03-01)');
    expect(doctor.out.text).toContain('renamed: “Borrowing” → “Borrowing and moves” (progress kept)');
    expect(doctor.out.text).toContain('new: “Macros”');
    expect(state().documents[plan].items.traits.status).toBe('done');

    const prune = ctxFor({ lang: 'fr' });
    await runDoctor({ prune: true }, prune);
    expect(prune.out.text).toContain('Progression de 1 élément retiré supprimée.');
    // The renamed item kept its key.
    expect(state().documents[plan].items).toEqual({
      borrowing: { status: 'done', at: '2026-03-01T09:00:00.000Z' },
      lifetimes: { status: 'done', at: '2026-03-01T09:00:00.000Z' },
    });
    const json = ctxFor({ json: true });
    await runDoctor({}, json);
    expect(JSON.parse(json.out.text).findings.map((f: { check: string }) => f.check)).toEqual(['last-change']);
  });

  it('records the content hash: unchanged bytes cost no comparison and no write, edited prose one write (by a write command)', async () => {
    const copy = join(dir, 'copy.md');
    writeFileSync(copy, readFileSync(plan, 'utf8').replace('- [ ] Borrowing', '- [x] Borrowing'));
    await runImport({ file: copy }, ctxFor());
    const stateFile = join(dir, 'home', 'state.json');
    expect(state().documents[plan].contentHash).toBe(contentHash(readFileSync(plan)));

    const written = statSync(stateFile).mtimeMs;
    const before = readFileSync(stateFile, 'utf8');
    const snapshot = readSnapshot(join(dir, 'home'), plan);
    expect(Object.keys(snapshot ?? {})).not.toHaveLength(0);
    expect(JSON.parse(before).documents[plan].known).toBeUndefined(); // in its own file, not in the state
    await runStatus({}, ctxFor());
    expect(readFileSync(stateFile, 'utf8')).toBe(before);
    expect(statSync(stateFile).mtimeMs).toBe(written);

    // Prose only: same items, so no summary line; the new hash is recorded once, the snapshot kept.
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}\nSome prose added at the end.\n`);
    const read = ctxFor();
    await runStatus({}, read);
    expect(readFileSync(stateFile, 'utf8')).toBe(before); // a read records nothing
    const edited = ctxFor();
    await runCheck({ command: 'check', refs: ['Borrowing'] }, edited);
    expect(edited.err.text).toBe('');
    const after = state().documents[plan];
    expect(after.contentHash).toBe(contentHash(readFileSync(plan)));
    expect(readSnapshot(join(dir, 'home'), plan)).toEqual(snapshot);
    expect(after.lastChange).toBeUndefined();
    const again = readFileSync(stateFile, 'utf8');
    await runStatus({}, ctxFor());
    expect(readFileSync(stateFile, 'utf8')).toBe(again);
  });

  it('a state written before contentHash existed still notices renamed items', async () => {
    const copy = join(dir, 'copy.md');
    writeFileSync(copy, readFileSync(plan, 'utf8').replace('- [ ] Borrowing', '- [x] Borrowing'));
    await runImport({ file: copy }, ctxFor());
    const old = state();
    delete old.documents[plan].contentHash;
    writeFileSync(join(dir, 'home', 'state.json'), JSON.stringify(old));
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('- [ ] Borrowing', '- [ ] Borrowing and moves'));
    const ctx = ctxFor();
    await runCheck({ command: 'check', refs: ['Borrowing and moves'] }, ctx);
    expect(ctx.err.text).toBe(
      'roadmap: document changed: 1 renamed (progress kept), 0 removed, 0 new — roadmap doctor for details\n' +
        '  renamed: “Borrowing” → “Borrowing and moves” (progress kept)\n',
    );
    expect(state().documents[plan].items).toHaveProperty('borrowing');
    expect(state().documents[plan].keys).toEqual({ '3': 'borrowing' });
    expect(state().documents[plan].contentHash).toBe(contentHash(readFileSync(plan)));
  });
});
