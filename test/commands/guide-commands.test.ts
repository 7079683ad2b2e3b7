import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLog } from '../../src/commands/log.js';
import { runNext } from '../../src/commands/next.js';
import { runPlan } from '../../src/commands/plan.js';
import { UsageError, UserError } from '../../src/errors.js';
import { urgentHint } from '../../src/progress/guide.js';
import type { Lang } from '../../src/ui/lang.js';
import { messagesFor } from '../../src/ui/messages.js';
import { renderUrgentHint } from '../../src/ui/render-next.js';
import { testContext } from '../helpers/context.js';
import { bundledModel, docStateOf, range, statusesOf, writeState } from '../helpers/guide.js';

const NOW = '2026-05-15T09:00:00Z';
const model = bundledModel();

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-guide-'));
  return { ROADMAP_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache') };
}

/** Items 1-7 done over the last weeks, 9 in progress, plan started 150 days ago. */
function midway() {
  const env = scratch();
  const changes = [
    ...range(1, 5).map((id) => ({ id, to: 'done' as const, at: `2026-03-0${id}T10:00:00.000Z` })),
    { id: 6, to: 'done' as const, at: '2026-04-28T10:00:00.000Z' },
    { id: 7, to: 'done' as const, at: '2026-05-12T18:00:00.000Z' },
    { id: 9, to: 'doing' as const, at: '2026-05-14T08:00:00.000Z' },
  ];
  writeState(env.ROADMAP_HOME, docStateOf(model, changes, { start: '2025-12-16' }));
  return env;
}

describe.each<Lang>(['en', 'fr'])('rendering in %s', (lang) => {
  it('next --explain', async () => {
    const ctx = testContext({ lang, env: midway(), now: NOW });
    await runNext({ explain: true }, ctx);
    await expect(ctx.out.text).toMatchFileSnapshot(`__snapshots__/next.${lang}.txt`);
  });

  it('plan', async () => {
    const ctx = testContext({ lang, env: midway(), now: NOW });
    await runPlan({}, ctx);
    await expect(ctx.out.text).toMatchFileSnapshot(`__snapshots__/plan.${lang}.txt`);
  });

  it('log', async () => {
    const ctx = testContext({ lang, env: midway(), now: NOW });
    await runLog({}, ctx);
    await expect(ctx.out.text).toMatchFileSnapshot(`__snapshots__/log.${lang}.txt`);
  });
});

describe('next', () => {
  it('gives reasons in the UI language and the contract JSON', async () => {
    const ctx = testContext({ env: midway(), now: NOW, json: true });
    await runNext({ count: 2 }, ctx);
    const { suggestions } = JSON.parse(ctx.out.text);
    expect(suggestions.map((s: { id: number; track: string }) => [s.id, s.track])).toEqual([
      [9, 'now'],
      [13, 'now'],
      [34, 'parallel'],
      [47, 'ongoing'],
    ]);
    expect(suggestions[0]).toMatchObject({
      key: 'postgresql-en-particulier-le-plus-utilise-en-prod',
      level: 1,
      section: 'Bases de données',
      status: 'doing',
      reasons: ['in progress', 'behind the plan: “Mois 1-2” is over', 'priority level 1'],
    });
    expect(suggestions[0].score).toBeCloseTo(10 + 5 + 8 + 0.5 * (1 - 8 / 52), 2);
  });

  it('tips about the plan when none is started, and congratulates when all is done', async () => {
    const fresh = testContext({ env: scratch(), now: NOW });
    await runNext({}, fresh);
    expect(fresh.out.text).toContain('roadmap plan --start');
    const env = scratch();
    writeState(
      env.ROADMAP_HOME,
      docStateOf(
        model,
        range(1, 52).map((id) => ({ id, to: id % 2 ? 'done' : 'skipped', at: NOW })),
      ),
    );
    const done = testContext({ env, now: NOW, lang: 'fr' });
    await runNext({}, done);
    // The congratulation, then the capstone project's parts now ready to build.
    expect(done.out.text.startsWith(`${messagesFor('fr').next.congrats}\n🎯 Projet`)).toBe(true);
  });

  it('gives one list on a document without track notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-doc-'));
    const file = join(dir, 'plain.md');
    writeFileSync(file, '# Plain\n\n## A\n\n- [ ] one\n- [x] two\n\n## B\n\n- [ ] three\n');
    const ctx = testContext({ env: scratch(), now: NOW, file });
    await runNext({}, ctx);
    expect(ctx.out.text).toBe(
      // "A" and "B" are topics, not priority levels: no "priority level N"; "one" finishes what is under A.
      'Next\n  1  one\n     A — finishes A · in document order\n  3  three\n     B — in document order\n',
    );
  });
});

