import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/commands/check.js';
import { runInfo } from '../../src/commands/info.js';
import { runList } from '../../src/commands/list.js';
import { runLog } from '../../src/commands/log.js';
import { runNext } from '../../src/commands/next.js';
import { runPlan } from '../../src/commands/plan.js';
import { runStatus } from '../../src/commands/status.js';
import type { Context } from '../../src/context.js';
import { UserError } from '../../src/errors.js';
import type { Lang } from '../../src/ui/lang.js';
import { width } from '../../src/ui/text.js';
import { captured, testContext } from '../helpers/context.js';
import { bundledModel, docStateOf, range, writeState } from '../helpers/guide.js';

// Every daily view in a terminal of 40 to 60 columns, in both languages: no line wider than the terminal.
// (The e2e test test/e2e/width.test.ts checks the same in a real pseudo-terminal at 80 and 100 columns.)

const NOW = '2026-05-15T09:00:00Z';
const model = bundledModel();

/** A state with changes of long items (1, 2, 21), one in progress, notes-less; plan started long ago. */
function progressed() {
  const dir = mkdtempSync(join(tmpdir(), 'roadmap-fit-'));
  const env = { ROADMAP_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'cache') };
  const changes = [
    ...range(1, 5).map((id) => ({ id, to: 'done' as const, at: `2026-03-0${id}T10:00:00.000Z` })),
    { id: 21, to: 'doing' as const, at: '2026-05-14T08:00:00.000Z' },
    { id: 40, to: 'doing' as const, at: '2026-05-14T08:00:00.000Z' },
  ];
  writeState(env.ROADMAP_HOME, docStateOf(model, changes, { start: '2025-12-16' }));
  return env;
}

/** A command context whose stdout and stderr are terminals of `columns`. */
function terminal(lang: Lang, columns: number, env: Record<string, string>) {
  const ctx = testContext({ lang, env, now: NOW, columns });
  const out = captured(true, columns);
  const err = captured(true, columns);
  return Object.assign(ctx, { stdout: out, stderr: err, out, err });
}

const VIEWS: Array<[string, (ctx: Context) => Promise<void>]> = [
  ['status', (ctx) => runStatus({}, ctx)],
  ['list', (ctx) => runList({}, ctx)],
  ['next', (ctx) => runNext({}, ctx)],
  ['next --explain', (ctx) => runNext({ explain: true }, ctx)],
  ['plan', (ctx) => runPlan({}, ctx)],
  ['plan --explain', (ctx) => runPlan({ explain: true }, ctx)],
  ['log', (ctx) => runLog({}, ctx)],
  ['info 21', (ctx) => runInfo({ item: '21' }, ctx)],
  ['info 1', (ctx) => runInfo({ item: '1' }, ctx)],
  ['check 30 (with its hint)', (ctx) => runCheck({ command: 'check', refs: ['30'] }, ctx)],
  ['check 3 (already done)', (ctx) => runCheck({ command: 'check', refs: ['3'] }, ctx)],
  ['start 41', (ctx) => runCheck({ command: 'start', refs: ['41'] }, ctx)],
];

const tooWide = (text: string, columns: number) => text.split('\n').filter((line) => width(line) > columns);

describe.each<Lang>(['en', 'fr'])('views in %s', (lang) => {
  describe.each([40, 50, 60])('at %i columns', (columns) => {
    it.each(VIEWS)('%s fits', async (_name, run) => {
      const ctx = terminal(lang, columns, progressed());
      await run(ctx);
      expect(ctx.out.text.length).toBeGreaterThan(0);
      expect(tooWide(ctx.out.text, columns)).toEqual([]);
    });
  });

  it('the hint after check fits 40 columns and still names the item and `roadmap next`', async () => {
    const ctx = terminal(lang, 40, progressed());
    await runCheck({ command: 'check', refs: ['30'] }, ctx);
    const text = ctx.out.text.replace(/\n(?=\S)/g, '\n');
    expect(text).toMatch(lang === 'en' ? /More urgent: \d+/ : /Plus urgent : \d+/);
    expect(text.replace(/\s+/g, ' ')).toContain('`roadmap next`');
    expect(tooWide(ctx.out.text, 40)).toEqual([]);
  });

  it('did-you-mean lines fit a 40-column stderr', async () => {
    const ctx = terminal(lang, 40, progressed());
    const error = await runCheck({ command: 'check', refs: ['postgress'] }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const details = (error as UserError).details;
    expect(details.length).toBeGreaterThan(1);
    expect(details.filter((line) => width(line) > 40)).toEqual([]);
  });
});

describe('piped output keeps its rules', () => {
  it('log and info stay one line per entry in a pipe', async () => {
    const ctx = testContext({ env: progressed(), now: NOW, columns: 40 });
    await runLog({}, ctx);
    expect(ctx.out.text).toMatch(/\n {2}\S.* 1 {2}Maîtriser un langage sérieusement : .*cloud-native\) {2}\(to do → done\)\n/);
    const info = testContext({ env: progressed(), now: NOW, columns: 40 });
    await runInfo({ item: '1' }, info);
    expect(info.out.text.split('\n')[0]).toBe(
      '1  Maîtriser un langage sérieusement : Python (le plus polyvalent) ou Java/Kotlin ou Go (très demandé en cloud-native)',
    );
  });
});
