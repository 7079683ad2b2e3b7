import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentState } from '../../src/progress/state.js';
import type { ItemStatus } from '../../src/roadmap/model.js';
import { runRoadmap, scratchHome, stateFileOf } from '../helpers/cli.js';
import { range, writeState as writeStateIn } from '../helpers/guide.js';

// Scenarios on the bundled roadmap with a fixed clock. States are written in the store's format
// (the check/start commands come with another issue).
const NOW = '2026-05-15T09:00:00Z';
const DAYS_BEFORE = { 75: '2026-03-01', 150: '2025-12-16' } as const;

interface Suggestion {
  id: number;
  key: string;
  level: number;
  section: string | null;
  score: number;
  reasons: string[];
  track: 'now' | 'parallel' | 'ongoing';
}

let keys: string[] = [];

beforeAll(() => {
  // Item keys as the installed binary reports them.
  const r = runRoadmap(['list', '--json'], scratchHome().env);
  keys = JSON.parse(r.stdout).items.map((item: { key: string }) => item.key);
  expect(keys).toHaveLength(52);
});

/** A scratch home whose state.json holds these statuses (and a plan start), one log entry per change. */
function home(statuses: Partial<Record<ItemStatus, number[]>> = {}, planStart?: string, at = '2026-05-01T10:00:00.000Z') {
  const { env } = scratchHome();
  const doc: DocumentState = { items: {}, log: [] };
  for (const [status, ids] of Object.entries(statuses) as Array<[ItemStatus, number[]]>) {
    for (const id of ids) {
      const key = keys[id - 1] as string;
      doc.items[key] = { status, at };
      doc.log?.push({ at, key, from: 'todo', to: status });
    }
  }
  if (planStart) doc.plan = { start: planStart };
  writeState(env, doc);
  return { ...env, ROADMAP_NOW: NOW };
}

/** The test helper the lead asked for: state.json in the scratch home, in the store's format. */
function writeState(env: Record<string, string>, doc: DocumentState): void {
  writeStateIn(join(env.XDG_CONFIG_HOME as string, 'roadmap'), doc);
}

function next(env: Record<string, string>, args: string[] = []): Suggestion[] {
  const r = runRoadmap(['next', '--json', ...args], env);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).suggestions;
}
const byTrack = (list: Suggestion[], track: Suggestion['track']) => list.filter((s) => s.track === track);

