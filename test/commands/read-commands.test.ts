import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runList } from '../../src/commands/list.js';
import { runStatus } from '../../src/commands/status.js';
import { UserError } from '../../src/errors.js';
import type { Lang } from '../../src/ui/lang.js';
import { FIXTURES, testContext } from '../helpers/context.js';

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-cmd-'));
  return { ROADMAP_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache') };
}

/** A state file with some progress on the bundled roadmap. */
function withProgress() {
  const env = scratch();
  const at = '2026-02-01T10:00:00.000Z';
  const items = {
    'maitriser-un-langage-serieusement-python-le-plus-polyvalent': { status: 'done', at },
    'poo-avancee-design-patterns-factory-singleton-repository': { status: 'done', at },
    'postgresql-en-particulier-le-plus-utilise-en-prod': { status: 'doing', at },
    'tdd-notions': { status: 'skipped', at },
    'kafka-messagerie-event-driven-a-grande-echelle': { status: 'done', at },
  };
  const { mkdirSync } = require('node:fs') as typeof import('node:fs');
  mkdirSync(env.ROADMAP_HOME, { recursive: true });
  writeFileSync(join(env.ROADMAP_HOME, 'state.json'), JSON.stringify({ schemaVersion: 1, documents: { bundled: { items } } }));
  return env;
}

describe.each<Lang>(['en', 'fr'])('rendering in %s', (lang) => {
  it('status', async () => {
    const ctx = testContext({ lang, env: withProgress() });
    await runStatus({}, ctx);
    await expect(ctx.out.text).toMatchFileSnapshot(`__snapshots__/status.${lang}.txt`);
  });

  it('list', async () => {
    const ctx = testContext({ lang, env: withProgress() });
    await runList({}, ctx);
    await expect(ctx.out.text).toMatchFileSnapshot(`__snapshots__/list.${lang}.txt`);
  });
});

describe('status', () => {
  it('counts done, doing and skipped, skipped items leaving the percentage base', async () => {
    const ctx = testContext({ env: withProgress(), json: true });
    await runStatus({}, ctx);
    const json = JSON.parse(ctx.out.text);
    expect(json).toMatchObject({ total: 52, done: 3, doing: 1, skipped: 1, percent: 6 });
    expect(json.levels[0]).toMatchObject({ done: 2, doing: 1, percent: 13 });
    expect(json.levels[2].sections[3]).toMatchObject({ title: 'Tests', total: 2, done: 0, skipped: 1 });
  });

  it('narrows to one level', async () => {
    const ctx = testContext({ env: scratch() });
    await runStatus({ level: 3 }, ctx);
    expect(ctx.out.text).toContain('Niveau 3');
    expect(ctx.out.text).not.toContain('Niveau 1');
    expect(ctx.out.text).toContain('Overall');
  });

  it('fits in 80 columns, and stacks the bars in a narrow terminal', async () => {
    const wide = testContext({ env: withProgress(), columns: 80 });
    await runStatus({}, wide);
    const { width } = await import('../../src/ui/text.js');
    for (const line of wide.out.text.split('\n')) expect(width(line)).toBeLessThanOrEqual(80);
    const narrow = testContext({ env: withProgress(), columns: 30 });
    await runStatus({}, narrow);
    for (const line of narrow.out.text.split('\n')) expect(width(line)).toBeLessThanOrEqual(30);
  });

  it('says so for a document with no task items', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-doc-'));
    const file = join(dir, 'empty.md');
    writeFileSync(file, '# Nothing to do\n\nJust text.\n');
    const ctx = testContext({ env: scratch(), file });
    await runStatus({}, ctx);
    expect(ctx.out.text).toBe('Nothing to do\n\nThis document has no task items (`- [ ]`).\n');
  });

  it('refuses a corrupt state file and leaves it as it was', async () => {
    const env = scratch();
    const { mkdirSync, readFileSync } = await import('node:fs');
    mkdirSync(env.ROADMAP_HOME, { recursive: true });
    const file = join(env.ROADMAP_HOME, 'state.json');
    for (const content of ['{ not json', '', '{"schemaVersion":1,"documents":[]}', '{"schemaVersion":99,"documents":{}}']) {
      writeFileSync(file, content);
      const ctx = testContext({ env });
      await expect(runStatus({}, ctx)).rejects.toThrow(UserError);
      await expect(runStatus({}, ctx)).rejects.toThrow(file);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });
});

describe('list', () => {
  it('filters by state', async () => {
    const env = withProgress();
    const done = testContext({ env, json: true });
    await runList({ done: true }, done);
    expect(JSON.parse(done.out.text).items.map((i: { id: number }) => i.id)).toEqual([1, 2, 49]);
    const todo = testContext({ env, json: true });
    await runList({ todo: true, level: 1 }, todo);
    expect(JSON.parse(todo.out.text).items.map((i: { id: number }) => i.id)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('shows nested items indented on another document', async () => {
    const ctx = testContext({ env: scratch(), file: join(FIXTURES, 'coding-interview-university.md') });
    await runList({ section: 'arrays' }, ctx);
    const lines = ctx.out.text.split('\n');
    const vector = lines.findIndex((l) => l.includes('Implement a vector'));
    expect(vector).toBeGreaterThan(0);
    const indent = (l: string | undefined) => (l ?? '').search(/\S/);
    expect(indent(lines[vector + 1])).toBe(indent(lines[vector]) + 2);
  });

  it('escapes control characters from the document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-doc-'));
    const file = join(dir, 'evil.md');
    writeFileSync(file, '## Level\n\n- [ ] evil \u001b]0;owned\u0007 title\n');
    const ctx = testContext({ env: scratch(), file });
    await runList({}, ctx);
    expect(ctx.out.text).toContain('evil \\x1b]0;owned\\x07 title');
    expect(ctx.out.text).not.toContain('\u001b');
  });
});
