// The history beside the state, on the installed binary: append-only (the state does not grow with
// it), crash-safe (a write killed after its history append and before its state loses nothing that was
// acknowledged), and the migration of a state that still holds its log (1000 entries), undo across it.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry, State } from '../../src/progress/state.js';
import { historyFileOf } from '../../src/store/history.js';
import { scratchHome, stateFileOf } from '../helpers/cli.js';
import { spawnRoadmap } from '../helpers/spawn.js';

function home() {
  const { env } = scratchHome();
  const full = { ...env, ROADMAP_NOW: '2026-03-01T09:00:00Z' };
  const stateFile = stateFileOf(full);
  return { env: full, stateFile, home: dirname(stateFile), history: historyFileOf(dirname(stateFile), 'bundled') };
}

const readState = (file: string): State => JSON.parse(readFileSync(file, 'utf8'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

async function ok(args: string[], env: Record<string, string>) {
  const run = await spawnRoadmap(args, env);
  expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run;
}

async function logOf(env: Record<string, string>): Promise<{ id: number | null; key: string; to: string; at: string }[]> {
  return JSON.parse((await ok(['log', '--json'], env)).stdout).entries;
}

describe('the history beside the state (installed binary)', () => {
  it('is append-only: one line per change, the state file does not grow with it', async () => {
    const h = home();
    for (const command of ['check', 'uncheck', 'check']) await ok([command, '1'], h.env);
    // Undo keeps its last 50 steps in the state (bounded): start from a state that holds 50, alternating
    // as the commands below do, so each new step pushes out one of the same size.
    const state = readState(h.stateFile);
    const doc = state.documents.bundled as NonNullable<State['documents'][string]>;
    const [, uncheckStep, checkStep] = doc.undo ?? [];
    doc.undo = Array.from({ length: 50 }, (_, i) => structuredClone((i % 2 ? checkStep : uncheckStep) as NonNullable<typeof checkStep>));
    writeFileSync(h.stateFile, JSON.stringify(state, undefined, '\t'));
    const sizes: number[] = [];
    const counts: number[] = [];
    for (let n = 0; n < 8; n++) {
      await ok([n % 2 ? 'check' : 'uncheck', '1'], h.env);
      sizes.push(statSync(h.stateFile).size);
      counts.push(lines(h.history).length);
    }
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // The first line names the document; then one line per change.
    expect(counts).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
    const onDisk = readState(h.stateFile).documents.bundled;
    expect(onDisk?.log).toBeUndefined();
    expect(onDisk?.historyBytes).toBe(statSync(h.history).size);
    expect(await logOf(h.env)).toHaveLength(11);
  });

  it('a check killed after its history append, before its state: nothing acknowledged lost, the state reads, the next check drops the unacknowledged line', async () => {
    const h = home();
    await ok(['check', '1'], h.env);
    await ok(['check', '2'], h.env);
    const killed = await spawnRoadmap(['check', '3'], { ...h.env, ROADMAP_TEST_KILL_AT: 'write:history' });
    expect(killed.signal).toBe('SIGKILL');
    // The line of check 3 is on disk, past the committed length: never read.
    expect(lines(h.history)).toHaveLength(4);
    expect((await logOf(h.env)).map((e) => e.id)).toEqual([2, 1]);
    const doctor = await ok(['doctor'], h.env);
    expect(doctor.stdout).toMatch(
      /ends with \d+ bytes of an interrupted write, never acknowledged: ignored \(dropped by the next change\)/,
    );
    const list: { items: { id: number; status: string }[] } = JSON.parse((await ok(['list', '--json'], h.env)).stdout);
    expect(list.items.slice(0, 3).map((item) => item.status)).toEqual(['done', 'done', 'todo']);
    await ok(['check', '4'], h.env);
    expect((await logOf(h.env)).map((e) => e.id)).toEqual([4, 2, 1]);
    expect(lines(h.history)).toHaveLength(4);
    expect((await ok(['doctor'], h.env)).stdout).not.toContain('interrupted write');
  });

  it('a torn last line (a crash in the middle of an append) is ignored and reported, never fatal', async () => {
    const h = home();
    await ok(['check', '1'], h.env);
    appendFileSync(h.history, '{"at":"2026-03-01T09:00:00.000Z","key":"po');
    expect((await logOf(h.env)).map((e) => e.id)).toEqual([1]);
    expect((await ok(['doctor', '--json'], h.env)).stdout).toContain('"tail": 42');
    await ok(['check', '2'], h.env);
    expect((await logOf(h.env)).map((e) => e.id)).toEqual([2, 1]);
    expect(readFileSync(h.history, 'utf8').endsWith('\n')).toBe(true);
  });

  it('migrates a state holding its log (1000 entries) on the first change, losing nothing; undo works across the migration', async () => {
    const h = home();
    await ok(['check', '1'], h.env);
    await ok(['check', '2'], h.env);
    // The same progress as a state written before the history moved out: the log inside, no history file.
    const state = readState(h.stateFile);
    const doc = state.documents.bundled as NonNullable<State['documents'][string]>;
    const recent = lines(h.history)
      .slice(1)
      .map((line) => JSON.parse(line) as LogEntry);
    const key5: string = JSON.parse((await ok(['info', '5', '--json'], h.env)).stdout).key;
    const old = Array.from(
      { length: 998 },
      (_, i): LogEntry => ({
        at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
        key: key5,
        from: i % 2 ? 'done' : 'todo',
        to: i % 2 ? 'todo' : 'done',
      }),
    );
    doc.log = [...old, ...recent];
    delete doc.historyBytes;
    writeFileSync(h.stateFile, JSON.stringify(state, undefined, '\t'));
    rmSync(join(h.home, 'history'), { recursive: true });

    const before = await logOf(h.env);
    expect(before).toHaveLength(1000);
    // Reads never migrate: the file is left as it was.
    await ok(['status'], h.env);
    expect(readState(h.stateFile).documents.bundled?.log).toHaveLength(1000);

    await ok(['check', '3'], h.env);
    const migrated = readState(h.stateFile).documents.bundled;
    expect(migrated?.log).toBeUndefined();
    expect(lines(h.history)).toHaveLength(1 + 1001);
    const after = await logOf(h.env);
    expect(after).toHaveLength(1001);
    expect(after.slice(1)).toEqual(before);
    expect(after[0]?.id).toBe(3);

    // Undo: the step made after the migration, then one made before it.
    const undo3 = await ok(['undo'], h.env);
    expect(undo3.stdout).toContain('1 item');
    const undo2 = await ok(['undo'], h.env);
    expect(undo2.stdout).toContain('1 item');
    const list: { items: { id: number; status: string }[] } = JSON.parse((await ok(['list', '--json'], h.env)).stdout);
    expect(list.items.slice(0, 3).map((item) => item.status)).toEqual(['done', 'todo', 'todo']);
    // `info` reads the item's own history from the file: the 998 changes from before the migration.
    expect(JSON.parse((await ok(['info', '5', '--json'], h.env)).stdout).changes).toHaveLength(998);
    const log = await logOf(h.env);
    expect(log).toHaveLength(1003);
    expect(log.slice(0, 2).map((e) => [e.id, e.to])).toEqual([
      [2, 'todo'],
      [3, 'todo'],
    ]);
    expect(readdirSync(join(h.home, 'history'))).toHaveLength(1);
    expect(existsSync(h.history)).toBe(true);
  });
});