describe('roadmap next: acceptance scenarios on the installed binary', () => {
  it('1. fresh state, no plan: item 1 first, three level-1 items now, level 3 in parallel, level 4 ongoing', () => {
    const env = { ...scratchHome().env, ROADMAP_NOW: NOW };
    const list = next(env);
    expect(list[0]).toMatchObject({ id: 1, level: 1, section: 'Langage backend principal', track: 'now' });
    expect(byTrack(list, 'now').map((s) => s.level)).toEqual([1, 1, 1]);
    expect(byTrack(list, 'parallel')).toHaveLength(1);
    expect(byTrack(list, 'parallel')[0]?.level).toBe(3);
    expect(byTrack(list, 'ongoing')).toHaveLength(1);
    expect(byTrack(list, 'ongoing')[0]?.level).toBe(4);
    for (const s of list) expect(s.reasons.length).toBeGreaterThan(0);

    const text = runRoadmap(['next'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Now\n {3}1 {2}Maîtriser un langage sérieusement/);
    expect(text.stdout).toContain('\nIn parallel  À travailler en parallèle des niveaux précédents\n');
    expect(text.stdout).toContain('\nOngoing  À construire dans le temps, tout au long de ta progression\n');
    expect(text.stdout).toContain('Niveau 1 › Langage backend principal — priority level 1');
  });

  it('2. an item in progress (10) comes first, with the reason "in progress"', () => {
    const env = home({ doing: [10] });
    const list = next(env);
    expect(list[0]).toMatchObject({ id: 10, section: 'Bases de données' });
    expect(list[0]?.reasons[0]).toBe('in progress');
    expect(runRoadmap(['next'], env).stdout).toMatch(/^Now\n {2}10 {2}Notions de NoSQL.*\n {6}Niveau 1 › Bases de données — in progress/);
    expect(runRoadmap(['next', '--lang', 'fr'], env).stdout).toContain('Bases de données — en cours');
  });

  it('3. with 13 and 14 done, item 15 (finishes the Git section) ranks above item 1', () => {
    const list = next(home({ done: [13, 14] }));
    const ids = byTrack(list, 'now').map((s) => s.id);
    expect(ids[0]).toBe(15);
    expect(ids.indexOf(15)).toBeLessThan(ids.indexOf(1));
    expect(list[0]?.reasons).toContain('finishes Git & bonnes pratiques');
  });

  it('4. level 1 done, plan started 75 days ago (month 3): now comes from Docker and AWS only', () => {
    const env = home({ done: range(1, 15) }, DAYS_BEFORE[75]);
    const now = byTrack(next(env, ['--count', '10']), 'now');
    expect(now).toHaveLength(10);
    const sections = new Set(now.map((s) => s.section));
    expect(sections).toEqual(new Set(['Docker & Containers', 'AWS — aller au-delà du basique']));
    expect(now[0]?.reasons).toContain('in the plan now: Mois 2-3');
    const top3 = byTrack(next(env), 'now').map((s) => s.section);
    for (const section of top3) expect(['Docker & Containers', 'AWS — aller au-delà du basique']).toContain(section);
  });

  it('5. plan started 150 days ago, items 1-7 done: a level-1 item of a past period first, the plan behind', () => {
    const env = home({ done: range(1, 7) }, DAYS_BEFORE[150]);
    const list = next(env);
    expect(list[0]).toMatchObject({ id: 9, level: 1, track: 'now' });
    expect(list[0]?.reasons[0]).toBe('behind the plan: “Mois 1-2” is over');
    expect(byTrack(list, 'now').map((s) => s.id)).toEqual([9, 13, 14]);
    expect(runRoadmap(['next', '--lang', 'fr'], env).stdout).toContain('en retard sur le plan : « Mois 1-2 » est passé');
  });

  it('6. everything done or skipped: the congratulation, exit 0, no suggestions', () => {
    const env = home({ done: range(1, 45), skipped: range(46, 52) });
    const text = runRoadmap(['next'], env);
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(/Congratulations/);
    expect(runRoadmap(['next', '--lang', 'fr'], env).stdout).toMatch(/Bravo/);
    expect(next(env)).toEqual([]);
  });
});

describe('roadmap next: options', () => {
  it('--explain prints every term of every suggestion, summing to the score', () => {
    const env = home({ done: [13, 14] });
    const r = runRoadmap(['next', '--explain', '--count', '1'], env);
    expect(r.code).toBe(0);
    const score = Number(/score\s+([\d.]+)/.exec(r.stdout)?.[1]);
    const block = r.stdout.split('\nIn parallel')[0] ?? '';
    for (const term of ['in progress', 'behind plan', 'priority', 'plan now', 'momentum', 'order']) expect(block).toContain(term);
    expect(block).toMatch(/momentum\s+3\s+0\.67\s+2\.00/);
    expect(score).toBeCloseTo(next(env, ['--count', '1'])[0]?.score as number, 2);
  });

  it('rejects a bad --count with exit 2', () => {
    const r = runRoadmap(['next', '--count', '0'], scratchHome().env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--count takes a whole number of at least 1, not "0"');
  });
});

describe('roadmap plan', () => {
  it('records the start, shows the timeline, the current month, behind, and the projection', () => {
    const env = home({ done: range(1, 7) }, undefined, '2026-05-12T10:00:00.000Z');
    const set = runRoadmap(['plan', '--start', DAYS_BEFORE[150]], env);
    expect(set.code).toBe(0);
    expect(JSON.parse(readFileSync(stateFileOf(env), 'utf8')).documents.bundled.plan).toEqual({ start: '2025-12-16' });
    expect(set.stdout).toContain('Plan start set to 2025-12-16.');
    expect(set.stdout).toContain('Started 2025-12-16 · today 2026-05-15, month 5');
    expect(set.stdout).toMatch(/! {2}Mois 1-2 {4}2025-12-16 → 2026-02-15 {2}█+░*\s+7\/8 {2}behind/);
    expect(set.stdout).toMatch(/▶ {2}Mois 4-5 .* now\n/);
    expect(set.stdout).toContain('→ Langage backend principal 3/3 · APIs REST 4/4 · item 9 ☐ PostgreSQL');
    // Words a period's focus did not need are not problems: only `--explain` shows them.
    expect(set.stdout).not.toMatch(/not found|words not used/);
    const explained = runRoadmap(['plan', '--explain'], env);
    expect(explained.stdout).toContain('words not used: Consolider');
    expect(set.stdout).toContain('Behind by 14 items (Mois 1-2, Mois 2-3).');
    expect(set.stdout).toContain('Projected finish: not enough history yet.');

    const json = JSON.parse(runRoadmap(['plan', '--json'], env).stdout);
    expect(json).toMatchObject({ start: '2025-12-16', month: 5, onTrack: false, behind: 14 });
    expect(json.periods[2]).toMatchObject({ period: 'Mois 4-5', first: '2026-03-16', last: '2026-05-15', state: 'current' });
  });

  it('projects the finish from the last 4 weeks', () => {
    const { env } = scratchHome();
    const at = (day: string) => `${day}T10:00:00.000Z`;
    const doc: DocumentState = {
      items: {},
      log: [],
      plan: { start: '2026-04-01' },
    };
    for (const [id, day] of [
      [1, '2026-04-10'],
      [2, '2026-04-25'],
      [3, '2026-05-02'],
      [4, '2026-05-14'],
    ] as const) {
      doc.items[keys[id - 1] as string] = { status: 'done', at: at(day) };
      doc.log?.push({ at: at(day), key: keys[id - 1] as string, from: 'todo', to: 'done' });
    }
    writeState(env, doc);
    const r = runRoadmap(['plan'], { ...env, ROADMAP_NOW: NOW });
    // 3 items in the last 28 days, 48 left → 448 days from 2026-05-15.
    expect(r.stdout).toContain('Pace: 3 items done in the last 28 days → projected finish 2027-08-06 (48 left).');
    expect(r.stdout).toContain('On track.');
  });

  it('counts from today without recording it; rejects a bad --start (exit 2) and a document without planning (exit 1)', () => {
    const { env } = scratchHome();
    const first = runRoadmap(['plan'], { ...env, ROADMAP_NOW: NOW });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^No start recorded: counted from today\. `roadmap plan --start 2026-05-15` records it/);
    const bad = runRoadmap(['plan', '--start', '2026-02-30'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--start takes a day as YYYY-MM-DD, not "2026-02-30"');
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-doc-'));
    writeFileSync(join(dir, 'plain.md'), '# Plain\n\n## A\n\n- [ ] one\n');
    const none = runRoadmap(['plan', '--file', join(dir, 'plain.md')], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('roadmap: this document has no planning table (a table under a heading that mentions a plan or schedule)\n');
  });
});

describe('roadmap log', () => {
  const { env } = scratchHome();
  beforeAll(() => {
    const doc: DocumentState = { items: {}, log: [] };
    const change = (id: number, from: ItemStatus, to: ItemStatus, at: string) => {
      doc.items[keys[id - 1] as string] = { status: to, at };
      doc.log?.push({ at, key: keys[id - 1] as string, from, to });
    };
    change(1, 'todo', 'done', '2026-04-29T10:00:00.000Z');
    change(2, 'todo', 'done', '2026-05-05T10:00:00.000Z');
    change(9, 'todo', 'doing', '2026-05-13T08:00:00.000Z');
    change(3, 'todo', 'done', '2026-05-14T17:00:00.000Z');
    writeState(env, doc);
  });

  it('lists the changes newest first, the weeks and the streak', () => {
    const r = runRoadmap(['log'], { ...env, ROADMAP_NOW: NOW });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('History (newest first)');
    expect(lines[1]).toBe('  2026-05-14 17:00  ✔ done         3  Gestion des erreurs, logging, tests unitaires  (to do → done)');
    expect(lines[2]).toMatch(/^ {2}2026-05-13 08:00 {2}◐ in progress {2}9 {2}PostgreSQL/);
    expect(r.stdout).toMatch(/week of 2026-05-11 {2}1 {2}█+\n/);
    expect(r.stdout).toContain('Streak: 3 weeks in a row with progress.');
  });

  it('--since and --json', () => {
    const r = runRoadmap(['log', '--since', '2026-05-13', '--json'], { ...env, ROADMAP_NOW: NOW });
    const json = JSON.parse(r.stdout);
    expect(json.entries.map((e: { id: number }) => e.id)).toEqual([3, 9]);
    expect(json.entries[0]).toMatchObject({ key: keys[2], from: 'todo', to: 'done', at: '2026-05-14T17:00:00.000Z' });
    expect(json.weeks.slice(-3)).toEqual([
      { start: '2026-04-27', done: 1 },
      { start: '2026-05-04', done: 1 },
      { start: '2026-05-11', done: 1 },
    ]);
    expect(json.streak).toBe(3);
    const bad = runRoadmap(['log', '--since', 'someday'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since takes a day (YYYY-MM-DD) or a duration (7d, 4w), not "someday"');
  });
});