describe('the hint after check/start', () => {
  it.each<Lang>(['en', 'fr'])('is one line in %s', (lang) => {
    const hint = urgentHint(model, statusesOf(model, { doing: [20] }), [20], new Date(NOW), undefined);
    if (!hint) throw new Error('expected a hint');
    const chalk = testContext().chalk;
    const line = renderUrgentHint(hint, model, { chalk, t: messagesFor(lang) });
    expect(line).toBe(
      lang === 'en'
        ? 'More urgent: 1  Maîtriser un langage sérieusement : Python (le plus polyval… (priority level 1). See `roadmap next`.\n'
        : 'Plus urgent : 1  Maîtriser un langage sérieusement : Python (le plus polyval… (niveau de priorité 1). Voir `roadmap next`.\n',
    );
  });
});

describe('plan', () => {
  it('counts from today without recording anything, and records a start with --start', async () => {
    const env = scratch();
    const first = testContext({ env, now: NOW });
    await runPlan({}, first);
    expect(first.out.text).toMatch(/^No start recorded: counted from today\. `roadmap plan --start 2026-05-15`/);
    expect(existsSync(join(env.ROADMAP_HOME, 'state.json'))).toBe(false);
    const state = () => JSON.parse(readFileSync(join(env.ROADMAP_HOME, 'state.json'), 'utf8'));
    await runPlan({ start: true }, testContext({ env, now: NOW }));
    expect(state().documents.bundled.plan).toEqual({ start: '2026-05-15' });
    const again = testContext({ env, now: NOW });
    await runPlan({}, again);
    expect(again.out.text).not.toContain('No start recorded');
    expect(again.out.text).toContain('Started 2026-05-15 · today 2026-05-15, month 1');
    const set = testContext({ env, now: NOW, json: true });
    await runPlan({ start: '2026-02-01' }, set);
    expect(set.err.text).toBe('Plan start set to 2026-02-01.\n');
    const json = JSON.parse(set.out.text);
    expect(json).toMatchObject({ start: '2026-02-01', today: '2026-05-15', month: 4, onTrack: false, behind: 21 });
    expect(json.periods.map((p: { mark: string }) => p.mark)).toEqual(['behind', 'behind', 'now', 'later', 'ongoing']);
    expect(state().documents.bundled.plan).toEqual({ start: '2026-02-01' });
  });

  it('fails with exit 1 on a document without a planning table, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-doc-'));
    const file = join(dir, 'plain.md');
    writeFileSync(file, '# Plain\n\n## A\n\n- [ ] one\n');
    const env = scratch();
    const ctx = testContext({ env, now: NOW, file });
    await expect(runPlan({ start: true }, ctx)).rejects.toThrow(UserError);
    expect(() => readFileSync(join(env.ROADMAP_HOME, 'state.json'))).toThrow();
  });
});

describe('log', () => {
  it('filters with --since and gives JSON', async () => {
    const ctx = testContext({ env: midway(), now: NOW, json: true });
    await runLog({ since: '1w' }, ctx);
    const json = JSON.parse(ctx.out.text);
    expect(json.entries.map((e: { id: number; to: string }) => [e.id, e.to])).toEqual([
      [9, 'doing'],
      [7, 'done'],
    ]);
    expect(json.weeks.map((w: { done: number }) => w.done)).toEqual([0, 0, 0, 0, 0, 1, 0, 1]);
    expect(json.streak).toBe(1);
  });

  it('rejects a --since it cannot read with a usage error', async () => {
    await expect(runLog({ since: 'last tuesday' }, testContext({ env: scratch(), now: NOW }))).rejects.toThrow(UsageError);
  });

  it('says when nothing changed since the day asked', async () => {
    const ctx = testContext({ env: midway(), now: NOW });
    await runLog({ since: '2026-05-15' }, ctx);
    expect(ctx.out.text).toContain('No change since 2026-05-15.');
  });
});
